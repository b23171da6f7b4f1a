import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { clusters, users } from '@/db/schema/accounts';
import { surveyResponses, surveyRounds } from '@/db/schema/programme';
import { surveyAreas, type SurveyArea } from '@/db/vocabulary/programme';
import type { SurveyEffects, SurveyInnovationAnswers } from '@/db/schema/programme';

// A closed round of the participant survey in the Tokai cluster (issue 14 items 6 and 9), so the office and
// the coordinator open results with something to read: four of its participating organisations answered,
// each through its demo member; their innovation answers mostly agree with the outcomes the demo recorded.

const TITLE = '2026年度上期 参加者アンケート';
const DAY = 24 * 60 * 60 * 1000;

type Answer = {
  email: string;
  before: number;
  after: number;
  lifts?: Partial<Record<SurveyArea, [number, number]>>;
  innovation: SurveyInnovationAnswers;
};

const no = { yes: false, count: 0 };
const answers: Answer[] = [
  {
    email: 'sme@demo.test',
    before: 2,
    after: 4,
    lifts: { rnd: [1, 4], network: [2, 5] },
    innovation: {
      partnership: { yes: true, count: 1 },
      newBusiness: no,
      revamp: { yes: false, count: null },
      venture: no,
    },
  },
  {
    email: 'researcher@demo.test',
    before: 3,
    after: 4,
    lifts: { rnd: [3, 5], salesChannels: [2, 2] },
    innovation: {
      partnership: { yes: true, count: 2 },
      newBusiness: no,
      revamp: { yes: false, count: null },
      venture: { yes: true, count: 1 },
    },
  },
  {
    email: 'trading@demo.test',
    before: 2,
    after: 3,
    lifts: { salesChannels: [2, 5], funding: [3, 3] },
    innovation: {
      partnership: { yes: true, count: 1 },
      newBusiness: { yes: true, count: 1 },
      revamp: { yes: false, count: null },
      venture: no,
    },
  },
  {
    email: 'lender@demo.test',
    before: 3,
    after: 3,
    lifts: { funding: [2, 4], information: [2, 4] },
    innovation: { partnership: no, newBusiness: no, revamp: { yes: false, count: null }, venture: no },
  },
];

const effects = (a: Answer) =>
  Object.fromEntries(
    surveyAreas.map((area) => {
      const [before, after] = a.lifts?.[area] ?? [a.before, a.after];
      return [area, { before, after }];
    }),
  ) as SurveyEffects;

/** Idempotent: the round is written once (its title in the Tokai cluster marks it). */
export async function seedDemoSurvey(db: Db, now = new Date()): Promise<void> {
  const [tokai] = await db.select({ id: clusters.id }).from(clusters).where(eq(clusters.slug, 'tokai-monozukuri'));
  if (!tokai) return;
  const [done] = await db
    .select({ id: surveyRounds.id })
    .from(surveyRounds)
    .where(and(eq(surveyRounds.clusterId, tokai.id), eq(surveyRounds.title, TITLE)));
  if (done) return;
  const people = await db
    .select({ id: users.id, email: users.email, organisationId: users.organisationId })
    .from(users)
    .where(inArray(users.email, ['coordinator@demo.test', ...answers.map((a) => a.email)]));
  const coordinator = people.find((p) => p.email === 'coordinator@demo.test');
  if (!coordinator) return;
  const dayOf = (d: Date) => d.toISOString().slice(0, 10); // a stored date; the seed runs in no reader's zone
  const closes = new Date(now.getTime() - 30 * DAY);
  await db.transaction(async (tx) => {
    const [round] = await tx
      .insert(surveyRounds)
      .values({
        clusterId: tokai.id,
        title: TITLE,
        opensOn: dayOf(new Date(now.getTime() - 60 * DAY)),
        closesOn: dayOf(closes),
        closedAt: closes,
        closedBy: coordinator.id,
        announcedAt: new Date(now.getTime() - 60 * DAY),
        createdBy: coordinator.id,
      })
      .returning({ id: surveyRounds.id });
    for (const a of answers) {
      const member = people.find((p) => p.email === a.email);
      if (!member) continue;
      await tx.insert(surveyResponses).values({
        roundId: round.id,
        organisationId: member.organisationId,
        effects: effects(a),
        innovation: a.innovation,
        answeredBy: member.id,
        updatedAt: new Date(now.getTime() - 40 * DAY),
      });
    }
  });
}
