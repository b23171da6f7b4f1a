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
 *
 * One action may serve several kinds of subject (a need or a seed) with a permission per kind:
 * `authedAction({ need: 'needs.create', seed: 'seeds.create' }, schema, …)`, where the input names
 * its kind (`{ kind: 'need', … }`). A viewer who holds none of them is refused before the input is
 * read; after parsing, the permission of the input's kind must hold.
 */
export function authedAction<Input, Output>(
  permission: Permission,
  schema: ZodType<Input>,
  handler: (viewer: Viewer, input: Input, ctx: Context) => Promise<Output>,
): FormAction<Output>;
export function authedAction<Kind extends string, Input extends { kind: Kind }, Output>(
  permission: PermissionByKind<Kind>,
  schema: ZodType<Input>,
  handler: (viewer: Viewer, input: Input, ctx: Context) => Promise<Output>,
): FormAction<Output>;
export function authedAction<Input, Output>(
  permission: Permission | PermissionByKind<string>,
  schema: ZodType<Input>,
  handler: (viewer: Viewer, input: Input, ctx: Context) => Promise<Output>,
): FormAction<Output> {
  return async (input, formData) =>
    run(async () => {
      const viewer = await getViewer();
      if (!viewer) throw new AppError('unauthorized');
      const permissions = typeof permission === 'string' ? [permission] : Object.values(permission);
      if (!permissions.some((p) => can(viewer, p))) throw new AppError('forbidden');
      const parsed = parseInput(schema, inputOf(input, formData));
      if (typeof permission !== 'string' && !canForKind(viewer, permission, parsed)) throw new AppError('forbidden');
      return handler(viewer, parsed, await context());
    });
}

/** A permission for each kind an action serves, e.g. `{ need: 'needs.create', seed: 'seeds.create' }`. */
type PermissionByKind<Kind extends string> = { readonly [K in Kind]: Permission };

function canForKind(viewer: Viewer, permission: PermissionByKind<string>, input: unknown): boolean {
  if (typeof input !== 'object' || input === null || !('kind' in input) || typeof input.kind !== 'string') return false;
  return Object.hasOwn(permission, input.kind) && can(viewer, permission[input.kind]);
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
