import { getHandle } from '@/db';
import { otherMethods } from '@/lib/api/handler';

export const dynamic = 'force-dynamic';

// Readiness must answer within a second even while the database is unreachable (a probe saw
// no answer within 2 s): a ping slower than this counts as down. Liveness is /api/live.
const TIMEOUT_MS = 800;

// 200 when the database answers, 503 when it does not; the process itself keeps serving.
export async function GET() {
  try {
    await withTimeout((async () => (await getHandle()).ping())(), TIMEOUT_MS);
    return Response.json({ status: 'ok', db: 'ok' });
  } catch {
    return Response.json({ status: 'degraded', db: 'down' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}

// the other methods get a JSON 405 naming these (not Next.js's empty answer)
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
