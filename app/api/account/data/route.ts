import { withSessionRoute, otherMethods } from '@/lib/api/handler';
import { csvFileName } from '@/lib/export/csv';
import { exportPersonalData, personalDataCsv } from '@/lib/privacy/export';
import { z } from '@/lib/validation/messages';

export const dynamic = 'force-dynamic';

const querySchema = z.object({ format: z.enum(['json', 'csv']).default('json') });

/** GET /api/account/data?format=json|csv — everything the portal holds about the signed-in member. */
export const GET = withSessionRoute(
  { permission: 'account.exportData', query: querySchema },
  async ({ viewer, query }) => {
    const data = await exportPersonalData(viewer);
    const name = csvFileName('my-data', viewer.timeZone).replace(/\.csv$/, '');
    const [body, type, ext] =
      query.format === 'csv'
        ? [personalDataCsv(data, viewer.timeZone), 'text/csv; charset=utf-8', 'csv']
        : [JSON.stringify(data, null, 2), 'application/json; charset=utf-8', 'json'];
    return new Response(body, {
      headers: {
        'content-type': type,
        'content-disposition': `attachment; filename="${name}.${ext}"`,
        'cache-control': 'no-store',
      },
    });
  },
);

// the other methods get a JSON 405 naming these (not Next.js's empty answer)
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
