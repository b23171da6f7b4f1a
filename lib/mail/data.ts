import 'server-only';
import { desc, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { outboxEmails } from '@/db/schema/mail';

/** The latest outbox rows for the admin page (no bodies: they may carry private notes). */
export async function listOutbox(limit = 200) {
  const db = await getDb();
  return db
    .select({
      id: outboxEmails.id,
      toAddress: outboxEmails.toAddress,
      // a funding proposal's mail names the proposal, which only its parties see (issue 13):
      // the programme office reads that one was sent, and to whom, not its subject
      subject: sql<
        string | null
      >`case when ${outboxEmails.category} = 'funding' then null else ${outboxEmails.subject} end`,
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
