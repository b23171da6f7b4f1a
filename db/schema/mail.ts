import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { outboxStatuses } from '../vocabulary/mail';
import { localeEnum, users } from './accounts';

export const outboxStatusEnum = pgEnum('outbox_status', outboxStatuses);

/**
 * Mails to send, written in the same transaction as the change they report (transactional
 * outbox). Rendered at enqueue time in the recipient's language. A worker claims a row for a
 * short lease, sends it with a Message-ID derived from the row id, and marks it sent.
 */
export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toUserId: uuid('to_user_id').references(() => users.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    locale: localeEnum('locale').notNull(),
    category: text('category').notNull(),
    template: text('template').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    /** `<outbox-id@host>`: a resend after a crash carries the same id, so receivers can drop the duplicate. */
    messageId: text('message_id').notNull().unique(),
    status: outboxStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set while a worker holds the row; an expired lease makes the row claimable again. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    claimToken: uuid('claim_token'),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('outbox_emails_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('outbox_emails_to_user_idx').on(t.toUserId),
    index('outbox_emails_created_idx').on(t.createdAt),
  ],
);

/** Per-user opt-outs by mail category (no row = enabled). */
export const emailPreferences = pgTable(
  'email_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.category] })],
);
