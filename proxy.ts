import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy, isMalformedPath } from '@/lib/security/csp';

/**
 * Runs before every request (Next.js Proxy). Not a security boundary for data (DESIGN §4):
 * it refuses paths that are not valid UTF-8 and sets the per-request CSP nonce.
 */
export function proxy(request: NextRequest) {
  if (isMalformedPath(request.nextUrl.pathname)) {
    return new NextResponse('Bad Request', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // every page and route handler; not the build's static files, which carry no HTML
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|icon.svg).*)' }],
};
