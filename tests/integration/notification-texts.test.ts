import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { users } from '@/db/schema/accounts';
import { needs, seeds } from '@/db/schema/listings';
import { outboxEmails } from '@/db/schema/mail';
import { notifications } from '@/db/schema/notifications';
import { matches } from '@/db/schema/matching';
import { translatorFor } from '@/lib/i18n/formatter';
import { expressInterest } from '@/lib/introductions/create';
import { transitionMatch } from '@/lib/introductions/transition';
import { prepareJobs, stopJobs } from '@/lib/jobs';
import { transitionListing } from '@/lib/listings/lifecycle';
import { reviewListing } from '@/lib/listings/moderation';
import { notificationText } from '@/lib/notifications/text';
import { makeCluster, makeUser, unique } from '../support/factories';

// What people read in their notifications and mails: an introduction that came from an expression
// of interest names the listing and, to its owner, the interested organisation by its kind (never
// the offer text as a title); a pair names both listings; owners hear when a coordinator publishes
// or sends back their listing, with the comment.

beforeAll(() => prepareJobs(), 120_000); // listing transitions enqueue a re-match in their transaction
afterAll(() => stopJobs());

const ja = translatorFor({ locale: 'ja', timeZone: 'Asia/Tokyo' });
const en = translatorFor({ locale: 'en', timeZone: 'Asia/Tokyo' });

type Owner = { user: { id: string; organisationId: string } };

async function listing(kind: 'need' | 'seed', owner: Owner, title: string) {
  const db = await getDb();
  const table = kind === 'need' ? needs : seeds;
  const [row] = await db
    .insert(table)
    .values({
      organisationId: owner.user.organisationId,
      createdBy: owner.user.id,
      contactUserId: owner.user.id,
      language: 'ja',
      title,
      summary: 's',
      domain: 'manufacturing',
      status: 'open',
      publishedAt: new Date(),
    })
    .returning({ id: table.id, version: table.version });
  return row;
}

async function texts(userId: string, kind: string) {
  const db = await getDb();
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
  return rows.map((n) => ({ ja: notificationText(ja, n), en: notificationText(en, n) }));
}

async function mails(userId: string, template: string) {
  const db = await getDb();
  return db
    .select({ subject: outboxEmails.subject, text: outboxEmails.textBody })
    .from(outboxEmails)
    .where(and(eq(outboxEmails.toUserId, userId), eq(outboxEmails.template, template)));
}

async function speaks(userId: string, locale: 'ja' | 'en') {
  await (await getDb()).update(users).set({ locale }).where(eq(users.id, userId));
}

async function world() {
  const cluster = await makeCluster();
  const coordinator = await makeUser('coordinator', { coordinates: [cluster.id] });
  const sme = await makeUser('sme', { clusterIds: [cluster.id] });
  const researcher = await makeUser('researcher', { clusterIds: [cluster.id] });
  return { cluster, coordinator, sme, researcher };
}

describe('introduction texts', () => {
  it('an introduction from an expression of interest names the listing and the interested kind of organisation', async () => {
    const db = await getDb();
    const w = await world();
    const title = `溶接ビードの自動検査 ${unique()}`;
    const seed = await listing('seed', w.researcher, title);
    const trader = await makeUser('trading');
    await speaks(w.researcher.user.id, 'ja');
    await speaks(trader.user.id, 'ja');
    const offer = 'ASEAN の販路を提供できます。';
    const { matchId } = await expressInterest(db, trader.viewer, {
      listingKind: 'seed',
      listingId: seed.id,
      offer,
      want: '独占販売権',
      timing: '来年度',
      channelProduct: '検査装置',
      channelTerritories: ['country:TH'],
      channelKinds: ['distributor'],
    });
    await transitionMatch(db, w.coordinator.viewer, matchId, { type: 'approve', note: '販路として有望です' });

    const [owner] = await texts(w.researcher.user.id, 'introduction_request');
    expect(owner.ja).toMatch(new RegExp(`^紹介のご提案：商社から「${title}」への関心表明。`));
    expect(owner.en).toMatch(
      new RegExp(
        `^Introduction proposed: interest in “${title}” from an organisation \\(Trading firm\\)\\. Please answer by `,
      ),
    );
    const [requester] = await texts(trader.user.id, 'introduction_request');
    expect(requester.ja).toMatch(new RegExp(`^紹介のご提案：「${title}」へのあなたの関心表明。`));
    expect(requester.en).toMatch(
      new RegExp(`^Introduction proposed: your interest in “${title}”\\. Please answer by `),
    );
    for (const text of [owner.ja, owner.en, requester.ja, requester.en]) {
      expect(text).not.toContain(offer);
      expect(text).not.toContain('。。');
      expect(text).not.toContain('↔');
    }

    const [ownerMail] = await mails(w.researcher.user.id, 'introduction_request');
    expect(ownerMail.subject).toBe(`紹介のご提案：商社から「${title}」への関心表明`);
    expect(ownerMail.text).toContain(
      `商社から貴方の掲載「${title}」に寄せられた関心表明について、紹介が提案されました。`,
    );
    expect(ownerMail.text).toContain('販路として有望です');
    const [requesterMail] = await mails(trader.user.id, 'introduction_request');
    expect(requesterMail.subject).toBe(`紹介のご提案：「${title}」へのあなたの関心表明`);
    expect(requesterMail.text).not.toContain(offer);

    // both accept: introduced, in the same words
    await transitionMatch(db, trader.viewer, matchId, { type: 'accept' });
    await transitionMatch(db, w.researcher.viewer, matchId, { type: 'accept' });
    const [made] = await texts(w.researcher.user.id, 'introduction_made');
    expect(made.ja).toBe(`紹介が成立しました：商社から「${title}」への関心表明。連絡先が表示されます。`);
    const [madeMail] = await mails(trader.user.id, 'introduction_made');
    expect(madeMail.subject).toBe(`紹介が成立しました：「${title}」へのあなたの関心表明`);
  });

  it('a pair names each side’s own listing first and the other one second; English mail in English', async () => {
    const db = await getDb();
    const w = await world();
    await speaks(w.researcher.user.id, 'en');
    const needTitle = `鋳巣を半減したい ${unique()}`;
    const seedTitle = `Porosity prediction ${unique()}`;
    const need = await listing('need', w.sme, needTitle);
    const seed = await listing('seed', w.researcher, seedTitle);
    const [match] = await db
      .insert(matches)
      .values({ kind: 'engine', needId: need.id, seedId: seed.id, clusterId: w.cluster.id, score: 0.5 })
      .returning();
    await transitionMatch(db, w.coordinator.viewer, match.id, { type: 'approve' });
    const [sme] = await texts(w.sme.user.id, 'introduction_request');
    expect(sme.ja).toMatch(new RegExp(`^紹介のご提案：「${needTitle}」と「${seedTitle}」。`));
    const [lab] = await texts(w.researcher.user.id, 'introduction_request');
    expect(lab.en).toMatch(
      new RegExp(`^Introduction proposed: “${seedTitle}” and “${needTitle}”\\. Please answer by `),
    );
    const [labMail] = await mails(w.researcher.user.id, 'introduction_request');
    expect(labMail.subject).toBe(`Introduction proposed: “${seedTitle}” and “${needTitle}”`);
    expect(labMail.text).toContain(`between your listing “${seedTitle}” and “${needTitle}”.`);
  });

  it('a notification stored before introductions were named by kind still reads as a pair', () => {
    const stored = { listing: 'A', other: 'B', matchId: 'x', deadline: { $date: '2026-12-18T05:00:00.000Z' } };
    expect(notificationText(ja, { kind: 'introduction_request', params: stored })).toBe(
      '紹介のご提案：「A」と「B」。2026年12月18日 までにご回答ください。',
    );
  });
});

describe('listing review texts', () => {
  it('owners hear that their listing is published, or sent back with the comment', async () => {
    const w = await world();
    const title = `切削工具の摩耗検知 ${unique()}`;
    await speaks(w.sme.user.id, 'ja');
    const db = await getDb();
    const [draft] = await db
      .insert(needs)
      .values({
        organisationId: w.sme.user.organisationId,
        createdBy: w.sme.user.id,
        contactUserId: w.sme.user.id,
        language: 'ja',
        title,
        summary: 's',
        domain: 'manufacturing',
        status: 'pending_review',
      })
      .returning({ id: needs.id, version: needs.version });
    const back = await reviewListing(w.coordinator.viewer, {
      kind: 'need',
      id: draft.id,
      version: draft.version,
      decision: 'send_back',
      comment: '予算の目安を書いてください',
    });
    const [sentBack] = await texts(w.sme.user.id, 'listing_sent_back');
    expect(sentBack.ja).toBe(
      `掲載「${title}」がコーディネーターから差し戻されました。コメント：予算の目安を書いてください`,
    );
    expect(sentBack.en).toBe(
      `Your listing “${title}” was sent back by the coordinator. Comment: 予算の目安を書いてください`,
    );
    const [backMail] = await mails(w.sme.user.id, 'listing_sent_back');
    expect(backMail.subject).toBe(`掲載が差し戻されました：${title}`);
    expect(backMail.text).toContain('予算の目安を書いてください');
    expect(backMail.text).toContain(`/needs/${draft.id}`);

    const resubmitted = await transitionListing(
      w.sme.viewer,
      { kind: 'need', id: draft.id, version: back.version },
      'submit',
    );
    expect(await texts(w.sme.user.id, 'listing_published')).toEqual([]); // the owner's own step tells nobody
    await reviewListing(w.coordinator.viewer, {
      kind: 'need',
      id: draft.id,
      version: resubmitted.version,
      decision: 'publish',
      comment: '',
    });
    const [published] = await texts(w.sme.user.id, 'listing_published');
    expect(published.ja).toBe(`掲載「${title}」がコーディネーターの確認を経て公開されました。`);
    expect(published.en).toBe(`Your listing “${title}” was reviewed and published.`);
    const [publishedMail] = await mails(w.sme.user.id, 'listing_published');
    expect(publishedMail.subject).toBe(`掲載が公開されました：${title}`);
  });
});
