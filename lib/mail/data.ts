import 'server-only';
import { desc } from 'drizzle-orm';
import { getDb } from '@/db';
import { outboxEmails } from '@/db/schema/mail';

/** The latest outbox rows for the admin page (no bodies: they may carry private notes). */
export async function listOutbox(limit = 200) {
  const db = await getDb();
  return db
    .select({
      id: outboxEmails.id,
      toAddress: outboxEmails.toAddress,
      subject: outboxEmails.subject,
      status: outboxEmails.status,
      attempts: outboxEmails.attempts,
      lastError: outboxEmails.lastError,
      createdAt: outboxEmails.createdAt,
      sentAt: outboxEmails.sentAt,
    })
    .from(outboxEmails)
    .orderBy(desc(outboxEmails.createdAt))
    .limit(limit);
}
