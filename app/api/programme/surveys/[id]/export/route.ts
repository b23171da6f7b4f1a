import { getDb } from '@/db';
import { withSessionRoute, otherMethods } from '@/lib/api/handler';
import { csvFileName } from '@/lib/export/csv';
import { exportSurveyCsv } from '@/lib/programme/survey/export';
import { z } from '@/lib/validation/messages';

export const dynamic = 'force-dynamic';

/** GET /api/programme/surveys/:id/export — a survey round's results as CSV for Excel (the office; its clusters). */
export const GET = withSessionRoute(
  { permission: 'programme.surveys', params: z.object({ id: z.uuid() }) },
  async ({ viewer, params }) => {
    const csv = await exportSurveyCsv(await getDb(), viewer, params.id);
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${csvFileName('survey', viewer.timeZone)}"`,
        'cache-control': 'no-store',
      },
    });
  },
);

// the other methods get a JSON 405 naming these (not Next.js's empty answer)
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
