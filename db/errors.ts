/** Postgres unique_violation, whether the driver's error arrives bare or wrapped by drizzle. */
export function isUniqueViolation(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    e = e.cause as typeof e, i++
  ) {
    if (e.code === '23505') return true;
  }
  return false;
}

// Connection-level failures: the database is unreachable or restarting, not a fault of the query.
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up)
]);

/** The database could not be reached (a restart, a network cut): worth a 503 and "try again shortly". */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; errno?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    e = e.cause as typeof e, i++
  ) {
    const code = typeof e.code === 'string' ? e.code : typeof e.errno === 'string' ? e.errno : '';
    if (unavailableCodes.has(code) || code.startsWith('08')) return true;
  }
  return false;
}

/** Seconds a client should wait before retrying a request refused during an outage. */
export const RETRY_AFTER_SECONDS = 5;
