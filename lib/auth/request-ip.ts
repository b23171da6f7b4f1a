/**
 * The client's address, for sign-in limits and the audit log.
 *
 * Without a proxy in front, the address of the TCP connection: Next.js's server (patched, see
 * patches/next+16.4.6.patch) passes it as `x-clustermatch-socket-address`, overwriting anything a
 * client sent under that name. `X-Forwarded-For` is ignored, since any client can write it.
 *
 * Behind proxies, set TRUSTED_PROXY_COUNT to how many of them append to X-Forwarded-For (a load
 * balancer alone: 1). The address is then the one the outermost trusted proxy saw: the
 * TRUSTED_PROXY_COUNT-th entry from the right; entries further left are the client's own claims.
 * 'unknown' when neither is there (a request made in a test).
 */
export function ipFrom(headers: Headers, trustedProxies = trustedProxyCount()): string {
  if (trustedProxies > 0) {
    const hops = (headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const seen = hops[hops.length - trustedProxies] ?? hops[0];
    if (seen) return seen;
  }
  return headers.get('x-clustermatch-socket-address')?.trim() || 'unknown';
}

function trustedProxyCount(): number {
  const n = Number(process.env.TRUSTED_PROXY_COUNT ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** The client's address for the audit log and access records: null when it is not known. */
export function recordedIp(headers: Headers): string | null {
  const ip = ipFrom(headers);
  return ip === 'unknown' ? null : ip;
}
