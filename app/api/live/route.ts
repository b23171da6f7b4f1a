import { otherMethods } from '@/lib/api/handler';

export const dynamic = 'force-dynamic';

// Liveness: the process is up and serving. It touches neither the database nor the job queue,
// so an orchestrator does not restart a healthy server while Postgres is away (that is what
// /api/health, the readiness check, reports).
export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}

// the other methods get a JSON 405 naming these (not Next.js's empty answer)
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
