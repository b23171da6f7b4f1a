import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { fundingProposals } from '@/db/schema/funding';
import {
  deleteAttachment,
  downloadResponse,
  findAttachment,
  saveAttachment,
  type AttachmentMeta,
} from '@/lib/attachments/data';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { relationTo } from './access';
import { logAccess } from './access-log';

// A proposal's supporting documents: the proposing SME adds and removes them (also while the
// proposal is with lenders, e.g. to answer a question); whoever may see the proposal downloads
// them, and each download by someone outside the SME is written to its access log.

const ownerOf = (proposalId: string) => ({ type: 'funding_proposal' as const, id: proposalId });

async function requireOwnProposal(tx: Db, viewer: Viewer, proposalId: string) {
  const [row] = await tx
    .select({ id: fundingProposals.id })
    .from(fundingProposals)
    .where(and(eq(fundingProposals.id, proposalId), eq(fundingProposals.organisationId, viewer.organisationId)))
    .for('update');
  if (!row) throw new AppError('not_found');
}

export async function addProposalDocument(
  db: Db,
  viewer: Viewer,
  proposalId: string,
  file: { fileName: string; bytes: Uint8Array },
  ip: string | null = null,
): Promise<AttachmentMeta & { created: boolean }> {
  return db.transaction(async (tx) => {
    await requireOwnProposal(tx, viewer, proposalId);
    const meta = await saveAttachment(tx, {
      owner: ownerOf(proposalId),
      organisationId: viewer.organisationId,
      uploadedBy: viewer.userId,
      ...file,
    });
    if (!meta.created) return meta; // the same file again: stored once, audited once
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'funding.document_add',
      subjectType: 'funding_proposal',
      subjectId: proposalId,
      // no file name: the programme office reads the audit log, and a proposal's documents are only its parties' (the SME's access log names them)
      details: { attachmentId: meta.id, sizeBytes: meta.sizeBytes },
      ip,
    });
    return meta;
  });
}

export async function removeProposalDocument(
  db: Db,
  viewer: Viewer,
  proposalId: string,
  attachmentId: string,
  ip: string | null = null,
): Promise<void> {
  await db.transaction(async (tx) => {
    await requireOwnProposal(tx, viewer, proposalId);
    const removed = await deleteAttachment(tx, ownerOf(proposalId), attachmentId);
    if (!removed) throw new AppError('not_found');
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'funding.document_remove',
      subjectType: 'funding_proposal',
      subjectId: proposalId,
      details: { attachmentId, sizeBytes: removed.sizeBytes },
      ip,
    });
  });
}

/** The download for a viewer who may see the proposal; anyone else (and any other id) gets not_found. */
export async function openProposalDocument(
  db: Db,
  viewer: Viewer,
  proposalId: string,
  attachmentId: string,
): Promise<Response> {
  const relation = await relationTo(db, viewer, proposalId);
  if (!relation) throw new AppError('not_found');
  const meta = await findAttachment(db, ownerOf(proposalId), attachmentId);
  if (!meta) throw new AppError('not_found');
  await logAccess(db, viewer, proposalId, relation, 'downloaded', meta);
  return downloadResponse(db, meta);
}
