import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLogs } from '@/db/schema/accounts';
import { checkInResponses, matchIntroductions } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { outboxEmails } from '@/db/schema/mail';
import { matches } from '@/db/schema/matching';
import { notifications } from '@/db/schema/notifications';
import { coordinatorNews } from '@/lib/home/news';
import { signCheckInLink, verifyCheckInLink } from '@/lib/introductions/check-in-link';
import {
  answerCheckIn,
  answerCheckInByLink,
  CHECK_IN_OVERDUE_AFTER_DAYS,
  myCheckIns,
  readCheckInLink,
} from '@/lib/introductions/check-ins';
import { listCoordinatorQueue } from '@/lib/introductions/queue';
import { runIntroductionSweeps } from '@/lib/introductions/jobs';
import { buildSearchText } from '@/lib/listings/search-text';
import { makeCluster, makeUser, unique } from '../support/factories';

// Issue 14 item 3: the 30- and 90-day check-ins are questions each party answers (notification, mail link,
// introduction page); the coordinators see introductions with overdue check-ins or stalled.

const DAY = 86_400_000;
type Party = Awaited<ReturnType<typeof makeUser>>;

async function listing(kind: 'need' | 'seed', owner: Party) {
  const db = await getDb();
  const table = kind === 'need' ? needs : seeds;
  const title = `${kind} ${unique()}`;
  const [row] = await db
    .insert(table)
    .values({
      organisationId: owner.user.organisationId,
      createdBy: owner.user.id,
      contactUserId: owner.user.id,
      language: 'en',
      title,
      summary: 'summary',
      searchText: buildSearchText({ title, summary: 'summary' }),
      domain: 'manufacturing',
      status: 'open',
      publishedAt: new Date(),
    })
    .returning({ id: table.id });
  return row.id;
}

/** An SME's need and a researcher's seed introduced `daysAgo` days ago, in a cluster of its own (or the given one). */
async function introduced(daysAgo: number, within?: { cluster: { id: string }; coordinator: Party }) {
  const db = await getDb();
  const cluster = within?.cluster ?? (await makeCluster());
  const coordinator = within?.coordinator ?? (await makeUser('coordinator', { coordinates: [cluster.id] }));
  const sme = await makeUser('sme', { clusterIds: [cluster.id] });
  const researcher = await makeUser('researcher', { clusterIds: [cluster.id] });
  const [match] = await db
    .insert(matches)
    .values({
      kind: 'engine',
      needId: await listing('need', sme),
      seedId: await listing('seed', researcher),
      clusterId: cluster.id,
      status: 'introduced',
    })
    .returning({ id: matches.id });
  await db.insert(matchIntroductions).values({
    matchId: match.id,
    needResponse: 'accepted',
    seedResponse: 'accepted',
    introducedAt: new Date(Date.now() - daysAgo * DAY),
  });
  return { db, cluster, coordinator, sme, researcher, matchId: match.id };
}

describe('check-ins after an introduction', () => {
  it('the 30-day check-in asks both parties in the app and by mail, each mail with a signed link per answer', async () => {
    const w = await introduced(31);
    await runIntroductionSweeps(w.db);
    for (const party of [w.sme, w.researcher]) {
      const [n] = await w.db.select().from(notifications).where(eq(notifications.userId, party.user.id));
      expect(n).toMatchObject({ kind: 'check_in', href: `/introductions/${w.matchId}` });
      expect(n.params).toMatchObject({ matchId: w.matchId, days: 30 });
      expect(JSON.stringify(n.params)).not.toContain('token'); // the links are the mail's only
      const [mail] = await w.db.select().from(outboxEmails).where(eq(outboxEmails.toUserId, party.user.id));
      const tokens = [...mail.textBody.matchAll(/\/check-in\?token=([\w.-]+)/g)].map((m) => m[1]);
      expect(tokens).toHaveLength(5);
      expect(tokens.map((t) => verifyCheckInLink(t)?.answer)).toEqual([
        'met',
        'talking',
        'agreement',
        'stalled',
        'ended',
      ]);
      expect(verifyCheckInLink(tokens[0])).toMatchObject({ userId: party.user.id, matchId: w.matchId, days: 30 });
    }
  });

  it('each party answers once and may change it; a stale or second first answer is a conflict; audited', async () => {
    const w = await introduced(35);
    const base = { matchId: w.matchId, days: 30 as const, note: '' };
    expect(await answerCheckIn(w.db, w.sme.viewer, { ...base, answer: 'met', version: 0 })).toEqual({
      side: 'need',
      version: 1,
    });
    // the same party answering "first" again (another tab, a double click) does not write a second row
    await expect(answerCheckIn(w.db, w.sme.viewer, { ...base, answer: 'ended', version: 0 })).rejects.toMatchObject({
      code: 'conflict',
    });
    await answerCheckIn(w.db, w.researcher.viewer, {
      ...base,
      answer: 'talking',
      note: 'next call in May',
      version: 0,
    });
    expect(await answerCheckIn(w.db, w.sme.viewer, { ...base, answer: 'agreement', version: 1 })).toMatchObject({
      version: 2,
    });
    await expect(answerCheckIn(w.db, w.sme.viewer, { ...base, answer: 'stalled', version: 1 })).rejects.toMatchObject({
      code: 'conflict',
    });
    const rows = await w.db.select().from(checkInResponses).where(eq(checkInResponses.matchId, w.matchId));
    expect(rows.map((r) => [r.side, r.answer, r.version, r.note]).sort()).toEqual([
      ['need', 'agreement', 2, null],
      ['seed', 'talking', 1, 'next call in May'],
    ]);
    const audit = await w.db
      .select({ details: auditLogs.details })
      .from(auditLogs)
      .where(and(eq(auditLogs.action, 'match.check_in'), eq(auditLogs.subjectId, w.matchId)));
    expect(audit).toHaveLength(3);
    // the 90-day check-in has not come; the coordinator and a stranger are no party
    await expect(
      answerCheckIn(w.db, w.sme.viewer, { ...base, days: 90, answer: 'met', version: 0 }),
    ).rejects.toMatchObject({ code: 'conflict' });
    for (const other of [w.coordinator, await makeUser('sme')]) {
      await expect(answerCheckIn(w.db, other.viewer, { ...base, answer: 'met', version: 0 })).rejects.toMatchObject({
        code: 'not_found',
      });
    }
    // what the notification's buttons show the SME
    const mine = await myCheckIns(w.db, w.sme.user.organisationId, [w.matchId]);
    expect(mine.open.has(w.matchId)).toBe(true);
    expect(mine.answers.get(`${w.matchId}:30`)).toEqual({ answer: 'agreement', version: 2 });
  });

  it('a mailed link shows its answer without writing anything; the confirmation records it for the recipient', async () => {
    const w = await introduced(40);
    const expires = new Date(Date.now() + 30 * DAY);
    const token = signCheckInLink({
      userId: w.researcher.user.id,
      matchId: w.matchId,
      days: 30,
      answer: 'stalled',
      expires,
    });
    const view = await readCheckInLink(w.db, token);
    expect(view).toMatchObject({ open: true, current: null, link: { answer: 'stalled', days: 30 } });
    expect(await w.db.select().from(checkInResponses).where(eq(checkInResponses.matchId, w.matchId))).toEqual([]);

    await answerCheckInByLink(w.db, { token, answer: 'stalled', note: 'no budget', version: 0 }, null);
    const [row] = await w.db.select().from(checkInResponses).where(eq(checkInResponses.matchId, w.matchId));
    expect(row).toMatchObject({ side: 'seed', answer: 'stalled', note: 'no budget', answeredBy: w.researcher.user.id });

    // forged, tampered or expired links are refused
    const [payload, signature] = token.split('.');
    // a different first character, whatever the signature begins with
    const tampered = `${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const forged = `${Buffer.from(JSON.stringify([w.sme.user.id, w.matchId, 30, 'met', 9_999_999_999])).toString('base64url')}.${signature}`;
    const expired = signCheckInLink({
      userId: w.researcher.user.id,
      matchId: w.matchId,
      days: 30,
      answer: 'met',
      expires: new Date(Date.now() - 1000),
    });
    for (const bad of [forged, tampered, expired]) {
      expect(await readCheckInLink(w.db, bad)).toBeNull();
      await expect(answerCheckInByLink(w.db, { token: bad, answer: 'met', version: 1 }, null)).rejects.toMatchObject({
        code: 'invalid',
      });
    }
  });

  it(`the coordinator's home counts introductions with a check-in unanswered ${CHECK_IN_OVERDUE_AFTER_DAYS} days after its date, and stalled ones; the list filters them`, async () => {
    // due 30 days after the introduction, overdue 14 days later: 45 days is overdue, 40 is not yet
    const overdue = await introduced(30 + CHECK_IN_OVERDUE_AFTER_DAYS + 1);
    const coordinator = overdue.coordinator;
    const news = await coordinatorNews(coordinator.viewer, null);
    expect(news).toMatchObject({ checkInsOverdue: 1, stalled: 0 });

    const db = overdue.db;
    const inCluster = (daysAgo: number) => introduced(daysAgo, overdue);
    await inCluster(40); // its check-in is due, not yet overdue
    const halfAnswered = await inCluster(50);
    await answerCheckIn(db, halfAnswered.sme.viewer, {
      matchId: halfAnswered.matchId,
      days: 30,
      answer: 'met',
      version: 0,
    });
    const answered = await inCluster(50);
    await answerCheckIn(db, answered.sme.viewer, { matchId: answered.matchId, days: 30, answer: 'met', version: 0 });
    await answerCheckIn(db, answered.researcher.viewer, {
      matchId: answered.matchId,
      days: 30,
      answer: 'stalled',
      version: 0,
    });

    expect(await coordinatorNews(coordinator.viewer, null)).toMatchObject({ checkInsOverdue: 2, stalled: 1 });
    const ids = async (followUp: 'overdue' | 'stalled') =>
      (await listCoordinatorQueue(coordinator.viewer, { status: 'introduced', followUp })).items
        .map((i) => i.id)
        .sort();
    expect(await ids('overdue')).toEqual([overdue.matchId, halfAnswered.matchId].sort());
    expect(await ids('stalled')).toEqual([answered.matchId]);
    expect((await listCoordinatorQueue(coordinator.viewer, { status: 'introduced' })).total).toBe(4);
    // another cluster's coordinator sees none of it
    const stranger = await makeUser('coordinator', { coordinates: [(await makeCluster()).id] });
    expect(await coordinatorNews(stranger.viewer, null)).toMatchObject({ checkInsOverdue: 0, stalled: 0 });
  });
});
