import { getDb } from '@/db';
import { withSessionRoute, otherMethods } from '@/lib/api/handler';
import { fileFromRequest } from '@/lib/attachments/data';
import { addProposalDocument } from '@/lib/funding/documents';
import { z } from '@/lib/validation/messages';

export const dynamic = 'force-dynamic';

/**
 * Adds a supporting document to the viewer's own proposal (multipart `file`). The type is read
 * from the bytes; a refused file stores nothing and answers 400 with the reason for the field.
 */
export const POST = withSessionRoute(
  { permission: 'funding.propose', params: z.object({ id: z.uuid() }) },
  async ({ viewer, request, params, ip }) => {
    const file = await fileFromRequest(request);
    const document = await addProposalDocument(await getDb(), viewer, params.id, file, ip);
    // the same file again (a double submission) is stored once: 200 with the document already there
    return Response.json(
      { document },
      { status: document.created ? 201 : 200, headers: { 'cache-control': 'no-store' } },
    );
  },
);

// the other methods get a JSON 405 naming these (not Next.js's empty answer)
export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
