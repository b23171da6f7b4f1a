import { withSessionRoute, otherMethods } from '@/lib/api/handler';
import { csvFileName } from '@/lib/export/csv';
import { exportListingsCsv } from '@/lib/export/listings';
import { appUrl } from '@/lib/mail/templates';
import { searchParamsSchema } from '@/lib/listings/validation';
import { z } from '@/lib/validation/messages';

export const dynamic = 'force-dynamic';

const querySchema = searchParamsSchema.extend({ kind: z.enum(['needs', 'seeds']) });

/** GET /api/export?kind=needs&q=…&domain=… — the browse page's results as CSV for Excel. */
export const GET = withSessionRoute(
  { permission: 'listings.export', query: querySchema },
  async ({ viewer, query }) => {
    const { kind, ...params } = query;
    const { csv, count, truncated } = await exportListingsCsv(viewer, kind, params, appUrl());
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${csvFileName(kind, viewer.timeZone)}"`,
        'cache-control': 'no-store',
        'x-export-count': String(count),
        'x-export-truncated': String(truncated),
      },
    });
  },
);

// the other methods get a JSON 405 naming these (not Next.js's empty answer)
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
