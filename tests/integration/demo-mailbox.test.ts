import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { demoMailboxEnabled, latestOutboxMails } from '@/lib/mail/demo-mailbox';
import { enqueueEmail } from '@/lib/mail/outbox';

// `npm run demo` has no mail server; its /demo-mailbox shows the mails written, newest first, so that
// someone trying the demo can follow the sign-up link. Off unless DEMO_MAILBOX=1.

beforeAll(async () => {
  await getDb();
}, 180_000);

describe('demo mailbox', () => {
  it('is off unless the demo turns it on', () => {
    expect(process.env.DEMO_MAILBOX).toBeUndefined();
    expect(demoMailboxEnabled()).toBe(false);
  });

  it('lists the newest mail first, with its text and links', async () => {
    const db = await getDb();
    const address = `demo-${crypto.randomUUID()}@example.test`;
    await db.transaction((tx) =>
      enqueueEmail(tx, {
        to: { address, locale: 'en' },
        category: 'transactional',
        template: 'sign_up_confirm',
        params: { name: 'Demo', url: 'http://localhost:3000/sign-up/confirm?token=abc', hours: 24 },
      }),
    );
    // Other test files write mail at the same time: ours is among the newest, and the list runs newest first.
    const mails = await latestOutboxMails(db, 500);
    const ours = mails.find((mail) => mail.toAddress === address);
    expect(ours?.textBody).toContain('http://localhost:3000/sign-up/confirm?token=abc');
    const times = mails.map((mail) => mail.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
