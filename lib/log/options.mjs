// Settings shared by every logger of the portal: the server's request log (scripts/server.mjs)
// and the application's logger (lib/log/logger.ts). Plain JavaScript so the server, which runs
// outside Next's bundle, can import it too.
//
// Nothing secret or personal may reach a log line. Lines carry ids (request, user, job), routes,
// statuses and durations only; these paths are censored in case a caller passes more, and error
// objects are stripped of the values a database error carries (postgres.js `parameters`, the
// `detail` that names a conflicting e-mail, drizzle's "params:" in its message).
import { randomUUID } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

const secretKeys = [
  'password',
  'passwordHash',
  'token',
  'secret',
  'authorization',
  'cookie',
  'email',
  'phone',
  'contact',
  'contacts',
  'address',
  'note',
  'body',
  'text',
  'parameters',
  'params',
  'detail',
];
const redactPaths = [
  ...secretKeys,
  ...secretKeys.map((k) => `*.${k}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/** A database error's values (parameters, the row in `detail`, drizzle's "params: …") are never logged. */
function scrubError(err) {
  const out = pino.stdSerializers.errWithCause(err);
  for (let e = out, depth = 0; e && typeof e === 'object' && depth < 5; e = e.cause, depth++) {
    for (const key of ['parameters', 'params', 'detail', 'where', 'query_params']) if (key in e) e[key] = '[redacted]';
    for (const key of ['message', 'stack'])
      if (typeof e[key] === 'string') e[key] = e[key].replace(/\nparams: [^\n]*/g, '\nparams: [redacted]');
  }
  return out;
}

/** @param {string} name which part of the portal writes the line (server, app, jobs) */
export function loggerOptions(name) {
  return {
    name,
    level: process.env.LOG_LEVEL || 'info',
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: { err: scrubError, error: scrubError },
  };
}

/**
 * The request (or job) being served, shared across module copies: the server creates it, the
 * bundled application reads it through globalThis.
 * @returns {AsyncLocalStorage<{ requestId: string; userId?: string; jobId?: string }>}
 */
export function requestContext() {
  const key = Symbol.for('clustermatch.requestContext');
  globalThis[key] ??= new AsyncLocalStorage();
  return globalThis[key];
}

/** An incoming X-Request-Id when it looks like one (a proxy's), else a new one. */
export function requestIdFrom(header) {
  return typeof header === 'string' && /^[\w.:-]{8,100}$/.test(header) ? header : randomUUID();
}
