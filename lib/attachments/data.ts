import 'server-only';
import crypto from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { attachments } from '@/db/schema/attachments';
import { AppError } from '@/lib/errors';
import type { AttachmentOwnerType } from '@/db/vocabulary/attachments';
import { detectDocumentType } from './detect';
import { checkFileName, contentDisposition } from './file-name';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_MB, MAX_ATTACHMENTS_PER_OWNER } from './limits';
import { attachmentStore } from './store';

// Files attached to a proposal or a listing. This module checks the FILE (name, size, type by
// content, count) and stores it; WHO may attach, list or download is the owning feature's
// decision (lib/funding/documents.ts, lib/listings/attachments.ts), taken before calling here.

export type Owner = { type: AttachmentOwnerType; id: string };

const metaColumns = {
  id: attachments.id,
  fileName: attachments.fileName,
  contentType: attachments.contentType,
  sizeBytes: attachments.sizeBytes,
  createdAt: attachments.createdAt,
};
export type AttachmentMeta = { id: string; fileName: string; contentType: string; sizeBytes: number; createdAt: Date };

const refuse = (key: string) => new AppError('invalid', key, { file: [key] });

/**
 * Stores one file for `owner` inside the caller's transaction: a refused file (bad name, too
 * large, type not accepted or not the one its name claims, too many files) writes nothing.
 * The same file again (same name, same bytes: a double submission, a retried upload) is not
 * stored twice: the one already there is returned with `created: false`. The caller holds the
 * owner's row lock (SELECT … FOR UPDATE), so concurrent uploads of one owner queue and the
 * second finds the first.
 */
export async function saveAttachment(
  tx: Db,
  input: { owner: Owner; organisationId: string; uploadedBy: string; fileName: string; bytes: Uint8Array },
): Promise<AttachmentMeta & { created: boolean }> {
  const name = checkFileName(input.fileName);
  if (!name.ok) throw refuse(`attachments.errors.${name.error}`);
  if (input.bytes.length === 0) throw refuse('attachments.errors.empty');
  if (input.bytes.length > MAX_ATTACHMENT_BYTES)
    throw refuse(`attachments.errors.too_large?maxMb=${MAX_ATTACHMENT_MB}`);
  const type = await detectDocumentType(input.bytes, name.name);
  if (!type.ok)
    throw refuse(
      type.error === 'type_mismatch' && type.detected
        ? `attachments.errors.type_mismatch?detected=${type.detected.toUpperCase()}&claimed=${(type.claimed || '—').toUpperCase()}`
        : 'attachments.errors.unknown_type',
    );
  const where = and(eq(attachments.ownerType, input.owner.type), eq(attachments.ownerId, input.owner.id));
  const sha256 = crypto.createHash('sha256').update(input.bytes).digest('hex');
  const [same] = await tx
    .select(metaColumns)
    .from(attachments)
    .where(and(where, eq(attachments.fileName, name.name), eq(attachments.sha256, sha256)))
    .limit(1);
  if (same) return { ...same, created: false };
  const [{ n }] = await tx.select({ n: count() }).from(attachments).where(where);
  if (Number(n) >= MAX_ATTACHMENTS_PER_OWNER)
    throw refuse(`attachments.errors.too_many?max=${MAX_ATTACHMENTS_PER_OWNER}`);
  const [row] = await tx
    .insert(attachments)
    .values({
      ownerType: input.owner.type,
      ownerId: input.owner.id,
      fileName: name.name,
      contentType: type.contentType,
      sizeBytes: input.bytes.length,
      sha256,
      uploadedBy: input.uploadedBy,
      organisationId: input.organisationId,
    })
    .returning(metaColumns);
  await attachmentStore().write(tx, row.id, input.bytes);
  return { ...row, created: true };
}

/** The files of one owner, oldest first (metadata only). */
export async function listAttachments(db: Db, owner: Owner): Promise<AttachmentMeta[]> {
  return db
    .select(metaColumns)
    .from(attachments)
    .where(and(eq(attachments.ownerType, owner.type), eq(attachments.ownerId, owner.id)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

/** One file of this owner, or null: an id of another owner's file finds nothing. */
export async function findAttachment(db: Db, owner: Owner, attachmentId: string): Promise<AttachmentMeta | null> {
  const [row] = await db
    .select(metaColumns)
    .from(attachments)
    .where(
      and(eq(attachments.id, attachmentId), eq(attachments.ownerType, owner.type), eq(attachments.ownerId, owner.id)),
    );
  return row ?? null;
}

/** Removes a file of this owner (its bytes go with it); false when there was none. */
export async function deleteAttachment(tx: Db, owner: Owner, attachmentId: string): Promise<AttachmentMeta | null> {
  const [row] = await tx
    .delete(attachments)
    .where(
      and(eq(attachments.id, attachmentId), eq(attachments.ownerType, owner.type), eq(attachments.ownerId, owner.id)),
    )
    .returning(metaColumns);
  return row ?? null;
}

/**
 * The download: always as an attachment (never rendered by the browser), the detected type,
 * nosniff, and never cached (a withdrawn permission must take effect at once, also in caches).
 */
export function downloadResponse(db: Db, meta: AttachmentMeta): Response {
  return new Response(attachmentStore().read(db, meta.id), {
    headers: {
      'content-type': meta.contentType,
      'content-length': String(meta.sizeBytes),
      'content-disposition': contentDisposition(meta.fileName),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    },
  });
}

/** Reads an uploaded file from a multipart request, refusing an oversized body before reading it. */
export async function fileFromRequest(
  request: Request,
): Promise<{ fileName: string; bytes: Uint8Array; fields: FormData }> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_ATTACHMENT_BYTES + 64 * 1024)
    throw new AppError('invalid', `attachments.errors.too_large?maxMb=${MAX_ATTACHMENT_MB}`);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError('invalid', 'attachments.errors.no_file');
  }
  const file = form.get('file');
  if (!(file instanceof Blob)) throw new AppError('invalid', 'attachments.errors.no_file');
  if (file.size > MAX_ATTACHMENT_BYTES) throw refuse(`attachments.errors.too_large?maxMb=${MAX_ATTACHMENT_MB}`);
  const fileName = 'name' in file && typeof file.name === 'string' ? file.name : '';
  return { fileName, bytes: new Uint8Array(await file.arrayBuffer()), fields: form };
}
