import 'server-only';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { clusters, organisations } from '@/db/schema/accounts';
import { surveyResponses, surveyRounds } from '@/db/schema/programme';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { calendarDayIn } from '@/lib/i18n/time-zone';
import { rowsOf } from '@/db/rows';
import { PROGRAMME_TIME_ZONE } from '../kpis';
import { disagreementsOf, roundState, surveyResults } from './rules';
import { participantsOf, recordedInnovation, runsSurveysOf } from './scope';
import type { OpenRoundInput } from './validation';

// The office's side of the participant survey (issue 14 item 6): an admin or a coordinator of the cluster
// opens a round and may close it early; the results, the response rate and where answers and records differ.

const roundColumns = {
  id: surveyRounds.id,
  clusterId: surveyRounds.clusterId,
  title: surveyRounds.title,
  opensOn: surveyRounds.opensOn,
  closesOn: surveyRounds.closesOn,
  closedAt: surveyRounds.closedAt,
  clusterNameJa: clusters.nameJa,
  clusterNameEn: clusters.nameEn,
};

const today = (now: Date) => calendarDayIn(now, PROGRAMME_TIME_ZONE);

/** The clusters the viewer may open a round for. */
export async function surveyClusters(db: Db, viewer: Viewer) {
  return db
    .select({ id: clusters.id, nameJa: clusters.nameJa, nameEn: clusters.nameEn })
    .from(clusters)
    .where(runsSurveysOf(viewer, clusters.id))
    .orderBy(asc(clusters.nameEn));
}

/** The rounds of the viewer's clusters, newest first, each with its state and how many answered of how many. */
export async function listRounds(db: Db, viewer: Viewer, now = new Date()) {
  const rows = await db
    .select({
      ...roundColumns,
      responded: sql<number>`(select count(*)::int from ${surveyResponses} where ${surveyResponses.roundId} = ${surveyRounds.id})`,
      eligible: sql<number>`(select count(*)::int from (${participantsOf(surveyRounds.clusterId)}) p)`,
    })
    .from(surveyRounds)
    .innerJoin(clusters, eq(clusters.id, surveyRounds.clusterId))
    .where(runsSurveysOf(viewer, surveyRounds.clusterId))
    .orderBy(desc(surveyRounds.opensOn), desc(surveyRounds.createdAt))
    .limit(200);
  return rows.map((r) => ({
    ...r,
    responded: Number(r.responded),
    eligible: Number(r.eligible),
    state: roundState(r, today(now)),
  }));
}

/** Opens a round for a cluster the viewer runs surveys of; its last day may not be past. */
export async function openRound(
  db: Db,
  viewer: Viewer,
  input: OpenRoundInput,
  ip: string | null = null,
  now = new Date(),
): Promise<{ id: string }> {
  if (input.closesOn < today(now))
    throw new AppError('invalid', 'errors.invalid', { closesOn: ['survey.errors.closesInPast'] });
  return db.transaction(async (tx) => {
    const [cluster] = await tx
      .select({ id: clusters.id })
      .from(clusters)
      .where(and(eq(clusters.id, input.clusterId), runsSurveysOf(viewer, clusters.id)));
    if (!cluster) throw new AppError('invalid', 'errors.invalid', { clusterId: ['validation.choice'] });
    const [round] = await tx
      .insert(surveyRounds)
      .values({ ...input, createdBy: viewer.userId })
      .returning({ id: surveyRounds.id });
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'survey_round.open',
      subjectType: 'survey_round',
      subjectId: round.id,
      details: { clusterId: input.clusterId, opensOn: input.opensOn, closesOn: input.closesOn },
      ip,
    });
    return round;
  });
}

/** Closes a round now (answers are then final); closing one already closed is a conflict. */
export async function closeRound(
  db: Db,
  viewer: Viewer,
  roundId: string,
  ip: string | null = null,
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const closed = await tx
      .update(surveyRounds)
      .set({ closedAt: now, closedBy: viewer.userId })
      .where(
        and(
          eq(surveyRounds.id, roundId),
          isNull(surveyRounds.closedAt),
          sql`${surveyRounds.closesOn} >= ${today(now)}::date`,
          runsSurveysOf(viewer, surveyRounds.clusterId),
        ),
      )
      .returning({ id: surveyRounds.id });
    if (!closed.length) {
      const [exists] = await tx
        .select({ id: surveyRounds.id })
        .from(surveyRounds)
        .where(and(eq(surveyRounds.id, roundId), runsSurveysOf(viewer, surveyRounds.clusterId)));
      if (!exists) throw new AppError('not_found');
      throw new AppError('conflict', 'survey.errors.alreadyClosed');
    }
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'survey_round.close',
      subjectType: 'survey_round',
      subjectId: roundId,
      ip,
    });
  });
}

/**
 * A round's results for the office: the response rate, each area's distributions and means, the innovation
 * effects answered, and each answer that disagrees with the outcomes recorded for its organisation.
 */
export async function roundResults(db: Db, viewer: Viewer, roundId: string, now = new Date()) {
  const [round] = await db
    .select(roundColumns)
    .from(surveyRounds)
    .innerJoin(clusters, eq(clusters.id, surveyRounds.clusterId))
    .where(and(eq(surveyRounds.id, roundId), runsSurveysOf(viewer, surveyRounds.clusterId)));
  if (!round) return null;
  const [eligible] = rowsOf<{ n: number | string }>(
    await db.execute(sql`select count(*)::int as n from (${participantsOf(round.clusterId)}) p`),
  );
  const answers = await db
    .select({
      organisationId: surveyResponses.organisationId,
      nameJa: organisations.nameJa,
      nameEn: organisations.nameEn,
      effects: surveyResponses.effects,
      innovation: surveyResponses.innovation,
      updatedAt: surveyResponses.updatedAt,
    })
    .from(surveyResponses)
    .innerJoin(organisations, eq(organisations.id, surveyResponses.organisationId))
    .where(eq(surveyResponses.roundId, roundId))
    .orderBy(asc(organisations.nameEn));
  const state = roundState(round, today(now));
  // records up to the round's last day, or today while it is open
  const until = state === 'closed' ? round.closesOn : today(now);
  const recorded = await recordedInnovation(
    db,
    answers.map((a) => a.organisationId),
    until,
  );
  const disagreements = answers.flatMap((a) => {
    const differences = disagreementsOf(a.innovation, recorded.get(a.organisationId)!);
    return differences.length
      ? [{ organisation: { id: a.organisationId, nameJa: a.nameJa, nameEn: a.nameEn }, differences }]
      : [];
  });
  return {
    round: { ...round, state },
    results: surveyResults(answers, Number(eligible?.n ?? 0)),
    disagreements,
  };
}

/** The rounds of these clusters, for the printable report: those whose period ends in the report's. */
export async function roundsEndingIn(db: Db, viewer: Viewer, clusterIds: string[], from: string, to: string) {
  if (!clusterIds.length) return [];
  return db
    .select({ id: surveyRounds.id })
    .from(surveyRounds)
    .where(
      and(
        inArray(surveyRounds.clusterId, clusterIds),
        runsSurveysOf(viewer, surveyRounds.clusterId),
        sql`${surveyRounds.closesOn} between ${from}::date and ${to}::date`,
      ),
    )
    .orderBy(asc(surveyRounds.closesOn));
}
