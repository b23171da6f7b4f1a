import { getDb } from '@/db';
import { otherMethods, withSessionRoute } from '@/lib/api/handler';
import { fileFromRequest } from '@/lib/attachments/data';
import { addListingAttachment } from '@/lib/listings/attachments';
import { z } from '@/lib/validation/messages';

export const dynamic = 'force-dynamic';

const params = z.object({ collection: z.enum(['needs', 'seeds']), id: z.uuid() });

/** Adds a document to one of the viewer's organisation's needs or seeds (multipart `file`; type read from the bytes). */
export const POST = withSessionRoute(
  { permission: 'listings.browse', params },
  async ({ viewer, request, params: { collection, id }, ip }) => {
    const file = await fileFromRequest(request);
    const kind = collection === 'needs' ? 'need' : 'seed';
    const document = await addListingAttachment(await getDb(), viewer, { kind, id }, file, ip);
    // the same file again (a double submission) is stored once: 200 with the document already there
    return Response.json(
      { document },
      { status: document.created ? 201 : 200, headers: { 'cache-control': 'no-store' } },
    );
  },
);

// the other methods get a JSON 405 naming these (not Next.js's empty answer)
export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
