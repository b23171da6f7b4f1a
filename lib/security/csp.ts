/**
 * The Content-Security-Policy of every page, per Next.js's nonce guide: proxy.ts makes a fresh
 * nonce per request and passes the policy on the request, so Next.js puts the nonce on its own
 * scripts; 'strict-dynamic' lets those load the rest of the bundle. Nothing else may run, frame
 * the site, post a form elsewhere or change the base URL.
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    // React's dev tools evaluate strings; production never does
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A path whose percent-encoding is not UTF-8 (`/seeds/%ED%A0%80`) names nothing: 400, before routing fails on it. */
export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
