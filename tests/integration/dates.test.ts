import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { needs, seeds } from '@/db/schema/listings';
import { outboxEmails } from '@/db/schema/mail';
import { matches } from '@/db/schema/matching';
import { notifications } from '@/db/schema/notifications';
import { formatterFor, translatorFor } from '@/lib/i18n/formatter';
import { pickMeetingSlot, proposeMeeting } from '@/lib/introductions/after';
import { transitionMatch } from '@/lib/introductions/transition';
import { notificationText } from '@/lib/notifications/text';
import { makeCluster, makeUser, unique } from '../support/factories';

// Issue 16: every date and time in the reader's zone and language, through one formatter.
// A meeting at 14:00 in Japan (05:00 UTC) must read 14:00 to Japan-based readers in Japanese
// and in English — in the notification and in the mail — and 00:00 to a reader in New York.

const MEETING = new Date('2026-12-17T05:00:00Z'); // 14:00 JST

async function introduced(now: Date) {
  const db = await getDb();
  const cluster = await makeCluster();
  const coordinator = await makeUser('coordinator', { coordinates: [cluster.id], locale: 'en' });
  const sme = await makeUser('sme', { clusterIds: [cluster.id], locale: 'ja' });
  const researcher = await makeUser('researcher', {
    clusterIds: [cluster.id],
    locale: 'en',
    timeZone: 'America/New_York',
  });
  const listing = async (table: typeof needs | typeof seeds, owner: typeof sme) => {
    const [row] = await db
      .insert(table)
      .values({
        organisationId: owner.user.organisationId,
        createdBy: owner.user.id,
        contactUserId: owner.user.id,
        language: 'en',
        title: `listing ${unique()}`,
        summary: 's',
        domain: 'manufacturing',
        status: 'open',
        publishedAt: now,
      })
      .returning({ id: table.id });
    return row.id;
  };
  const [match] = await db
    .insert(matches)
    .values({
      kind: 'engine',
      needId: await listing(needs, sme),
      seedId: await listing(seeds, researcher),
      clusterId: cluster.id,
      score: 0.5,
      reasons: [],
    })
    .returning();
  await transitionMatch(db, coordinator.viewer, match.id, { type: 'approve' }, { now });
  await transitionMatch(db, sme.viewer, match.id, { type: 'accept' }, { now });
  await transitionMatch(db, researcher.viewer, match.id, { type: 'accept' }, { now });
  return { coordinator, sme, researcher, match };
}

async function latest(userId: string, kind: string) {
  const db = await getDb();
  const [n] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
  const [mail] = await db
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.toUserId, userId), eq(outboxEmails.template, kind)));
  return { n, mail };
}

beforeAll(async () => {
  await getDb();
}, 180_000);

describe('dates and times in the reader’s zone and language', () => {
  it('a meeting at 14:00 JST reads 14:00 in notification and mail, in Japanese and English', async () => {
    const db = await getDb();
    const w = await introduced(new Date());
    const { id } = await proposeMeeting(db, w.sme.viewer, w.match.id, { slots: [MEETING] });
    await pickMeetingSlot(db, w.researcher.viewer, w.match.id, id, MEETING);

    const ja = await latest(w.sme.user.id, 'meeting_confirmed');
    const jaText = notificationText(translatorFor({ locale: 'ja', timeZone: 'Asia/Tokyo' }), ja.n);
    expect(jaText).toContain('2026年12月17日 14:00 JST');
    expect(ja.mail.subject).toBe('面談日時の確定：2026年12月17日 14:00 JST');
    expect(ja.mail.textBody).toContain('2026年12月17日 14:00 JST に確定しました');

    const en = await latest(w.coordinator.user.id, 'meeting_confirmed');
    const enText = notificationText(translatorFor({ locale: 'en', timeZone: 'Asia/Tokyo' }), en.n);
    expect(enText).toContain('Dec 17, 2026, 14:00 GMT+9');
    expect(en.mail.subject).toBe('Meeting confirmed: Dec 17, 2026, 14:00 GMT+9');

    for (const text of [jaText, ja.mail.textBody, enText, en.mail.textBody]) {
      expect(text).not.toMatch(/UTC|05:00|2026-12-17/);
    }
    // the same instant on a page of a member in New York
    expect(formatterFor({ locale: 'en', timeZone: 'America/New_York' }).dateTime(MEETING, 'zoned')).toBe(
      'Dec 17, 2026, 00:00 EST',
    );
  });

  it('the answer deadline reads the same day in the notification, the mail and the list', async () => {
    const db = await getDb();
    // 16:30 UTC on 4 Dec is 01:30 on 5 Dec in Japan: a date cut in UTC showed the day before
    const now = new Date('2026-12-04T16:30:00Z');
    const cluster = await makeCluster();
    const coordinator = await makeUser('coordinator', { coordinates: [cluster.id] });
    const sme = await makeUser('sme', { clusterIds: [cluster.id], locale: 'ja' });
    const researcher = await makeUser('researcher', { clusterIds: [cluster.id], locale: 'en' });
    const insert = async (table: typeof needs | typeof seeds, owner: typeof sme) =>
      (
        await db
          .insert(table)
          .values({
            organisationId: owner.user.organisationId,
            createdBy: owner.user.id,
            contactUserId: owner.user.id,
            language: 'en',
            title: `listing ${unique()}`,
            summary: 's',
            domain: 'manufacturing',
            status: 'open',
            publishedAt: now,
          })
          .returning({ id: table.id })
      )[0].id;
    const [match] = await db
      .insert(matches)
      .values({
        kind: 'engine',
        needId: await insert(needs, sme),
        seedId: await insert(seeds, researcher),
        clusterId: cluster.id,
        score: 0.5,
        reasons: [],
      })
      .returning();
    await transitionMatch(db, coordinator.viewer, match.id, { type: 'approve' }, { now, responseDays: 14 });

    const ja = await latest(sme.user.id, 'introduction_request');
    const page = formatterFor({ locale: 'ja', timeZone: 'Asia/Tokyo' }).dateTime(
      new Date(now.getTime() + 14 * 86_400_000),
      'short',
    );
    expect(page).toBe('2026年12月19日');
    expect(notificationText(translatorFor({ locale: 'ja', timeZone: 'Asia/Tokyo' }), ja.n)).toContain(
      '2026年12月19日 までにご回答ください',
    );
    expect(ja.mail.textBody).toContain('2026年12月19日 までに承諾または辞退');
    const en = await latest(researcher.user.id, 'introduction_request');
    expect(en.mail.textBody).toContain('Please accept or decline by Dec 19, 2026.');
  });
});
