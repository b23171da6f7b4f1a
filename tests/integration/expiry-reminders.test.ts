import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { users } from '@/db/schema/accounts';
import { needs } from '@/db/schema/listings';
import { outboxEmails } from '@/db/schema/mail';
import { notifications } from '@/db/schema/notifications';
import { reminderStage, runExpiryReminders } from '@/lib/listings/expiry-reminders';
import { saveListing } from '@/lib/listings/data';
import { makeUser } from '../support/factories';

const DAY = 24 * 60 * 60 * 1000;

async function openNeed(viewer: Awaited<ReturnType<typeof makeUser>>['viewer'], title: string, expiresAt: Date) {
  const { id } = await saveListing(viewer, 'need', {
    intent: 'draft',
    language: 'en',
    title,
    summary: 'summary',
    details: '',
    domain: 'manufacturing',
    keywords: [],
    prefecture: '',
    disclosure: {},
    timeline: '',
    partnerKinds: [],
    regionPreference: '',
    visibility: 'members',
    anonymousLabel: '',
  });
  await (await getDb())
    .update(needs)
    .set({ status: 'open', publishedAt: new Date(), expiresAt })
    .where(eq(needs.id, id));
  return id;
}

async function remindersOf(userId: string) {
  const db = await getDb();
  const mails = await db
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.toUserId, userId), eq(outboxEmails.template, 'listing_expiring')));
  const notes = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'listing_expiring')));
  return { mails, notes };
}

describe('listing expiry reminders', () => {
  it('picks the smallest reminder window the time left is within', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const at = (days: number) => new Date(now.getTime() + days * DAY);
    expect(reminderStage(at(20), now)).toBeNull();
    expect(reminderStage(at(14), now)).toBe(14);
    expect(reminderStage(at(10), now)).toBe(14);
    expect(reminderStage(at(3), now)).toBe(3);
    expect(reminderStage(at(0.5), now)).toBe(3);
    expect(reminderStage(at(-1), now)).toBeNull();
  });

  it('reminds the owner 14 and 3 days before, once each, by notification and e-mail in their language; renewal starts afresh', async () => {
    const db = await getDb();
    const owner = await makeUser('sme');
    await db.update(users).set({ locale: 'ja' }).where(eq(users.id, owner.user.id));
    const now = new Date();
    const expiresAt = new Date(now.getTime() + 10 * DAY);
    const title = `Expiring <b>${Math.random().toString(36).slice(2, 8)}</b>`;
    const id = await openNeed(owner.viewer, title, expiresAt);

    await runExpiryReminders(db, now);
    let got = await remindersOf(owner.user.id);
    expect(got.mails).toHaveLength(1);
    expect(got.notes).toHaveLength(1);
    expect(got.mails[0].locale).toBe('ja');
    expect(got.mails[0].subject).toContain('あと14日');
    expect(got.mails[0].textBody).toContain(title);
    expect(got.mails[0].textBody).toContain(`/needs/${id}`);
    expect(got.notes[0].href).toBe(`/needs/${id}`);

    // again the same day, and a day later: nothing new
    await runExpiryReminders(db, now);
    await runExpiryReminders(db, new Date(now.getTime() + DAY));
    got = await remindersOf(owner.user.id);
    expect(got.mails).toHaveLength(1);

    // 2 days before: the 3-day reminder, once
    const later = new Date(expiresAt.getTime() - 2 * DAY);
    await runExpiryReminders(db, later);
    await runExpiryReminders(db, later);
    got = await remindersOf(owner.user.id);
    expect(got.mails).toHaveLength(2);
    expect(got.notes).toHaveLength(2);
    expect(got.mails.map((m) => m.subject).sort()).toEqual(
      [expect.stringContaining('あと14日'), expect.stringContaining('あと3日')].sort(),
    );

    // expired: no more reminders
    await runExpiryReminders(db, new Date(expiresAt.getTime() + DAY));
    expect((await remindersOf(owner.user.id)).mails).toHaveLength(2);

    // renewed (a new expiry date): reminded again when that one nears
    const renewed = new Date(now.getTime() + 400 * DAY);
    await db.update(needs).set({ expiresAt: renewed }).where(eq(needs.id, id));
    await runExpiryReminders(db, new Date(renewed.getTime() - 13 * DAY));
    expect((await remindersOf(owner.user.id)).mails).toHaveLength(3);
  });

  it('a listing first seen 2 days before expiry gets only the 3-day reminder; closed listings get none', async () => {
    const db = await getDb();
    const owner = await makeUser('sme');
    const now = new Date();
    await openNeed(owner.viewer, 'Late reminder', new Date(now.getTime() + 2 * DAY));
    const closed = await openNeed(owner.viewer, 'Closed listing', new Date(now.getTime() + 5 * DAY));
    await db.update(needs).set({ status: 'closed' }).where(eq(needs.id, closed));
    await runExpiryReminders(db, now);
    await runExpiryReminders(db, now);
    const got = await remindersOf(owner.user.id);
    expect(got.mails).toHaveLength(1);
    expect(got.mails[0].subject).toContain('3 days');
    expect(got.mails[0].subject).toContain('Late reminder');
  });
});
