import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import {
  type AttachmentMeta,
  deleteAttachment,
  downloadResponse,
  findAttachment,
  listAttachments,
  saveAttachment,
} from '@/lib/attachments/data';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import type { DisclosureLevel, ListingKind } from '@/db/vocabulary/listings';
import { coordinatedSql, readableSql } from './access';
import { accessOf, effectiveLevels, visibleFields } from './disclosure-rules';
import { relationOf } from './relation';
import { tableOf } from './access';

// A listing's documents are one of its staged-disclosure fields (DESIGN §4, `attachments`, by
// default after an NDA): the owner organisation adds and removes them; a reader downloads them
// only once the listing's level for attachments is reached; everyone else learns only that
// documents exist and from which stage on. Every download outside the owner is audited.

type Listing = { kind: ListingKind; id: string };

async function requireOwnListing(tx: Db, viewer: Viewer, listing: Listing) {
  const table = tableOf(listing.kind);
  const [row] = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, listing.id), eq(table.organisationId, viewer.organisationId)))
    .for('update');
  if (!row) throw new AppError('not_found');
}

export async function addListingAttachment(
  db: Db,
  viewer: Viewer,
  listing: Listing,
  file: { fileName: string; bytes: Uint8Array },
  ip: string | null = null,
): Promise<AttachmentMeta & { created: boolean }> {
  return db.transaction(async (tx) => {
    await requireOwnListing(tx, viewer, listing);
    const meta = await saveAttachment(tx, {
      owner: { type: listing.kind, id: listing.id },
      organisationId: viewer.organisationId,
      uploadedBy: viewer.userId,
      ...file,
    });
    if (!meta.created) return meta; // the same file again: stored once, audited once
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'listing.attachment_add',
      subjectType: listing.kind,
      subjectId: listing.id,
      details: { attachmentId: meta.id, fileName: meta.fileName, sizeBytes: meta.sizeBytes },
      ip,
    });
    return meta;
  });
}

export async function removeListingAttachment(
  db: Db,
  viewer: Viewer,
  listing: Listing,
  attachmentId: string,
  ip: string | null = null,
): Promise<void> {
  await db.transaction(async (tx) => {
    await requireOwnListing(tx, viewer, listing);
    const removed = await deleteAttachment(tx, { type: listing.kind, id: listing.id }, attachmentId);
    if (!removed) throw new AppError('not_found');
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'listing.attachment_remove',
      subjectType: listing.kind,
      subjectId: listing.id,
      details: { attachmentId, fileName: removed.fileName },
      ip,
    });
  });
}

export type ListingDocuments =
  | { shown: true; canEdit: boolean; documents: AttachmentMeta[] }
  | { shown: false; count: number; level: DisclosureLevel };

/** Whether this viewer has reached the listing's attachments level; null when it may not read the listing at all. */
async function decide(db: Db, viewer: Viewer, listing: Listing) {
  const table = tableOf(listing.kind);
  const [row] = await db
    .select({
      organisationId: table.organisationId,
      disclosure: table.disclosure,
      coordinated: coordinatedSql(table, viewer),
    })
    .from(table)
    .where(and(eq(table.id, listing.id), readableSql(table, viewer)));
  if (!row) return null;
  const access = accessOf(viewer, row);
  const levels = effectiveLevels(row.disclosure, {});
  const relation = access === 'member' ? await relationOf(viewer, listing) : 'none';
  return { access, level: levels.attachments, shown: visibleFields(access, relation, levels).has('attachments') };
}

/**
 * The listing's documents as this viewer may see them: the files once the attachments level is
 * reached (the owner and the cluster's coordinators always), else only how many there are and
 * the stage that reveals them; null when the viewer may not read the listing at all.
 */
export async function listingDocumentsFor(db: Db, viewer: Viewer, listing: Listing): Promise<ListingDocuments | null> {
  const decision = await decide(db, viewer, listing);
  if (!decision) return null;
  const documents = await listAttachments(db, { type: listing.kind, id: listing.id });
  if (!decision.shown) return { shown: false, count: documents.length, level: decision.level };
  return { shown: true, canEdit: decision.access === 'owner', documents };
}

/** The download for a viewer who has reached the attachments level; anyone else (and any other id) gets not_found. */
export async function openListingAttachment(
  db: Db,
  viewer: Viewer,
  listing: Listing,
  attachmentId: string,
  ip: string | null = null,
): Promise<Response> {
  const decision = await decide(db, viewer, listing);
  if (!decision?.shown) throw new AppError('not_found');
  const meta = await findAttachment(db, { type: listing.kind, id: listing.id }, attachmentId);
  if (!meta) throw new AppError('not_found');
  if (decision.access !== 'owner')
    await writeAudit(db, {
      actorId: viewer.userId,
      action: 'listing.disclose',
      subjectType: listing.kind,
      subjectId: listing.id,
      details: { fields: ['attachments'], attachmentId, fileName: meta.fileName },
      ip,
    });
  return downloadResponse(db, meta);
}
