import 'server-only';
import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import type { ZodType } from 'zod';
import { isDatabaseUnavailable } from '@/db/errors';
import { getViewer } from '@/lib/auth/session';
import { can, type Permission, type Viewer } from '@/lib/auth/policy';
import { recordedIp } from '@/lib/auth/request-ip';
import { AppError, type ActionResult } from '@/lib/errors';
import { formDataObject, parseInput } from '@/lib/validation/input';
import { log } from '@/lib/log/logger';

type Context = { ip: string | null };

/**
 * The one way to write a server action for signed-in users:
 * session → policy → zod → handler, with errors mapped to a safe ActionResult.
 * Server actions are public POST endpoints, so none may skip this.
 */
export function authedAction<Input, Output>(
  permission: Permission,
  schema: ZodType<Input>,
  handler: (viewer: Viewer, input: Input, ctx: Context) => Promise<Output>,
): FormAction<Output> {
  return async (input, formData) =>
    run(async () => {
      const viewer = await getViewer();
      if (!viewer) throw new AppError('unauthorized');
      if (!can(viewer, permission)) throw new AppError('forbidden');
      return handler(viewer, parseInput(schema, inputOf(input, formData)), await context());
    });
}

/** For the few actions that work without a session (sign-up, sign-in, language switch). */
export function publicAction<Input, Output>(
  schema: ZodType<Input>,
  handler: (input: Input, ctx: Context) => Promise<Output>,
): FormAction<Output> {
  return async (input, formData) =>
    run(async () => handler(parseInput(schema, inputOf(input, formData)), await context()));
}

/**
 * An action is called with its input (from a form's JavaScript), or as a form's `action` through
 * React's useActionState — (previous result, FormData) — which also works before or without
 * JavaScript: the browser POSTs the form and the page renders the result.
 */
export type FormAction<Output> = (input: unknown, formData?: FormData) => Promise<ActionResult<Output>>;

const inputOf = (input: unknown, formData?: FormData) =>
  formData instanceof FormData ? formDataObject(formData) : input;

async function context(): Promise<Context> {
  return { ip: recordedIp(await headers()) };
}

async function run<Output>(body: () => Promise<Output>): Promise<ActionResult<Output>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() must keep working
    if (error instanceof AppError) {
      return { ok: false, code: error.code, messageKey: error.messageKey, fieldErrors: error.fieldErrors };
    }
    if (isDatabaseUnavailable(error)) {
      log().warn({ err: error }, 'action refused: database unavailable');
      return { ok: false, code: 'unavailable', messageKey: 'errors.unavailable' };
    }
    log().error({ err: error }, 'action failed');
    return { ok: false, code: 'internal', messageKey: 'errors.internal' };
  }
}
