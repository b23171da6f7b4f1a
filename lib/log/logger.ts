import 'server-only';
import pino from 'pino';
import { loggerOptions, requestContext } from './options.mjs';

/**
 * The application's structured log (JSON lines on stdout, pino). Every line written while a
 * request or job is served carries its requestId / jobId and the signed-in userId; see
 * lib/log/options.mjs for what is never logged. Log an unexpected error once, where it is
 * handled (`log().error({ err }, 'what failed')`), never where it is rethrown.
 */
const root = pino(loggerOptions('app'));

export function log(): pino.Logger {
  const store = requestContext().getStore();
  return store ? root.child({ requestId: store.requestId, userId: store.userId, jobId: store.jobId }) : root;
}

/** Records who the request is for (once the session is resolved), for its request log line. */
export function setRequestUser(userId: string): void {
  const store = requestContext().getStore();
  if (store) store.userId = userId;
}

/** Runs a background job with its own context, so its log lines (and its own line) carry its id. */
export async function runJob<T>(name: string, id: string, body: () => Promise<T>): Promise<T> {
  const started = performance.now();
  return requestContext().run({ requestId: id, jobId: id }, async () => {
    try {
      const result = await body();
      root.info({ job: name, jobId: id, status: 'completed', durationMs: ms(started) }, 'job');
      return result;
    } catch (err) {
      root.error({ job: name, jobId: id, status: 'failed', durationMs: ms(started), err }, 'job failed');
      throw err; // pg-boss retries it
    }
  });
}

const ms = (since: number) => Math.round((performance.now() - since) * 10) / 10;
