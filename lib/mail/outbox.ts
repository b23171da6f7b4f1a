import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema/accounts';
import { outboxEmails } from '@/db/schema/mail';
import { isMailEnabled, type MailCategory } from './preferences';
import { renderMail } from './templates';
import type { MessageParams } from '@/lib/i18n/message-params';
import { DEFAULT_TIME_ZONE, type Locale } from '@/db/vocabulary/accounts';

export type EnqueueEmail = {
  /** A user (address, language and preferences looked up), or a bare address with its language. */
  to: { userId: string } | { address: string; locale: Locale; timeZone?: string };
  category: MailCategory;
  /** Key under `mail.` in messages/<locale>/mail.json with `subject` and `body`. */
  template: string;
  /** Dates as Date (shown in the recipient's zone), message keys as messageKey('ns.key') (lib/i18n/message-params). */
  params?: MessageParams;
};

const MESSAGE_ID_HOST = 'clustermatch.local';

// transactions that wrote outbox rows (lib/mail/jobs.ts asks for a flush after they commit)
const withMail = new WeakSet<object>();
export const wroteMail = (tx: Db): boolean => withMail.has(tx);

/**
 * Writes a mail to the outbox inside the caller's transaction, so it is sent if and only if
 * the change it reports commits. Returns the outbox id, or null when the user opted out
 * (or is disabled).
 */
export async function enqueueEmail(tx: Db, mail: EnqueueEmail): Promise<string | null> {
  let address: string;
  let locale: Locale;
  let timeZone = DEFAULT_TIME_ZONE;
  let toUserId: string | null = null;
  let params: MessageParams = mail.params ?? {};
  if ('userId' in mail.to) {
    const [user] = await tx
      .select({
        email: users.email,
        name: users.name,
        locale: users.locale,
        timeZone: users.timeZone,
        disabled: users.disabled,
      })
      .from(users)
      .where(eq(users.id, mail.to.userId));
    if (!user || user.disabled) return null;
    if (!(await isMailEnabled(tx, mail.to.userId, mail.category))) return null;
    address = user.email;
    locale = user.locale;
    timeZone = user.timeZone;
    toUserId = mail.to.userId;
    params = { ...params, name: params.name || user.name }; // the recipient's own name unless the caller gave one
  } else {
    address = mail.to.address;
    locale = mail.to.locale;
    timeZone = mail.to.timeZone ?? DEFAULT_TIME_ZONE;
  }
  const { subject, text } = renderMail(mail.template, { locale, timeZone }, params);
  const id = crypto.randomUUID();
  await tx.insert(outboxEmails).values({
    id,
    toUserId,
    toAddress: address,
    locale,
    category: mail.category,
    template: mail.template,
    subject,
    textBody: text,
    messageId: `<${id}@${MESSAGE_ID_HOST}>`,
  });
  withMail.add(tx);
  return id;
}
