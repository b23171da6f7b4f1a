import { and, eq, inArray, notInArray } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { auditLogs, users } from '@/db/schema/accounts';
import { matchEvents } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { outboxEmails } from '@/db/schema/mail';
import { matches } from '@/db/schema/matching';
import { notifications } from '@/db/schema/notifications';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import {
  listMeetings,
  listMessages,
  listNdas,
  pickMeetingSlot,
  postMessage,
  proposeMeeting,
  recordNda,
  updateNda,
} from '@/lib/introductions/after';
import { expressInterest, proposeManualMatch } from '@/lib/introductions/create';
import { getMatchForViewer, listMyIntroductions } from '@/lib/introductions/data';
import { listCoordinatorQueue } from '@/lib/introductions/queue';
import {
  INTRODUCTION_SWEEP_QUEUE,
  registerWorkers as registerIntroductionWorkers,
  runIntroductionSweeps,
} from '@/lib/introductions/jobs';
import { addDays } from '@/lib/introductions/rules';
import { transitionMatch } from '@/lib/introductions/transition';
import { enqueue, isWorking, startWorkers, stopJobs } from '@/lib/jobs';
import { registerWorkers as registerMailWorkers } from '@/lib/mail/jobs';
import { MAIL_FLUSH_QUEUE, transactionWithMail } from '@/lib/mail/transaction';
import { enqueueEmail } from '@/lib/mail/outbox';
import { deliverDueMails } from '@/lib/mail/sender';
import { getListingForViewer } from '@/lib/listings/data';
import { listOutcomes, recordOutcome } from '@/lib/programme/outcomes';
import { makeCluster, makeUser, unique } from '../support/factories';
import { messageIdOf, startSmtpCapture } from '../support/smtp-capture';

// The mail sender only runs where SMTP is configured; set before any module reads the env.
// (The tests above pass their own transports; only the workers at the end use this server.)
const smtpPort = vi.hoisted(() => {
  const p = 20000 + Math.floor(Math.random() * 20000);
  process.env.SMTP_URL = `smtp://127.0.0.1:${p}?ignoreTLS=true`;
  return p;
});

async function listing(kind: 'need' | 'seed', owner: { user: { id: string; organisationId: string } }) {
  const db = await getDb();
  const table = kind === 'need' ? needs : seeds;
  const [row] = await db
    .insert(table)
    .values({
      organisationId: owner.user.organisationId,
      createdBy: owner.user.id,
      contactUserId: owner.user.id,
      language: 'en',
      title: `${kind} ${unique()}`,
      summary: 's',
      domain: 'manufacturing',
      status: 'open',
      publishedAt: new Date(),
    })
    .returning({ id: table.id });
  return row.id;
}

/** A cluster with a coordinator, an SME with a need, a university with a seed; contact fields carry sentinels. */
async function world() {
  const db = await getDb();
  const cluster = await makeCluster();
  const coordinator = await makeUser('coordinator', { coordinates: [cluster.id] });
  const sme = await makeUser('sme', { clusterIds: [cluster.id] });
  const researcher = await makeUser('researcher', { clusterIds: [cluster.id] });
  const sentinels: string[] = [];
  for (const u of [sme, researcher]) {
    const tag = unique('SENTINEL');
    const [row] = await db
      .update(users)
      .set({ name: `${tag}-NAME`, email: `${tag.toLowerCase()}@sentinel.example`, phone: `${tag}-PHONE` })
      .where(eq(users.id, u.user.id))
      .returning();
    u.user = row;
    sentinels.push(`${tag}-NAME`, `${tag.toLowerCase()}@sentinel.example`, `${tag}-PHONE`);
  }
  const needId = await listing('need', sme);
  const seedId = await listing('seed', researcher);
  const [match] = await db
    .insert(matches)
    .values({
      kind: 'engine',
      needId,
      seedId,
      clusterId: cluster.id,
      score: 0.8,
      reasons: [{ kind: 'term', value: 'laser' }],
    })
    .returning();
  return { cluster, coordinator, sme, researcher, needId, seedId, match, sentinels };
}

const leaks = (value: unknown, sentinels: string[]) => {
  const text = JSON.stringify(value);
  return sentinels.filter((s) => text.includes(s));
};

async function conflictOf(p: Promise<unknown>) {
  try {
    await p;
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

// Opening a fresh embedded database runs every migration: do it once, outside the tests' time limits.
beforeAll(async () => {
  await getDb();
}, 180_000);

describe('brokered introductions', () => {
  it('20 concurrent approve/reject calls: exactly one wins, one audit row', async () => {
    const db = await getDb();
    const { coordinator, match } = await world();
    const calls = Array.from({ length: 20 }, (_, i) =>
      conflictOf(
        transitionMatch(
          db,
          coordinator.viewer,
          match.id,
          i % 2 ? { type: 'reject', note: `no ${i}` } : { type: 'approve', note: `go ${i}` },
          { expectedVersion: match.version },
        ),
      ),
    );
    const results = await Promise.all(calls);
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'conflict')).toHaveLength(19);
    const audits = await db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.subjectType, 'match'), eq(auditLogs.subjectId, match.id)));
    expect(audits).toHaveLength(1);
    const events = await db.select().from(matchEvents).where(eq(matchEvents.matchId, match.id));
    expect(events).toHaveLength(1);
    const [after] = await db.select().from(matches).where(eq(matches.id, match.id));
    expect(after.version).toBe(match.version + 1);
  }, 90_000);

  it('rejects a stale or illegal transition with a conflict and requires a note on reject', async () => {
    const db = await getDb();
    const { coordinator, match } = await world();
    await expect(
      transitionMatch(
        db,
        coordinator.viewer,
        match.id,
        { type: 'reject', note: ' ' },
        { expectedVersion: match.version },
      ),
    ).rejects.toMatchObject({ code: 'invalid' });
    await transitionMatch(db, coordinator.viewer, match.id, { type: 'approve' }, { expectedVersion: match.version });
    await expect(
      transitionMatch(db, coordinator.viewer, match.id, { type: 'approve' }, { expectedVersion: match.version }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      transitionMatch(db, coordinator.viewer, match.id, { type: 'reject', note: 'x' }),
    ).rejects.toMatchObject({ code: 'conflict', messageKey: 'introductions.errors.illegal' });
  });

  it('double opt-in: contacts hidden until both accept, then shown to the parties and coordinator only', async () => {
    const db = await getDb();
    const w = await world();
    const other = await makeCluster();
    const strangerCoordinator = await makeUser('coordinator', { coordinates: [other.id] });
    const stranger = await makeUser('sme', { clusterIds: [w.cluster.id] });
    const lender = await makeUser('lender', { clusterIds: [w.cluster.id] });
    const outsiders: Viewer[] = [strangerCoordinator.viewer, stranger.viewer, lender.viewer];
    const sentinels = w.sentinels;

    const listingViews = async (v: Viewer) => [
      await getListingForViewer(v, 'need', w.needId),
      await getListingForViewer(v, 'seed', w.seedId),
    ];
    const checkOutsiders = async () => {
      for (const v of outsiders) {
        expect(leaks(await listingViews(v), sentinels)).toEqual([]);
        expect(await getMatchForViewer(v, w.match.id)).toBeNull();
        expect((await listCoordinatorQueue(v, { status: 'proposed' })).items).toEqual([]);
        expect(leaks(await listMyIntroductions(v), sentinels)).toEqual([]);
        await expect(transitionMatch(db, v, w.match.id, { type: 'approve' })).rejects.toMatchObject({
          code: 'not_found',
        });
      }
    };

    // proposed: parties see nothing yet; the coordinator sees it in the queue without contacts
    expect(await getMatchForViewer(w.sme.viewer, w.match.id)).toBeNull();
    const { items: queue } = await listCoordinatorQueue(w.coordinator.viewer);
    expect(queue.map((q) => q.id)).toContain(w.match.id);
    expect(leaks(queue, sentinels)).toEqual([]);
    await checkOutsiders();

    await transitionMatch(
      db,
      w.coordinator.viewer,
      w.match.id,
      { type: 'approve', note: 'Strong fit on laser welding' },
      { expectedVersion: w.match.version },
    );
    const smeView = await getMatchForViewer(w.sme.viewer, w.match.id);
    expect(smeView?.coordinatorNote).toBe('Strong fit on laser welding');
    expect(smeView?.contacts).toBeNull();
    expect(smeView?.available).toEqual(['accept', 'decline']);
    expect(leaks(smeView, sentinels)).toEqual([]);
    const mails = await db
      .select()
      .from(outboxEmails)
      .where(inArray(outboxEmails.toUserId, [w.sme.user.id, w.researcher.user.id]));
    expect(mails).toHaveLength(2);
    expect(mails[0].textBody).toContain('Strong fit on laser welding');
    const notes = await db.select().from(notifications).where(eq(notifications.userId, w.sme.user.id));
    expect(notes.map((n) => n.kind)).toContain('introduction_request');

    expect(leaks(await listingViews(w.sme.viewer), [sentinels[3], sentinels[4], sentinels[5]])).toEqual([]);
    await transitionMatch(db, w.sme.viewer, w.match.id, { type: 'accept' });
    expect(leaks(await listingViews(w.researcher.viewer), sentinels.slice(0, 3))).toEqual([]);
    const halfway = await getMatchForViewer(w.researcher.viewer, w.match.id);
    expect(halfway?.status).toBe('approved');
    expect(leaks(halfway, sentinels)).toEqual([]);
    await expect(postMessage(db, w.sme.viewer, w.match.id, 'hello')).rejects.toMatchObject({ code: 'not_found' });
    await checkOutsiders();

    await transitionMatch(db, w.researcher.viewer, w.match.id, { type: 'accept' });
    const introduced = await getMatchForViewer(w.sme.viewer, w.match.id);
    expect(introduced?.status).toBe('introduced');
    expect(introduced?.contacts?.seed?.phone).toBe(w.researcher.user.phone);
    expect((await getMatchForViewer(w.coordinator.viewer, w.match.id))?.contacts?.need?.email).toBe(w.sme.user.email);
    // the listings themselves now disclose their people to the other party (relationOf)
    expect((await getListingForViewer(w.sme.viewer, 'seed', w.seedId))?.contact?.phone).toBe(w.researcher.user.phone);
    expect((await getListingForViewer(w.researcher.viewer, 'need', w.needId))?.contact?.email).toBe(w.sme.user.email);
    await checkOutsiders();

    await postMessage(db, w.sme.viewer, w.match.id, 'Shall we meet next week?');
    const thread = await listMessages(db, w.researcher.viewer, w.match.id);
    expect(thread.map((m) => m.body)).toEqual(['Shall we meet next week?']);
    expect((await getMatchForViewer(w.researcher.viewer, w.match.id))?.unread).toBe(1);
    await expect(listMessages(db, strangerCoordinator.viewer, w.match.id)).rejects.toMatchObject({ code: 'not_found' });

    const timeline = await db.select().from(matchEvents).where(eq(matchEvents.matchId, w.match.id));
    expect(timeline.map((e) => e.type)).toEqual(['approve', 'accept', 'accept']);
  });

  it('a decline reaches the other side as advice, without the free text', async () => {
    const db = await getDb();
    const w = await world();
    await transitionMatch(db, w.coordinator.viewer, w.match.id, { type: 'approve' });
    await transitionMatch(db, w.researcher.viewer, w.match.id, {
      type: 'decline',
      reason: 'other',
      text: 'SECRET-REASON-TEXT',
    });
    const smeView = await getMatchForViewer(w.sme.viewer, w.match.id);
    expect(smeView?.status).toBe('declined');
    expect(smeView?.decline?.reason).toBe('other');
    expect(JSON.stringify(smeView)).not.toContain('SECRET-REASON-TEXT');
    expect(leaks(smeView, w.sentinels)).toEqual([]);
    const [mail] = await db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.toUserId, w.sme.user.id), eq(outboxEmails.template, 'introduction_declined')));
    expect(mail.textBody).not.toContain('SECRET-REASON-TEXT');
  });

  it('expression of interest by a trading firm becomes a sales_channel match in the same flow', async () => {
    const db = await getDb();
    const w = await world();
    const trader = await makeUser('trading');
    const { matchId, kind } = await expressInterest(db, trader.viewer, {
      listingKind: 'seed',
      listingId: w.seedId,
      offer: 'Distribution in ASEAN',
      want: 'Exclusive licence',
      timing: 'Q3',
      channelProduct: 'Inspection units',
      channelTerritories: ['country:TH', 'country:VN'],
      channelKinds: ['distributor'],
    });
    expect(kind).toBe('sales_channel');
    expect((await listCoordinatorQueue(w.coordinator.viewer)).items.map((q) => q.id)).toContain(matchId);
    expect(await getMatchForViewer(w.researcher.viewer, matchId)).toBeNull(); // not before the coordinator approves
    expect((await getMatchForViewer(trader.viewer, matchId))?.status).toBe('proposed');
    await transitionMatch(db, w.coordinator.viewer, matchId, { type: 'approve', note: 'worth a talk' });
    await transitionMatch(db, trader.viewer, matchId, { type: 'accept' });
    await transitionMatch(db, w.researcher.viewer, matchId, { type: 'accept' });
    const view = await getMatchForViewer(trader.viewer, matchId);
    expect(view?.status).toBe('introduced');
    expect(view?.contacts?.seed?.email).toBe(w.researcher.user.email);
  });

  it('a coordinator proposes a match by hand only within their clusters', async () => {
    const db = await getDb();
    const w = await world();
    const seed2 = await listing('seed', w.researcher);
    const { matchId } = await proposeManualMatch(db, w.coordinator.viewer, { needId: w.needId, seedId: seed2 });
    expect((await listCoordinatorQueue(w.coordinator.viewer)).items.map((q) => q.id)).toContain(matchId);
    const foreign = await makeUser('coordinator', { coordinates: [(await makeCluster()).id] });
    const seed3 = await listing('seed', w.researcher);
    await expect(proposeManualMatch(db, foreign.viewer, { needId: w.needId, seedId: seed3 })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it("a coordinator cannot pull another cluster's private or unreviewed listings into a match, nor act on its matches", async () => {
    const db = await getDb();
    const kansai = await makeCluster({ regionJa: '大阪', regionEn: 'Osaka' });
    const kyushu = await makeCluster({ regionJa: '福岡', regionEn: 'Fukuoka' });
    const kansaiCoordinator = await makeUser('coordinator', { coordinates: [kansai.id] });
    const coordinator2 = await makeUser('coordinator', { coordinates: [kyushu.id] });
    const kansaiSme = await makeUser('sme', { clusterIds: [kansai.id] });
    const kansaiLab = await makeUser('researcher', { clusterIds: [kansai.id] });
    const kyushuLab = await makeUser('researcher', { clusterIds: [kyushu.id] });
    const kyushuSme = await makeUser('sme', { clusterIds: [kyushu.id] });
    const privateNeed = await listing('need', kansaiSme);
    await db.update(needs).set({ visibility: 'private' }).where(eq(needs.id, privateNeed));
    const unreviewedNeed = await listing('need', kyushuSme);
    await db.update(needs).set({ status: 'pending_review' }).where(eq(needs.id, unreviewedNeed));
    const expiredNeed = await listing('need', kyushuSme);
    await db
      .update(needs)
      .set({ expiresAt: new Date(Date.now() - 86_400_000) })
      .where(eq(needs.id, expiredNeed));
    const kyushuSeed = await listing('seed', kyushuLab);
    const matchesOf = (needId: string) => db.select().from(matches).where(eq(matches.needId, needId));

    for (const needId of [privateNeed, unreviewedNeed, expiredNeed]) {
      await expect(proposeManualMatch(db, coordinator2.viewer, { needId, seedId: kyushuSeed })).rejects.toMatchObject({
        code: 'not_found',
      });
      expect(await matchesOf(needId)).toEqual([]);
    }
    const [privateRow] = await db.select().from(needs).where(eq(needs.id, privateNeed));
    const queueText = JSON.stringify(await listCoordinatorQueue(coordinator2.viewer));
    expect(queueText).not.toContain(privateRow.title);

    // A members' need of Kansai with a Kyushu seed: filed under the Kyushu cluster the coordinator brokers.
    const openNeed = await listing('need', kansaiSme);
    const { matchId } = await proposeManualMatch(db, coordinator2.viewer, { needId: openNeed, seedId: kyushuSeed });
    expect((await db.select().from(matches).where(eq(matches.id, matchId)))[0].clusterId).toBe(kyushu.id);
    // The Kansai coordinator may pair their own private need; the match is Kansai's.
    const own = await proposeManualMatch(db, kansaiCoordinator.viewer, { needId: privateNeed, seedId: kyushuSeed });
    expect((await db.select().from(matches).where(eq(matches.id, own.matchId)))[0].clusterId).toBe(kansai.id);

    // A match misfiled under Kyushu whose listings are both Kansai's: Kyushu's coordinator neither sees nor approves it.
    const kansaiSeed = await listing('seed', kansaiLab);
    const [misfiled] = await db
      .insert(matches)
      .values({ kind: 'manual', needId: privateNeed, seedId: kansaiSeed, clusterId: kyushu.id })
      .returning();
    expect((await listCoordinatorQueue(coordinator2.viewer)).items.map((q) => q.id)).not.toContain(misfiled.id);
    expect(await getMatchForViewer(coordinator2.viewer, misfiled.id)).toBeNull();
    await expect(transitionMatch(db, coordinator2.viewer, misfiled.id, { type: 'approve' })).rejects.toMatchObject({
      code: 'not_found',
    });
    const requests = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, kansaiSme.user.id)));
    expect(requests).toEqual([]);
    expect((await listCoordinatorQueue(kansaiCoordinator.viewer)).items.map((q) => q.id)).toContain(misfiled.id);
  });

  it('reminds before the deadline and expires after it, once', async () => {
    const db = await getDb();
    const w = await world();
    const t0 = new Date();
    await transitionMatch(db, w.coordinator.viewer, w.match.id, { type: 'approve' }, { now: t0, responseDays: 5 });
    await runIntroductionSweeps(db, addDays(t0, 3));
    await runIntroductionSweeps(db, addDays(t0, 3.5));
    const reminders = await db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.toUserId, w.sme.user.id), eq(outboxEmails.template, 'introduction_reminder')));
    expect(reminders).toHaveLength(1);
    await runIntroductionSweeps(db, addDays(t0, 6));
    const [after] = await db.select().from(matches).where(eq(matches.id, w.match.id));
    expect(after.status).toBe('expired');
  });
});

/** A world whose match both sides accepted. */
async function introduced() {
  const db = await getDb();
  const w = await world();
  await transitionMatch(db, w.coordinator.viewer, w.match.id, { type: 'approve' });
  await transitionMatch(db, w.sme.viewer, w.match.id, { type: 'accept' });
  await transitionMatch(db, w.researcher.viewer, w.match.id, { type: 'accept' });
  return w;
}

/** Other tests' mail in this database must not take this test's batches. */
async function parkOtherMail(keep: string[]) {
  const db = await getDb();
  await db
    .update(outboxEmails)
    .set({ status: 'failed' })
    .where(and(eq(outboxEmails.status, 'pending'), notInArray(outboxEmails.id, keep)));
}

describe('after the introduction', () => {
  it('meetings, NDAs, outcomes and 30/90-day check-ins', async () => {
    const db = await getDb();
    const w = await world();
    const t0 = new Date();
    await transitionMatch(db, w.coordinator.viewer, w.match.id, { type: 'approve' }, { now: t0 });
    await transitionMatch(db, w.sme.viewer, w.match.id, { type: 'accept' }, { now: t0 });
    await transitionMatch(db, w.researcher.viewer, w.match.id, { type: 'accept' }, { now: t0 });

    const slots = [addDays(t0, 7), addDays(t0, 8)];
    const { id: proposalId } = await proposeMeeting(db, w.sme.viewer, w.match.id, { slots, location: 'Nagoya' });
    await expect(pickMeetingSlot(db, w.sme.viewer, w.match.id, proposalId, slots[0])).rejects.toMatchObject({
      code: 'forbidden',
    }); // not your own proposal
    await pickMeetingSlot(db, w.researcher.viewer, w.match.id, proposalId, slots[1]);
    await expect(pickMeetingSlot(db, w.coordinator.viewer, w.match.id, proposalId, slots[0])).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await listMeetings(db, w.sme.viewer, w.match.id))[0].chosenSlot?.getTime()).toBe(slots[1].getTime());

    await recordNda(db, w.researcher.viewer, w.match.id, {
      type: 'mutual',
      status: 'signed',
      signedOn: '2026-01-10',
      expiresOn: addDays(t0, 10).toISOString().slice(0, 10),
    });
    await recordOutcome(db, w.coordinator.viewer, w.match.id, { kind: 'meeting_held', occurredOn: '2026-02-01' });
    await recordOutcome(db, w.sme.viewer, w.match.id, {
      kind: 'joint_rd_started',
      occurredOn: '2026-02-02',
      close: true,
    });
    expect((await listOutcomes(db, w.researcher.viewer, w.match.id)).map((o) => o.kind).sort()).toEqual([
      'joint_rd_started',
      'meeting_held',
    ]);

    // the sweeps: one NDA reminder within 30 days of its expiry, then the NDA expires
    const first = await runIntroductionSweeps(db, addDays(t0, 1));
    const again = await runIntroductionSweeps(db, addDays(t0, 2));
    expect(first.ndaReminders).toBeGreaterThanOrEqual(1);
    expect(again.ndaReminders).toBe(0);
    const ndaMails = await db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.toUserId, w.sme.user.id), eq(outboxEmails.template, 'nda_expiring')));
    expect(ndaMails).toHaveLength(1);
    expect((await listNdas(db, w.sme.viewer, w.match.id))[0].status).toBe('signed');
    await runIntroductionSweeps(db, addDays(t0, 12));
    expect((await listNdas(db, w.sme.viewer, w.match.id))[0].status).toBe('expired');
  });

  it("an NDA updated to signed gets one expiry reminder (in-app and mail in each user's language); a new expiry date a new one", async () => {
    const db = await getDb();
    const w = await introduced();
    await db.update(users).set({ locale: 'ja' }).where(eq(users.id, w.sme.user.id));
    const t0 = new Date();
    const day = (n: number) => addDays(t0, n).toISOString().slice(0, 10);
    const { id } = await recordNda(db, w.sme.viewer, w.match.id, { type: 'mutual', status: 'draft' });
    expect((await runIntroductionSweeps(db, t0)).ndaReminders).toBe(0); // drafts are not reminded

    await updateNda(db, w.researcher.viewer, w.match.id, id, {
      type: 'one_way',
      status: 'signed',
      signedOn: day(0),
      expiresOn: day(20),
      version: 1,
    });
    await expect(
      updateNda(db, w.sme.viewer, w.match.id, id, { type: 'mutual', status: 'draft', version: 1 }),
    ).rejects.toMatchObject({ code: 'conflict' }); // stale form
    const stranger = await makeUser('sme', { clusterIds: [w.cluster.id] });
    await expect(
      updateNda(db, stranger.viewer, w.match.id, id, { type: 'mutual', status: 'draft', version: 2 }),
    ).rejects.toMatchObject({ code: 'not_found' });

    expect((await runIntroductionSweeps(db, t0)).ndaReminders).toBe(1);
    expect((await runIntroductionSweeps(db, addDays(t0, 1))).ndaReminders).toBe(0);
    const reminders = async (userId: string) =>
      db
        .select()
        .from(outboxEmails)
        .where(and(eq(outboxEmails.toUserId, userId), eq(outboxEmails.template, 'nda_expiring')));
    const [jaMail] = await reminders(w.sme.user.id);
    const [y, m, d] = day(20).split('-').map(Number);
    expect(jaMail.subject).toBe(`秘密保持契約の期限：${y}年${m}月${d}日`); // a calendar date, as Japanese writes it
    expect(jaMail.textBody).toContain('片務');
    const [enMail] = await reminders(w.researcher.user.id);
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    expect(enMail.subject).toContain(`${months[m - 1]} ${d}, ${y}`);
    expect(enMail.locale).toBe('en');
    for (const u of [w.sme.user.id, w.researcher.user.id]) {
      const inApp = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, u), eq(notifications.kind, 'nda_expiring')));
      expect(inApp).toHaveLength(1);
      expect(inApp[0].href).toBe(`/introductions/${w.match.id}`);
    }

    // renewed: the new expiry date is reminded again, once
    await updateNda(db, w.sme.viewer, w.match.id, id, {
      type: 'one_way',
      status: 'signed',
      signedOn: day(0),
      expiresOn: day(200),
      version: 2,
    });
    expect((await runIntroductionSweeps(db, addDays(t0, 2))).ndaReminders).toBe(0);
    expect((await runIntroductionSweeps(db, addDays(t0, 175))).ndaReminders).toBe(1);
    expect(await reminders(w.sme.user.id)).toHaveLength(2);
    const events = await db.select().from(matchEvents).where(eq(matchEvents.matchId, w.match.id));
    expect(events.filter((e) => e.type === 'nda_updated')).toHaveLength(2);
  });

  it('sends each check-in once, at 30 and at 90 days', async () => {
    const db = await getDb();
    const w = await world();
    const t0 = new Date();
    await transitionMatch(db, w.coordinator.viewer, w.match.id, { type: 'approve' }, { now: t0 });
    await transitionMatch(db, w.sme.viewer, w.match.id, { type: 'accept' }, { now: t0 });
    await transitionMatch(db, w.researcher.viewer, w.match.id, { type: 'accept' }, { now: t0 });
    for (const day of [29, 31, 32, 91, 92]) await runIntroductionSweeps(db, addDays(t0, day));
    const checkIns = await db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.toUserId, w.researcher.user.id), eq(outboxEmails.template, 'check_in')));
    expect(checkIns.map((m) => m.subject).sort()).toEqual([
      'How is it going? 30 days since your introduction',
      'How is it going? 90 days since your introduction',
    ]);
  });
});

describe('mail outbox', () => {
  it('retries while the SMTP server is down and delivers each mail exactly once when it returns', async () => {
    const db = await getDb();
    const received: string[] = [];
    // below Linux's ephemeral range (32768+), so no outgoing connection holds it when the server restarts
    const port = 20000 + Math.floor(Math.random() * 12000);
    const start = () => startSmtpCapture(port, (raw) => received.push(messageIdOf(raw)));
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      ignoreTLS: true,
      connectionTimeout: 2000,
      greetingTimeout: 2000,
      socketTimeout: 5000,
    });
    const { user } = await makeUser('sme');
    const ids: string[] = [];
    await db.transaction(async (tx) => {
      for (let i = 0; i < 8; i++)
        ids.push(
          (await enqueueEmail(tx, {
            to: { userId: user.id },
            category: 'transactional',
            template: 'new_message',
            params: { listing: `L${i}`, matchId: 'm', sender: 's' },
          }))!,
        );
    });
    await parkOtherMail(ids);
    const opts = { transport, batchSize: 3, backoffSeconds: () => 0 };
    let server = await start();
    await deliverDueMails(db, opts); // 3 delivered
    await server.close();
    const down = await deliverDueMails(db, opts);
    expect(down.sent).toBe(0);
    expect(down.failed).toBeGreaterThan(0);
    const pendingRows = await db.select().from(outboxEmails).where(inArray(outboxEmails.id, ids));
    expect(pendingRows.filter((r) => r.status === 'pending' && r.lastError)).not.toHaveLength(0);
    server = await start();
    for (let i = 0; i < 10; i++) await deliverDueMails(db, opts);
    await server.close();
    const rows = await db.select().from(outboxEmails).where(inArray(outboxEmails.id, ids));
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    const mine = received.filter((m) => rows.some((r) => r.messageId === m));
    expect(mine.sort()).toEqual(rows.map((r) => r.messageId).sort()); // every mail, none twice
  });

  it('two workers racing never send the same mail twice', async () => {
    const db = await getDb();
    const { user } = await makeUser('researcher');
    const sent: string[] = [];
    const transport = {
      sendMail: async (m: { messageId?: string }) => {
        sent.push(m.messageId!);
        await new Promise((r) => setTimeout(r, 5));
        return {};
      },
    };
    const ids: string[] = [];
    await db.transaction(async (tx) => {
      for (let i = 0; i < 10; i++)
        ids.push(
          (await enqueueEmail(tx, {
            to: { userId: user.id },
            category: 'transactional',
            template: 'new_message',
            params: { listing: 'x', matchId: 'm', sender: 's' },
          }))!,
        );
    });
    await parkOtherMail(ids);
    await Promise.all([1, 2, 3].map(() => deliverDueMails(db, { transport: transport as never, batchSize: 4 })));
    await deliverDueMails(db, { transport: transport as never, batchSize: 20 });
    const rows = await db.select().from(outboxEmails).where(inArray(outboxEmails.id, ids));
    const mine = sent.filter((m) => rows.some((r) => r.messageId === m));
    expect(new Set(mine).size).toBe(mine.length);
    expect(mine).toHaveLength(10);
  });

  it('respects per-user preferences and writes in the recipient language', async () => {
    const db = await getDb();
    const { user } = await makeUser('sme');
    await db.update(users).set({ locale: 'ja' }).where(eq(users.id, user.id));
    const { setMailPreferences } = await import('@/lib/mail/preferences');
    const id = await enqueueEmail(db, {
      to: { userId: user.id },
      category: 'messages',
      template: 'new_message',
      params: { listing: 'L', matchId: 'm', sender: 'S' },
    });
    const [row] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, id!));
    expect(row.subject).toContain('新しいメッセージ');
    await setMailPreferences(db, user.id, { messages: false });
    expect(
      await enqueueEmail(db, {
        to: { userId: user.id },
        category: 'messages',
        template: 'new_message',
        params: { listing: 'L', matchId: 'm', sender: 'S' },
      }),
    ).toBeNull();
  });
});

// Last in this file: while the workers run they send every due mail in the database, which the
// SMTP-down test above must not see.
describe('mail and introduction workers on the job queue', () => {
  const received: string[] = [];
  let server: Awaited<ReturnType<typeof startSmtpCapture>>;

  beforeAll(async () => {
    server = await startSmtpCapture(smtpPort, (raw) => received.push(messageIdOf(raw)));
    await getDb();
    registerMailWorkers();
    registerIntroductionWorkers();
    await startWorkers([MAIL_FLUSH_QUEUE, INTRODUCTION_SWEEP_QUEUE]);
  }, 180_000);

  afterAll(async () => {
    await stopJobs();
    await server.close();
  });

  it('registers the mail sender and the introduction sweeps as pg-boss workers', () => {
    expect(isWorking(MAIL_FLUSH_QUEUE)).toBe(true);
    expect(isWorking(INTRODUCTION_SWEEP_QUEUE)).toBe(true);
  });

  it('a transaction that writes mail queues a flush; each mail arrives once', async () => {
    const db = await getDb();
    const { user } = await makeUser('sme');
    const ids = await transactionWithMail(db, async (tx) => {
      const out: string[] = [];
      for (let i = 0; i < 5; i++)
        out.push(
          (await enqueueEmail(tx, {
            to: { userId: user.id },
            category: 'transactional',
            template: 'new_message',
            params: { listing: `L${i}`, matchId: 'm', sender: 's' },
          }))!,
        );
      return out;
    });
    // well before the minute schedule: the flush queued after the commit sends them
    await vi.waitFor(
      async () => {
        const rows = await db.select().from(outboxEmails).where(inArray(outboxEmails.id, ids));
        expect(rows.every((r) => r.status === 'sent')).toBe(true);
      },
      { timeout: 20_000, interval: 250 },
    );
    const rows = await db.select().from(outboxEmails).where(inArray(outboxEmails.id, ids));
    const mine = received.filter((m) => rows.some((r) => r.messageId === m));
    expect(mine.sort()).toEqual(rows.map((r) => r.messageId).sort());
  }, 60_000);

  it('the introductions.sweep job sends NDA expiry reminders', async () => {
    const db = await getDb();
    const w = await introduced();
    const expires = addDays(new Date(), 10).toISOString().slice(0, 10);
    await recordNda(db, w.sme.viewer, w.match.id, {
      type: 'mutual',
      status: 'signed',
      signedOn: '2026-01-05',
      expiresOn: expires,
    });
    await enqueue(INTRODUCTION_SWEEP_QUEUE, {});
    await vi.waitFor(
      async () => {
        const rows = await db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, w.researcher.user.id), eq(notifications.kind, 'nda_expiring')));
        expect(rows).toHaveLength(1);
      },
      { timeout: 20_000, interval: 250 },
    );
    // and the mail goes out through the mail worker
    await vi.waitFor(
      async () => {
        const [mail] = await db
          .select()
          .from(outboxEmails)
          .where(and(eq(outboxEmails.toUserId, w.researcher.user.id), eq(outboxEmails.template, 'nda_expiring')));
        expect(mail?.status).toBe('sent');
        expect(received).toContain(mail.messageId);
      },
      { timeout: 20_000, interval: 250 },
    );
  }, 60_000);
});
