import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { users } from '@/db/schema/accounts';
import { outboxEmails } from '@/db/schema/mail';
import { notifications } from '@/db/schema/notifications';
import { translatorFor } from '@/lib/i18n/formatter';
import { messageKey } from '@/lib/i18n/message-params';
import { enqueueEmail } from '@/lib/mail/outbox';
import { notify } from '@/lib/notifications/notify';
import { notificationText } from '@/lib/notifications/text';
import { makeUser } from '../support/factories';

// Text users type (names, listing titles) goes into mails and notifications as params. A value
// starting with '@' used to be read as a message key: a user named "@mail.footer" got the footer
// instead of their name.

beforeAll(async () => {
  await getDb();
}, 180_000);

describe('user text in mails and notifications', () => {
  it('a name or title starting with @ is shown as typed; message keys still translate', async () => {
    const db = await getDb();
    const { user } = await makeUser('coordinator', { locale: 'en' });
    await db.update(users).set({ name: '@mail.footer' }).where(eq(users.id, user.id));
    const title = '@introductions.declineReasons.too_early';
    await db.transaction(async (tx) => {
      await enqueueEmail(tx, {
        to: { userId: user.id },
        category: 'introductions',
        template: 'interest_received',
        params: { listing: title },
      });
      await notify(tx, { userId: user.id, kind: 'interest_received', params: { listing: title } });
      await notify(tx, { userId: user.id, kind: 'introduction_declined', params: { listing: '@@twice' } });
      await enqueueEmail(tx, {
        to: { userId: user.id },
        category: 'introductions',
        template: 'introduction_declined',
        params: { listing: 'x', matchId: 'm', reason: messageKey('introductions.declineReasons.too_early') },
      });
    });
    const [mail] = await db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.toUserId, user.id), eq(outboxEmails.template, 'interest_received')));
    expect(mail.subject).toBe(`New expression of interest to review: ${title}`);
    expect(mail.textBody).toContain('Hello @mail.footer,');
    expect(mail.textBody).toContain(`"${title}"`);

    const t = translatorFor({ locale: 'en', timeZone: 'Asia/Tokyo' });
    const rows = await db.select().from(notifications).where(eq(notifications.userId, user.id));
    const text = (kind: string) => notificationText(t, rows.find((n) => n.kind === kind)!);
    expect(text('interest_received')).toBe(`New expression of interest to review: ${title}`);
    expect(text('introduction_declined')).toBe('The introduction for @@twice was declined.');
    const [declined] = await db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.toUserId, user.id), eq(outboxEmails.template, 'introduction_declined')));
    expect(declined.textBody).toContain('Their reason, as advice for your listing: Too early for us');
  });
});
