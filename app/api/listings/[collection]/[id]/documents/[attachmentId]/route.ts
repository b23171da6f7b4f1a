import { getDb } from '@/db';
import { otherMethods, withSessionRoute } from '@/lib/api/handler';
import { openListingAttachment, removeListingAttachment } from '@/lib/listings/attachments';
import { z } from '@/lib/validation/messages';

export const dynamic = 'force-dynamic';

const params = z.object({ collection: z.enum(['needs', 'seeds']), id: z.uuid(), attachmentId: z.uuid() });
const kindOf = (collection: 'needs' | 'seeds') => (collection === 'needs' ? 'need' : 'seed');

/**
 * A listing's document, only for a reader who has reached its disclosure level for attachments
 * (lib/listings/attachments.ts), as an attachment never cached; anyone else and any unknown id: 404.
 */
export const GET = withSessionRoute(
  { permission: 'listings.browse', params },
  async ({ viewer, params: { collection, id, attachmentId }, ip }) =>
    openListingAttachment(await getDb(), viewer, { kind: kindOf(collection), id }, attachmentId, ip),
);

/** The owner organisation removes a document. */
export const DELETE = withSessionRoute(
  { permission: 'listings.browse', params },
  async ({ viewer, params: { collection, id, attachmentId }, ip }) => {
    await removeListingAttachment(await getDb(), viewer, { kind: kindOf(collection), id }, attachmentId, ip);
    return new Response(null, { status: 204 });
  },
);

// the other methods get a JSON 405 naming these (not Next.js's empty answer)
export const { POST, PUT, PATCH } = otherMethods('GET', 'DELETE');
