import { withSessionRoute, otherMethods } from '@/lib/api/handler';
import { listingCollections } from '@/db/vocabulary/listings';
import { templateHeaders } from '@/lib/import/csv';
import { toExcelCsv } from '@/lib/export/csv';
import { z } from '@/lib/validation/messages';

export const dynamic = 'force-dynamic';

/** An empty CSV with the import's column names (UTF-8 with BOM, for Excel). */
export const GET = withSessionRoute(
  { permission: 'listings.import', query: z.object({ kind: z.enum(listingCollections) }) },
  async ({ query }) => {
    return new Response(toExcelCsv(templateHeaders(query.kind), []), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="clustermatch-${query.kind}-template.csv"`,
      },
    });
  },
);

// the other methods get a JSON 405 naming these (not Next.js's empty answer)
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
