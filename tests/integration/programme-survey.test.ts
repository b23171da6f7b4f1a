import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { outboxEmails } from '@/db/schema/mail';
import { notifications } from '@/db/schema/notifications';
import { matchOutcomes, surveyResponses } from '@/db/schema/programme';
import { can } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { calendarDayIn } from '@/lib/i18n/time-zone';
import { PROGRAMME_TIME_ZONE } from '@/lib/programme/kpis';
import { answerForm, openRoundsFor, saveAnswer } from '@/lib/programme/survey/answers';
import { exportSurveyCsv } from '@/lib/programme/survey/export';
import { runSurveyAnnouncements } from '@/lib/programme/survey/jobs';
import { closeRound, listRounds, openRound, roundResults } from '@/lib/programme/survey/office';
import { openRoundSchema, type SurveyAnswerInput, surveyAnswerSchema } from '@/lib/programme/survey/validation';
import { surveyAreas, type SurveyArea } from '@/db/vocabulary/programme';
import { makeCluster, makeOrganisation, makeUser } from '../support/factories';

// The participant survey (issue 14 item 6): a coordinator of the cluster (or the office) opens a round; each
// participating organisation answers once, pre-filled from its recorded outcomes, edits until the round closes
// and never overwrites another member's save; the office sees the response rate, the distributions and means
// (expected figures worked out by hand below) and where answers and records disagree.

const today = calendarDayIn(new Date(), PROGRAMME_TIME_ZONE);
const dayOffset = (days: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

let w: Awaited<ReturnType<typeof build>>;

async function build() {
  const db = await getDb();
  const A = await makeCluster();
  const B = await makeCluster();
  const admin = await makeUser('admin');
  const coordinatorA = await makeUser('coordinator', { coordinates: [A.id], clusterIds: [A.id] });
  const coordinatorB = await makeUser('coordinator', { coordinates: [B.id] });
  // cluster A asks three organisations: two SMEs (the first with two members) and a university
  const first = await makeUser('sme', { clusterIds: [A.id] });
  const firstColleague = await makeUser('sme', { organisationId: first.user.organisationId });
  const second = await makeUser('sme', { clusterIds: [A.id] });
  const university = await makeUser('researcher', { clusterIds: [A.id] });
  // not asked: an unverified SME of A, and an SME of cluster B
  await makeOrganisation('sme', { verified: false, clusterIds: [A.id] });
  const other = await makeUser('sme', { clusterIds: [B.id] });
  // recorded outcomes: the first SME two partnerships and a managerial revamp, the university a venture;
  // a partnership after the round's last day is not counted
  const credit = (
    organisationId: string,
    kind: 'partnership_formed' | 'managerial_revamp' | 'venture_founded',
    on: string,
  ) =>
    db.insert(matchOutcomes).values({
      organisationId,
      kind,
      occurredOn: on,
      recordedBy: coordinatorA.user.id,
      ventureName: kind === 'venture_founded' ? 'Spin-out KK' : null,
    });
  await credit(first.user.organisationId, 'partnership_formed', dayOffset(-40));
  await credit(first.user.organisationId, 'partnership_formed', dayOffset(-3));
  await credit(first.user.organisationId, 'managerial_revamp', dayOffset(-20));
  await credit(first.user.organisationId, 'partnership_formed', dayOffset(60));
  await credit(university.user.organisationId, 'venture_founded', dayOffset(-100));
  return { db, A, B, admin, coordinatorA, coordinatorB, first, firstColleague, second, university, other };
}

beforeAll(async () => {
  await getDb();
  w = await build();
}, 180_000);

const ratings = (before: string, after: string, overrides: Partial<Record<SurveyArea, [string, string]>> = {}) =>
  Object.fromEntries(
    surveyAreas.map((a) => [a, { before: overrides[a]?.[0] ?? before, after: overrides[a]?.[1] ?? after }]),
  ) as SurveyAnswerInput['effects'];

const no = { yes: false, count: '' };

function answer(roundId: string, baseVersion: number, values: Omit<SurveyAnswerInput, 'roundId' | 'baseVersion'>) {
  return surveyAnswerSchema.parse({ roundId, baseVersion, ...values });
}

async function refused(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('participant survey', () => {
  let roundId: string;

  it('a coordinator opens a round for their cluster; other clusters and other roles are refused', async () => {
    const input = openRoundSchema.parse({
      clusterId: w.A.id,
      title: 'Participant survey FY2026',
      opensOn: dayOffset(-1),
      closesOn: dayOffset(14),
    });
    const elsewhere = await refused(openRound(w.db, w.coordinatorB.viewer, input));
    expect(elsewhere.fieldErrors).toEqual({ clusterId: ['validation.choice'] });
    const past = await refused(openRound(w.db, w.coordinatorA.viewer, { ...input, closesOn: dayOffset(-1) }));
    expect(past.fieldErrors).toEqual({ closesOn: ['survey.errors.closesInPast'] });
    expect(openRoundSchema.safeParse({ ...input, closesOn: dayOffset(-2) }).error?.issues[0]).toMatchObject({
      path: ['closesOn'],
      message: 'survey.errors.closesBeforeOpens',
    });

    roundId = (await openRound(w.db, w.coordinatorA.viewer, input)).id;

    // the policy: only the office and coordinators run surveys; only members of participating kinds answer
    for (const v of [w.first.viewer, w.university.viewer]) expect(can(v, 'programme.surveys')).toBe(false);
    for (const v of [w.coordinatorA.viewer, w.admin.viewer]) expect(can(v, 'programme.surveyAnswer')).toBe(false);
    // and the data: a coordinator of another cluster neither sees nor closes the round
    expect((await listRounds(w.db, w.coordinatorB.viewer)).map((r) => r.id)).not.toContain(roundId);
    expect(await roundResults(w.db, w.coordinatorB.viewer, roundId)).toBeNull();
    expect((await refused(closeRound(w.db, w.coordinatorB.viewer, roundId))).code).toBe('not_found');
    const listed = (await listRounds(w.db, w.admin.viewer)).find((r) => r.id === roundId);
    expect(listed).toMatchObject({ state: 'open', responded: 0, eligible: 3 });
  });

  it('tells each member of the participating organisations once, by notification and mail', async () => {
    await runSurveyAnnouncements(w.db);
    await runSurveyAnnouncements(w.db);
    const members = [w.first, w.firstColleague, w.second, w.university];
    const notified = await w.db
      .select({ userId: notifications.userId, href: notifications.href })
      .from(notifications)
      .where(
        and(
          eq(notifications.kind, 'survey_opened'),
          inArray(
            notifications.userId,
            [...members, w.other, w.coordinatorA].map((m) => m.user.id),
          ),
        ),
      );
    expect(notified.map((n) => n.userId).sort()).toEqual(members.map((m) => m.user.id).sort());
    expect(notified[0].href).toBe(`/programme/surveys/${roundId}/answer`);
    const mails = await w.db
      .select({ id: outboxEmails.id })
      .from(outboxEmails)
      .where(and(eq(outboxEmails.template, 'survey_opened'), eq(outboxEmails.toUserId, w.second.user.id)));
    expect(mails).toHaveLength(1);
  });

  it('pre-fills the innovation effects from the outcomes recorded for the organisation', async () => {
    const form = await answerForm(w.db, w.first.viewer, roundId);
    expect(form?.version).toBe(0);
    expect(form?.recorded).toEqual({ partnership: 2, newBusiness: 0, revamp: 1, venture: 0 });
    expect(form?.values.innovation).toEqual({
      partnership: { yes: true, count: '2' },
      newBusiness: { yes: false, count: '' },
      revamp: { yes: true, count: '' },
      venture: { yes: false, count: '' },
    });
    expect(form?.values.effects.information).toEqual({ before: '', after: '' });
    expect((await answerForm(w.db, w.university.viewer, roundId))?.values.innovation.venture).toEqual({
      yes: true,
      count: '1',
    });
    // the form refuses missing ratings and a yes without a count, each next to its field
    const bad = surveyAnswerSchema.safeParse({
      roundId,
      baseVersion: 0,
      effects: { ...ratings('2', '4'), rnd: { before: '', after: '4' } },
      innovation: { partnership: { yes: true, count: '' }, newBusiness: no, revamp: no, venture: no },
    });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['effects.rnd.before', 'validation.choice'],
      ['innovation.partnership.count', 'survey.errors.countRequired'],
    ]);
  });

  it('takes one answer per organisation: a second member editing an older version is told, not overwritten', async () => {
    const firstAnswer = (base: number, partnerships: string) =>
      answer(roundId, base, {
        effects: ratings('2', '4', { information: ['1', '5'] }),
        innovation: {
          partnership: { yes: true, count: partnerships },
          newBusiness: no,
          revamp: { yes: true, count: '' },
          venture: no,
        },
      });
    expect(await saveAnswer(w.db, w.first.viewer, firstAnswer(0, '2'))).toEqual({ version: 1 });
    // the colleague opened the form before that save: their first answer is refused
    const raced = await refused(saveAnswer(w.db, w.firstColleague.viewer, firstAnswer(0, '4')));
    expect([raced.code, raced.messageKey]).toEqual(['conflict', 'survey.errors.conflict']);
    // reloaded, they change it
    expect((await answerForm(w.db, w.firstColleague.viewer, roundId))?.version).toBe(1);
    expect(await saveAnswer(w.db, w.firstColleague.viewer, firstAnswer(1, '3'))).toEqual({ version: 2 });
    // the first member's stale edit is refused in turn
    expect((await refused(saveAnswer(w.db, w.first.viewer, firstAnswer(1, '2')))).code).toBe('conflict');
    const rows = await w.db
      .select({ innovation: surveyResponses.innovation })
      .from(surveyResponses)
      .where(eq(surveyResponses.organisationId, w.first.user.organisationId));
    expect(rows).toHaveLength(1);
    expect(rows[0].innovation.partnership).toEqual({ yes: true, count: 3 });

    // a member of another cluster's organisation is not asked
    expect(await answerForm(w.db, w.other.viewer, roundId)).toBeNull();
    expect(await openRoundsFor(w.db, w.other.viewer)).toEqual([]);
    expect((await refused(saveAnswer(w.db, w.other.viewer, firstAnswer(0, '1')))).code).toBe('not_found');

    await saveAnswer(
      w.db,
      w.second.viewer,
      answer(roundId, 0, {
        effects: ratings('3', '3', { information: ['2', '3'], network: ['3', '4'] }),
        innovation: { partnership: no, newBusiness: { yes: true, count: '1' }, revamp: no, venture: no },
      }),
    );
    expect((await openRoundsFor(w.db, w.second.viewer)).map((r) => [r.id, r.answered])).toEqual([[roundId, true]]);
  });

  it('gives the office the response rate, distributions and means, and the disagreements (worked out by hand)', async () => {
    const data = (await roundResults(w.db, w.coordinatorA.viewer, roundId))!;
    const r = data.results;
    // two of the three organisations asked answered (the university did not)
    expect([r.responded, r.eligible, r.rate]).toEqual([2, 3, 2 / 3]);
    // information: before 1 and 2, after 5 and 3 → means 1.5 → 4, change ((5−1) + (3−2)) / 2 = 2.5
    expect(r.areas.information).toEqual({
      before: [1, 1, 0, 0, 0],
      after: [0, 0, 1, 0, 1],
      meanBefore: 1.5,
      meanAfter: 4,
      meanChange: 2.5,
    });
    // network: before 2 and 3, after 4 and 4 → 2.5 → 4, change (2 + 1) / 2 = 1.5
    expect(r.areas.network).toMatchObject({ before: [0, 1, 1, 0, 0], after: [0, 0, 0, 2, 0], meanChange: 1.5 });
    // the other areas: before 2 and 3, after 4 and 3 → change (2 + 0) / 2 = 1
    expect(r.areas.rnd).toMatchObject({ meanBefore: 2.5, meanAfter: 3.5, meanChange: 1 });
    expect(r.innovation).toEqual({
      partnership: { yes: 1, share: 0.5, count: 3 },
      newBusiness: { yes: 1, share: 0.5, count: 1 },
      revamp: { yes: 1, share: 0.5, count: null },
      venture: { yes: 0, share: 0, count: 0 },
    });
    // the first SME answered three partnerships (two recorded); the second a new business (none recorded)
    const differences = new Map(
      data.disagreements.map((d) => [d.organisation.id, d.differences.map((x) => [x.item, x.answered, x.recorded])]),
    );
    expect(differences).toEqual(
      new Map([
        [w.first.user.organisationId, [['partnership', { yes: true, count: 3 }, 2]]],
        [w.second.user.organisationId, [['newBusiness', { yes: true, count: 1 }, 0]]],
      ]),
    );

    const csv = await exportSurveyCsv(w.db, w.admin.viewer, roundId);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('"Access to information","Mean change","2.50"');
    expect(csv).toContain('"Response rate","Response rate (%)","66.67"');
  });

  it('closes: answers are final, and closing twice is a conflict', async () => {
    await closeRound(w.db, w.coordinatorA.viewer, roundId);
    const late = await refused(
      saveAnswer(
        w.db,
        w.university.viewer,
        answer(roundId, 0, {
          effects: ratings('1', '2'),
          innovation: { partnership: no, newBusiness: no, revamp: no, venture: no },
        }),
      ),
    );
    expect([late.code, late.messageKey]).toEqual(['conflict', 'survey.errors.roundClosed']);
    expect((await refused(closeRound(w.db, w.admin.viewer, roundId))).messageKey).toBe('survey.errors.alreadyClosed');
    expect((await answerForm(w.db, w.first.viewer, roundId))?.round.state).toBe('closed');
    expect(await openRoundsFor(w.db, w.first.viewer)).toEqual([]);
  });
});
