import { withSessionRoute, otherMethods } from '@/lib/api/handler';
import { csvFileName } from '@/lib/export/csv';
import { exportKpisCsv } from '@/lib/programme/export';
import { dashboardFiltersSchema } from '@/lib/programme/validation';

export const dynamic = 'force-dynamic';

/** GET /api/programme/export?cluster=&from=&to=&domain= — the dashboard's indicators as CSV for Excel. */
export const GET = withSessionRoute(
  { permission: 'programme.dashboard', query: dashboardFiltersSchema },
  async ({ viewer, query }) => {
    const csv = await exportKpisCsv(viewer, query);
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${csvFileName('kpis', viewer.timeZone)}"`,
        'cache-control': 'no-store',
      },
    });
  },
);

// the other methods get a JSON 405 naming these (not Next.js's empty answer)
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
