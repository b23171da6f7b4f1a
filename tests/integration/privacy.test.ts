import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { auditLogs, rateLimits, signUpRequests, users } from '@/db/schema/accounts';
import { savedSearches } from '@/db/schema/integrations';
import { matchMessages } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { outboxEmails } from '@/db/schema/mail';
import { matches } from '@/db/schema/matching';
import { notifications } from '@/db/schema/notifications';
import { findUserForSignIn } from '@/lib/accounts/data';
import { writeAudit } from '@/lib/audit/write';
import { loadViewer } from '@/lib/auth/viewer';
import { listMessages, postMessage } from '@/lib/introductions/after';
import { getMatchForViewer } from '@/lib/introductions/data';
import { deleteAccount } from '@/lib/privacy/delete';
import { exportPersonalData, personalDataCsv } from '@/lib/privacy/export';
import { purgeExpired } from '@/lib/privacy/retention';
import { makeUser, TEST_PASSWORD, unique } from '../support/factories';
import { introducedMatch, makeListing } from '../support/introduced';

const periods = { messagesYears: 3, notificationsDays: 365, mailDays: 90, ipDays: 365 };
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

// Opening the database (a fresh embedded one applies every migration) is not the first test's time; a
// test that builds an introduced match and deletes an account took 35 s on embedded PGlite at load ~26.
vi.setConfig({ testTimeout: 120_000 });
beforeAll(async () => {
  await getDb();
}, 120_000);

describe('downloading my data (APPI disclosure)', () => {
  it('holds my account, what I wrote, what was sent to me and what I did — and nobody else’s, no secrets', async () => {
    const db = await getDb();
    const w = await introducedMatch();
    const stranger = await makeUser('sme');
    await postMessage(db, w.sme.viewer, w.matchId, 'SENTINEL-MY-MESSAGE');
    await postMessage(db, w.researcher.viewer, w.matchId, 'SENTINEL-THEIR-MESSAGE');
    await db.insert(savedSearches).values({ userId: w.sme.user.id, kind: 'seeds', name: 'my search' });
    await db
      .insert(notifications)
      .values({ userId: stranger.user.id, kind: 'x', params: { who: 'SENTINEL-STRANGER' } });
    await writeAudit(db, {
      actorId: w.sme.user.id,
      action: 'account.sign_in',
      subjectType: 'user',
      subjectId: w.sme.user.id,
      ip: '198.51.100.7',
    });

    const data = await exportPersonalData(w.sme.viewer);
    expect(data.account).toMatchObject({ email: w.sme.user.email, name: w.sme.user.name, phone: w.sme.user.phone });
    expect(data.messages.map((m) => m.body)).toEqual(['SENTINEL-MY-MESSAGE']);
    expect(data.listings.needs.map((l) => l.id)).toEqual([w.needId]);
    expect(data.savedSearches.map((s) => s.name)).toEqual(['my search']);
    expect(data.activity.some((a) => a.action === 'account.sign_in' && a.ip === '198.51.100.7')).toBe(true);

    const json = JSON.stringify(data);
    expect(json).not.toContain('SENTINEL-THEIR-MESSAGE');
    expect(json).not.toContain('SENTINEL-STRANGER');
    expect(json).not.toContain(w.sme.user.passwordHash);

    const csv = personalDataCsv(data, 'Asia/Tokyo');
    expect(csv.split('\r\n')[0]).toContain('section');
    expect(csv).toContain('SENTINEL-MY-MESSAGE');
    expect(csv).toContain(w.sme.user.email);
  });
});

describe('deleting my account', () => {
  it('erases the person, keeps the organisation’s records, shows counterparts a former member, keeps the trail without personal data', async () => {
    const db = await getDb();
    const w = await introducedMatch();
    const colleague = await makeUser('sme', { organisationId: w.sme.user.organisationId });
    await postMessage(db, w.sme.viewer, w.matchId, 'Shall we meet?');
    await db.insert(notifications).values({ userId: w.sme.user.id, kind: 'x' });
    await writeAudit(db, {
      actorId: w.sme.user.id,
      action: 'account.sign_in',
      subjectType: 'user',
      subjectId: w.sme.user.id,
      ip: '198.51.100.8',
    });

    await expect(deleteAccount(w.sme.viewer, { password: 'wrong', confirm: true })).rejects.toMatchObject({
      code: 'invalid',
      fieldErrors: { password: ['errors.wrong_password'] },
    });
    const result = await deleteAccount(w.sme.viewer, { password: TEST_PASSWORD, confirm: true });
    expect(result).toEqual({ lastMember: false, listingsClosed: 0 });

    // the person is gone: no name, address, phone; no session, no sign-in
    const [row] = await db.select().from(users).where(eq(users.id, w.sme.user.id));
    expect(row.deletedAt).not.toBeNull();
    expect([row.name, row.phone]).toEqual(['', null]);
    expect(JSON.stringify(row)).not.toContain(w.sme.user.email);
    expect(await loadViewer(w.sme.user.id, w.sme.user.sessionVersion)).toBeNull();
    expect(await loadViewer(w.sme.user.id, row.sessionVersion)).toBeNull();
    expect(await findUserForSignIn(w.sme.user.email)).toBeNull();
    expect(await db.select().from(notifications).where(eq(notifications.userId, w.sme.user.id))).toEqual([]);

    // the organisation keeps its listing (open, contact cleared) and the introduction
    const [need] = await db.select().from(needs).where(eq(needs.id, w.needId));
    expect(need).toMatchObject({ status: 'open', contactUserId: null });
    expect(await getMatchForViewer(colleague.viewer, w.matchId)).not.toBeNull();

    // the counterpart sees a former member: the message stays, without the author's name
    const thread = await listMessages(db, w.researcher.viewer, w.matchId);
    expect(thread.map((m) => [m.body, m.authorName])).toEqual([['Shall we meet?', null]]);

    // the trail: rows kept, no IP, one erasure row without personal data
    const trail = await db.select().from(auditLogs).where(eq(auditLogs.actorId, w.sme.user.id));
    expect(trail.some((a) => a.action === 'account.sign_in')).toBe(true);
    expect(trail.every((a) => a.ip === null)).toBe(true);
    const erasure = trail.find((a) => a.action === 'account.delete');
    expect(erasure?.details).toEqual({ lastMember: false, listingsClosed: 0 });
    expect(JSON.stringify(trail)).not.toContain(w.sme.user.email);
    expect(JSON.stringify(trail)).not.toContain(w.sme.user.name);

    // a second attempt (an old tab) finds nothing to delete
    await expect(deleteAccount(w.sme.viewer, { password: TEST_PASSWORD, confirm: true })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('closes the organisation’s live listings when its last member leaves', async () => {
    const db = await getDb();
    const owner = await makeUser('researcher');
    const seedId = await makeListing('seed', owner);
    const result = await deleteAccount(owner.viewer, { password: TEST_PASSWORD, confirm: true });
    expect(result).toEqual({ lastMember: true, listingsClosed: 1 });
    const [seed] = await db.select().from(seeds).where(eq(seeds.id, seedId));
    expect(seed).toMatchObject({ status: 'closed', closedReason: 'account_deleted' });
  });

  it('the audit log still refuses every change but erasing an IP address', async () => {
    const db = await getDb();
    const actor = await makeUser('sme');
    const subjectId = unique('subject');
    await writeAudit(db, { actorId: actor.user.id, action: 'test.x', subjectType: 't', subjectId, ip: '192.0.2.1' });
    const [row] = await db.select().from(auditLogs).where(eq(auditLogs.subjectId, subjectId));
    await expect(
      db.update(auditLogs).set({ ip: null, action: 'test.y' }).where(eq(auditLogs.id, row.id)),
    ).rejects.toThrow();
    await expect(db.update(auditLogs).set({ ip: '192.0.2.2' }).where(eq(auditLogs.id, row.id))).rejects.toThrow();
    await db.update(auditLogs).set({ ip: null }).where(eq(auditLogs.id, row.id));
    const [after] = await db.select().from(auditLogs).where(eq(auditLogs.id, row.id));
    expect(after).toEqual({ ...row, ip: null });
  });
});

describe('retention job', () => {
  it('deletes what is past its period and nothing else; a second run finds nothing', async () => {
    const db = await getDb();
    const old = await introducedMatch();
    const recent = await introducedMatch();
    const live = await introducedMatch();
    for (const w of [old, recent, live]) await postMessage(db, w.sme.viewer, w.matchId, `m ${w.matchId}`);
    // ended 4 years ago, ended last month, still going
    await db
      .update(matches)
      .set({ status: 'closed', updatedAt: daysAgo(4 * 366) })
      .where(eq(matches.id, old.matchId));
    await db
      .update(matches)
      .set({ status: 'closed', updatedAt: daysAgo(30) })
      .where(eq(matches.id, recent.matchId));
    await db
      .update(matchMessages)
      .set({ createdAt: daysAgo(5 * 366) })
      .where(eq(matchMessages.matchId, live.matchId));

    const user = old.sme.user.id;
    const tag = unique('n');
    await db.insert(notifications).values([
      { userId: user, kind: tag, createdAt: daysAgo(400) },
      { userId: user, kind: tag, createdAt: daysAgo(10) },
    ]);
    const mail = (status: 'sent' | 'pending', age: number) => ({
      toUserId: user,
      toAddress: 'a@test.example',
      locale: 'en' as const,
      category: 'transactional',
      template: tag,
      subject: 's',
      textBody: 'b',
      messageId: `<${crypto.randomUUID()}@test>`,
      status,
      createdAt: daysAgo(age),
    });
    await db.insert(outboxEmails).values([mail('sent', 100), mail('sent', 10), mail('pending', 100)]);
    const subjectId = unique('ip');
    for (const age of [400, 10]) {
      await db.insert(auditLogs).values({
        actorId: user,
        action: 'test.ip',
        subjectType: 't',
        subjectId,
        ip: '203.0.113.5',
        createdAt: daysAgo(age),
      });
    }
    await db.insert(rateLimits).values({ key: unique('rl'), points: 1, expire: daysAgo(1) });
    const signUp = (email: string, expiresAt: Date) => ({
      tokenHash: unique('token'),
      email,
      passwordHash: '!',
      details: {},
      expiresAt,
    });
    const waiting = `${unique('waiting')}@test.example`;
    const expired = `${unique('expired')}@test.example`;
    await db
      .insert(signUpRequests)
      .values([signUp(expired, daysAgo(1)), signUp(waiting, new Date(Date.now() + 3600_000))]);

    const first = await purgeExpired(db, periods);
    expect(first.messages).toBeGreaterThanOrEqual(1);

    const left = async (matchId: string) =>
      (await db.select().from(matchMessages).where(eq(matchMessages.matchId, matchId))).length;
    expect([await left(old.matchId), await left(recent.matchId), await left(live.matchId)]).toEqual([0, 1, 1]);
    const notes = await db.select().from(notifications).where(eq(notifications.kind, tag));
    expect(notes).toHaveLength(1);
    const mails = await db.select().from(outboxEmails).where(eq(outboxEmails.template, tag));
    expect(mails.map((m) => m.status).sort()).toEqual(['pending', 'sent']);
    const ips = await db
      .select({ ip: auditLogs.ip })
      .from(auditLogs)
      .where(eq(auditLogs.subjectId, subjectId))
      .orderBy(auditLogs.createdAt);
    expect(ips.map((r) => r.ip)).toEqual([null, '203.0.113.5']);
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(rateLimits).where(sql`expire < now()`);
    expect(n).toBe(0);
    const pending = await db
      .select({ email: signUpRequests.email })
      .from(signUpRequests)
      .where(inArray(signUpRequests.email, [waiting, expired]));
    expect(pending.map((r) => r.email)).toEqual([waiting]);

    const again = await purgeExpired(db, periods);
    expect(again).toEqual({ messages: 0, notifications: 0, mails: 0, auditIps: 0, rateLimits: 0, signUpRequests: 0 });
  });
});
