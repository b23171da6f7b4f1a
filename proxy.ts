import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy, isMalformedPath } from '@/lib/security/csp';

const badRequest = () =>
  new NextResponse('Bad Request', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * A multipart body posted to a page (a server action, with or without JavaScript) that does not
 * parse: Next.js would fail on it with a 500. Route handlers under /api parse their own bodies
 * and answer 4xx themselves (the import and attachment uploads, the large ones, go there).
 */
async function isMalformedActionBody(request: NextRequest): Promise<boolean> {
  if (request.method === 'GET' || request.method === 'HEAD' || request.nextUrl.pathname.startsWith('/api/'))
    return false;
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('multipart/form-data')) return false;
  try {
    await request.clone().formData();
    return false;
  } catch {
    return true;
  }
}

/**
 * Runs before every request (Next.js Proxy). Not a security boundary for data (DESIGN §4):
 * it refuses paths that are not valid UTF-8 and action bodies that do not parse, and sets the
 * per-request CSP nonce.
 */
export async function proxy(request: NextRequest) {
  if (isMalformedPath(request.nextUrl.pathname) || (await isMalformedActionBody(request))) return badRequest();
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
