import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy, isMalformedPath } from '@/lib/security/csp';
import en from '@/messages/en/api.json';
import ja from '@/messages/ja/api.json';

/** The API's refusals are JSON in the client's language (lib/api/handler.ts); a page's are plain text. */
function badRequest(request: NextRequest): NextResponse {
  if (!request.nextUrl.pathname.startsWith('/api/'))
    return new NextResponse('Bad Request', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const messages = /^\s*ja\b/i.test(request.headers.get('accept-language') ?? '') ? ja : en;
  return NextResponse.json({ error: { code: 'invalid', message: messages.api.errors.malformed } }, { status: 400 });
}

/** Methods no route serves; Next.js would answer them with an empty 400. */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

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
 * it refuses unknown methods, paths that are not valid UTF-8 and action bodies that do not parse, and sets the
 * per-request CSP nonce.
 */
export async function proxy(request: NextRequest) {
  if (
    !KNOWN_METHODS.has(request.method) ||
    isMalformedPath(request.nextUrl.pathname) ||
    (await isMalformedActionBody(request))
  )
    return badRequest(request);
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
  matcher: [
    // every page and route handler; not the build's static files, which carry no HTML
    { source: '/((?!_next/static|_next/image|favicon.ico|icon.svg|api/import$).*)' },
    // The import's upload (up to 10 MB) bypasses the proxy: for a request the proxy sees, Next.js buffers the whole
    // body to hand the proxy a copy, and the route then receives it joined into one buffer in a single step on the
    // serving thread (issue 12 item 8). The route answers its own refusals in JSON; a JSON upload has no CSP to carry.
    { source: '/api/import', missing: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }] },
  ],
};
