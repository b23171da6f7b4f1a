import { getDb } from '@/db';
import { withSessionRoute } from '@/lib/api/handler';
import { openProposalDocument } from '@/lib/funding/documents';
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
