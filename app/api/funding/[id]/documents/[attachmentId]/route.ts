import { getDb } from '@/db';
import { withSessionRoute, otherMethods } from '@/lib/api/handler';
import { openProposalDocument, removeProposalDocument } from '@/lib/funding/documents';
import { z } from '@/lib/validation/messages';

export const dynamic = 'force-dynamic';

/**
 * A proposal's document, for those who may see the proposal (lib/funding/access.ts), as an
 * attachment that is never cached; anyone else, and any unknown id, gets 404. Each download by
 * someone outside the proposing company is written to its access log.
 */
export const GET = withSessionRoute(
  { permission: 'funding.view', params: z.object({ id: z.uuid(), attachmentId: z.uuid() }) },
  async ({ viewer, params }) => openProposalDocument(await getDb(), viewer, params.id, params.attachmentId),
);

/** The proposing company removes a document (also while lenders review, e.g. to replace it). */
export const DELETE = withSessionRoute(
  { permission: 'funding.propose', params: z.object({ id: z.uuid(), attachmentId: z.uuid() }) },
  async ({ viewer, params, ip }) => {
    await removeProposalDocument(await getDb(), viewer, params.id, params.attachmentId, ip);
    return new Response(null, { status: 204 });
  },
);

// the other methods get a JSON 405 naming these (not Next.js's empty answer)
export const { POST, PUT, PATCH } = otherMethods('GET', 'DELETE');
