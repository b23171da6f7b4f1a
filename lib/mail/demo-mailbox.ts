import 'server-only';
import { desc } from 'drizzle-orm';
import type { Db } from '@/db';
import { outboxEmails } from '@/db/schema/mail';
import { env } from '@/lib/env';

/**
 * `npm run demo` has no mail server, yet signing up needs the link that is mailed (issue 12 item 3).
 * With DEMO_MAILBOX=1 (set by scripts/demo.mjs only when SMTP_URL is unset) /demo-mailbox shows
 * anyone the latest mails written to the outbox. Never set it where real people's mail is sent.
 */
export const demoMailboxEnabled = () => env().DEMO_MAILBOX === '1';

export async function latestOutboxMails(db: Db, limit = 20) {
  return db
    .select({
      id: outboxEmails.id,
      toAddress: outboxEmails.toAddress,
      subject: outboxEmails.subject,
      textBody: outboxEmails.textBody,
      createdAt: outboxEmails.createdAt,
    })
    .from(outboxEmails)
    .orderBy(desc(outboxEmails.createdAt))
    .limit(limit);
}
