import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { attachmentOwnerTypes } from '../vocabulary/attachments';
import { organisations, users } from './accounts';
import { bytea } from './column-types';

export const attachmentOwnerTypeEnum = pgEnum('attachment_owner_type', attachmentOwnerTypes);

/**
 * Files attached to a funding proposal or a listing. The id is random (not guessable), and
 * knowing it gives nothing: every download checks the viewer against the owner's rules.
 * `contentType` is the type detected from the bytes, never the one the browser claimed.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerType: attachmentOwnerTypeEnum('owner_type').notNull(),
    ownerId: uuid('owner_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('attachments_owner_idx').on(t.ownerType, t.ownerId, t.createdAt),
    index('attachments_uploaded_by_idx').on(t.uploadedBy),
    index('attachments_organisation_idx').on(t.organisationId),
    check('attachments_size_positive', sql`${t.sizeBytes} > 0`),
  ],
);

/**
 * The bytes of an attachment in the database (the default store: every instance of the app,
 * on Postgres or the embedded database, reads the same rows), in chunks so that neither a
 * write nor a read holds a whole large file in one value.
 */
export const attachmentChunks = pgTable(
  'attachment_chunks',
  {
    attachmentId: uuid('attachment_id')
      .notNull()
      .references(() => attachments.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.attachmentId, t.seq] })],
);
