import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ZodType } from 'zod';
import { getDb } from '@/db';
import { rateLimits } from '@/db/schema/accounts';
import { can, type Permission, type Viewer } from '@/lib/auth/policy';
import { recordedIp } from '@/lib/auth/request-ip';
import { env } from '@/lib/env';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '@/db/errors';
import { AppError, errorStatus, type ErrorCode } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/validation/messages';
import { mergeFieldErrors, nulFieldErrors } from '@/lib/validation/input';
import { viewerForToken } from './tokens';
import { translateFields, translateKey } from './translate';
import { log } from '@/lib/log/logger';

/** Request bodies above this are refused with 413 before parsing. */
export const MAX_JSON_BODY_BYTES = 256 * 1024;
/** Requests per token per minute (API_RATE_LIMIT_PER_MINUTE; Postgres-backed, so it holds across instances). */
export const apiRateLimit = () => ({ points: env().API_RATE_LIMIT_PER_MINUTE, duration: 60 });

export type ApiErrorCode = ErrorCode | 'method_not_allowed' | 'payload_too_large' | 'unavailable' | 'internal';
export type ApiErrorBody = { error: { code: ApiErrorCode; message: string; fields?: Record<string, string[]> } };

export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type HandlerContext<P, Q, B> = {
  viewer: Viewer;
  params: P;
  query: Q;
  body: B;
  request: Request;
  ip: string | null;
};

type Spec<P, Q, B> = {
  permission: Permission;
  /** Path params; a value that fails (e.g. not a uuid) is a 404, like an unknown id. */
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
};

export function jsonError(
  code: ApiErrorCode,
  message: string,
  fields?: Record<string, string[]>,
  headers?: HeadersInit,
): Response {
  const status =
    code === 'method_not_allowed'
      ? 405
      : code === 'payload_too_large'
        ? 413
        : code === 'unavailable'
          ? 503
          : errorStatus[code];
  const body: ApiErrorBody = { error: { code, message, ...(fields ? { fields } : {}) } };
  return Response.json(body, { status, headers });
}

/** The answer to a path under /api that no route handler serves: JSON, like every other API refusal. */
export function unknownApiRoute(request: Request): Response {
  return jsonError('not_found', translateKey(localeOf(request, null), 'errors.not_found'));
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/**
 * JSON 405 handlers for the methods a route does not serve (Next.js would answer them with an empty
 * body): `export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST');`
 */
export function otherMethods(...allowed: Method[]): Record<Method, (request: Request) => Response> {
  const allow = allowed.join(', ');
  const refuse = (request: Request) =>
    jsonError(
      'method_not_allowed',
      translateKey(localeOf(request, null), `api.errors.method?allow=${encodeURIComponent(allow)}`),
      undefined,
      {
        Allow: allow,
      },
    );
  methodRefusals.add(refuse);
  return { GET: refuse, POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse };
}
const methodRefusals = new WeakSet<object>();
/** Whether a route's export is one of otherMethods' refusals rather than a method it serves. */
export const isMethodRefusal = (handler: unknown): boolean =>
  typeof handler === 'function' && methodRefusals.has(handler);

let limiter: RateLimiterAbstract | undefined;
async function rateLimiter(): Promise<RateLimiterAbstract> {
  if (!limiter) {
    const db = await getDb().catch(() => null);
    limiter = db
      ? new RateLimiterDrizzle({
          storeClient: db,
          schema: rateLimits,
          keyPrefix: 'api_token',
          clearExpiredByTimeout: false,
          ...apiRateLimit(),
        })
      : new RateLimiterMemory({ keyPrefix: 'api_token', ...apiRateLimit() });
  }
  return limiter;
}
/** For tests: a different per-minute limit. */
export function setApiRateLimit(points: number) {
  limiter = new RateLimiterMemory({ keyPrefix: `api_token_${points}`, points, duration: 60 });
}

function bearer(request: Request): string | null {
  const header = request.headers.get('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1] : null;
}

function localeOf(request: Request, viewer: Viewer | null): 'ja' | 'en' {
  const accept = request.headers.get('accept-language') ?? '';
  if (/^\s*ja\b/i.test(accept)) return 'ja';
  if (/^\s*en\b/i.test(accept)) return 'en';
  return viewer?.locale ?? 'en';
}

/**
 * The pipeline for /api/v1 route handlers: Bearer token → the user's Viewer (as a session
 * would give it) → policy → zod on params, query and body → handler. Every failure is JSON
 * `{error:{code,message,fields?}}` with its HTTP status (400/401/403/404/409/413/429).
 */
export function withApiAuth<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  spec: Spec<P, Q, B>,
  handler: (ctx: HandlerContext<P, Q, B>) => Promise<Response | unknown>,
) {
  return async (request: Request, context?: RouteContext): Promise<Response> =>
    noStore(await tokenRoute(spec, handler, request, context));
}

/** API answers are per token and change with every write: no browser or proxy may keep a copy. */
function noStore(response: Response): Response {
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

async function tokenRoute<P, Q, B>(
  spec: Spec<P, Q, B>,
  handler: (ctx: HandlerContext<P, Q, B>) => Promise<Response | unknown>,
  request: Request,
  context: RouteContext | undefined,
): Promise<Response> {
  const token = bearer(request);
  let locale = localeOf(request, null);
  try {
    if (!token)
      return jsonError('unauthorized', translateKey(locale, 'api.errors.token_missing'), undefined, {
        'WWW-Authenticate': 'Bearer',
      });
    const db = await getDb();
    const found = await viewerForToken(db, token);
    if (!found)
      return jsonError('unauthorized', translateKey(locale, 'api.errors.token_invalid'), undefined, {
        'WWW-Authenticate': 'Bearer error="invalid_token"',
      });
    const { viewer, tokenId } = found;
    locale = localeOf(request, viewer);
    try {
      await (await rateLimiter()).consume(tokenId, 1);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        return jsonError('rate_limited', translateKey(locale, 'errors.rate_limited'), undefined, {
          'Retry-After': String(Math.ceil(error.msBeforeNext / 1000)),
        });
      }
      throw error;
    }
    return await runPipeline(spec, handler, request, context, viewer, locale);
  } catch (error) {
    return errorResponse(error, locale);
  }
}

/**
 * The same pipeline for route handlers used by the signed-in browser (CSV export, import
 * upload): the session instead of a token; non-GET requests must come from our own origin.
 */
export function withSessionRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  spec: Spec<P, Q, B>,
  handler: (ctx: HandlerContext<P, Q, B>) => Promise<Response | unknown>,
) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    let locale = localeOf(request, null);
    try {
      const { getViewer } = await import('@/lib/auth/session');
      const viewer = await getViewer();
      if (!viewer) return jsonError('unauthorized', translateKey(locale, 'errors.unauthorized'));
      locale = viewer.locale;
      if (request.method !== 'GET' && request.method !== 'HEAD' && !sameOrigin(request)) {
        return jsonError('forbidden', translateKey(locale, 'errors.forbidden'));
      }
      return await runPipeline(spec, handler, request, context, viewer, locale);
    } catch (error) {
      return errorResponse(error, locale);
    }
  };
}

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return request.headers.get('sec-fetch-site') !== 'cross-site';
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

async function runPipeline<P, Q, B>(
  spec: Spec<P, Q, B>,
  handler: (ctx: HandlerContext<P, Q, B>) => Promise<Response | unknown>,
  request: Request,
  context: RouteContext | undefined,
  viewer: Viewer,
  locale: 'ja' | 'en',
): Promise<Response> {
  if (!can(viewer, spec.permission)) return jsonError('forbidden', translateKey(locale, 'errors.forbidden'));
  let params = {} as P;
  if (spec.params) {
    const parsed = spec.params.safeParse((await context?.params) ?? {});
    if (!parsed.success) return jsonError('not_found', translateKey(locale, 'errors.not_found'));
    params = parsed.data;
  }
  let query = {} as Q;
  if (spec.query) {
    const raw = queryObject(new URL(request.url).searchParams);
    const nul = nulFieldErrors(raw);
    if (nul) return invalid(locale, nul);
    const parsed = spec.query.safeParse(raw);
    if (!parsed.success) return invalid(locale, fieldErrorsOf(parsed.error));
    query = parsed.data;
  }
  let body = undefined as B;
  if (spec.body) {
    const length = Number(request.headers.get('content-length') ?? 0);
    if (length > MAX_JSON_BODY_BYTES)
      return jsonError('payload_too_large', translateKey(locale, 'api.errors.too_large'));
    const text = await request.text();
    if (Buffer.byteLength(text, 'utf8') > MAX_JSON_BODY_BYTES)
      return jsonError('payload_too_large', translateKey(locale, 'api.errors.too_large'));
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return jsonError('invalid', translateKey(locale, 'api.errors.json'));
    }
    const nul = nulFieldErrors(json);
    const parsed = spec.body.safeParse(json);
    if (!parsed.success || nul)
      return invalid(locale, mergeFieldErrors(parsed.success ? undefined : fieldErrorsOf(parsed.error), nul));
    body = parsed.data;
  }
  const ip = recordedIp(request.headers);
  const result = await handler({ viewer, params, query, body, request, ip });
  return result instanceof Response ? result : Response.json(result);
}

function invalid(locale: 'ja' | 'en', fields: Record<string, string[]>): Response {
  return jsonError('invalid', translateKey(locale, 'errors.invalid'), translateFields(locale, fields));
}

function errorResponse(error: unknown, locale: 'ja' | 'en'): Response {
  if (error instanceof AppError) {
    return jsonError(
      error.code,
      translateKey(locale, error.messageKey),
      error.fieldErrors ? translateFields(locale, error.fieldErrors) : undefined,
    );
  }
  if (isDatabaseUnavailable(error)) {
    // an outage, not a bug: the client retries (nothing was written; each write is one transaction)
    log().warn({ err: error }, 'api request refused: database unavailable');
    return jsonError('unavailable', translateKey(locale, 'errors.unavailable'), undefined, {
      'Retry-After': String(RETRY_AFTER_SECONDS),
    });
  }
  log().error({ err: error }, 'api request failed');
  return jsonError('internal', translateKey(locale, 'errors.internal'));
}

/** Query string → object; repeated keys become arrays. */
export function queryObject(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of search) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}
