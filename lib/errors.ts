// Typed, user-safe errors. Anything that is not an AppError is logged and shown generically.
export const errorCodes = ['unauthorized', 'forbidden', 'not_found', 'conflict', 'invalid', 'rate_limited'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorStatus: Record<ErrorCode | 'internal', number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 400,
  rate_limited: 429,
  internal: 500,
};

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** An i18n key under `errors.` (or a validation message key); never raw SQL or stack text. */
    readonly messageKey: string = `errors.${code}`,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(messageKey);
    this.name = 'AppError';
  }
}

/** Result shape every server action returns to its form. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode | 'unavailable' | 'internal'; messageKey: string; fieldErrors?: FieldErrors };
