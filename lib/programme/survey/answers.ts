import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { isUniqueViolation } from '@/db/errors';
import { clusters } from '@/db/schema/accounts';
import { surveyResponses, surveyRounds } from '@/db/schema/programme';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { calendarDayIn } from '@/lib/i18n/time-zone';
import { PROGRAMME_TIME_ZONE } from '../kpis';
import { answerFormValues, answerFromInput, roundState } from './rules';
import { participantsOf, recordedInnovation } from './scope';
import type { SurveyAnswerInput } from './validation';

// The participant's side of the survey (issue 14 item 6): each participating organisation of the cluster
// answers a round once; any of its members may answer and edit until the round closes.

const today = (now: Date) => calendarDayIn(now, PROGRAMME_TIME_ZONE);

/** The round is one of the viewer's organisation's clusters (as a condition on survey_rounds). */
const askedOf = (viewer: Viewer) => sql`${viewer.organisationId}::uuid in (${participantsOf(surveyRounds.clusterId)})`;

/** Open now: begun, not past its last day, not closed by hand. */
const openOn = (day: string) =>
  sql`${surveyRounds.closedAt} is null and ${surveyRounds.opensOn} <= ${day}::date and ${surveyRounds.closesOn} >= ${day}::date`;

/** The rounds open now that the viewer's organisation is asked in, and whether it answered yet. */
export async function openRoundsFor(db: Db, viewer: Viewer, now = new Date()) {
  return db
    .select({
      id: surveyRounds.id,
      title: surveyRounds.title,
      closesOn: surveyRounds.closesOn,
      clusterNameJa: clusters.nameJa,
      clusterNameEn: clusters.nameEn,
      answered: sql<boolean>`exists (select 1 from ${surveyResponses} where ${surveyResponses.roundId} = ${surveyRounds.id} and ${surveyResponses.organisationId} = ${viewer.organisationId})`,
    })
    .from(surveyRounds)
    .innerJoin(clusters, eq(clusters.id, surveyRounds.clusterId))
    .where(and(askedOf(viewer), openOn(today(now))))
    .orderBy(asc(surveyRounds.closesOn));
}

/**
 * A round the viewer's organisation is asked in (begun), its answer so far or — none yet — the innovation
 * effects pre-filled from the outcomes the portal recorded for the organisation; null when not theirs.
 */
export async function answerForm(db: Db, viewer: Viewer, roundId: string, now = new Date()) {
  const [round] = await db
    .select({
      id: surveyRounds.id,
      title: surveyRounds.title,
      opensOn: surveyRounds.opensOn,
      closesOn: surveyRounds.closesOn,
      closedAt: surveyRounds.closedAt,
      clusterNameJa: clusters.nameJa,
      clusterNameEn: clusters.nameEn,
    })
    .from(surveyRounds)
    .innerJoin(clusters, eq(clusters.id, surveyRounds.clusterId))
    .where(and(eq(surveyRounds.id, roundId), askedOf(viewer)));
  if (!round) return null;
  const state = roundState(round, today(now));
  if (state === 'scheduled') return null;
  const [stored] = await db
    .select({
      version: surveyResponses.version,
      effects: surveyResponses.effects,
      innovation: surveyResponses.innovation,
      updatedAt: surveyResponses.updatedAt,
    })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.roundId, roundId), eq(surveyResponses.organisationId, viewer.organisationId)));
  const recorded = (
    await recordedInnovation(db, [viewer.organisationId], state === 'closed' ? round.closesOn : today(now))
  ).get(viewer.organisationId)!;
  return {
    round: { ...round, state },
    version: stored?.version ?? 0,
    updatedAt: stored?.updatedAt ?? null,
    recorded,
    values: answerFormValues(stored ?? null, recorded),
  };
}

const conflict = () => new AppError('conflict', 'survey.errors.conflict');

/**
 * Saves the organisation's answer while the round is open: the first (baseVersion 0) inserts, later ones
 * update the version the member started from. A save based on an older version — another member saved
 * meanwhile — is refused as a conflict, also when two first answers race (the unique round–organisation).
 */
export async function saveAnswer(
  db: Db,
  viewer: Viewer,
  input: SurveyAnswerInput,
  ip: string | null = null,
  now = new Date(),
): Promise<{ version: number }> {
  const answer = answerFromInput(input);
  try {
    return await db.transaction(async (tx) => {
      const [round] = await tx
        .select({ id: surveyRounds.id, open: sql<boolean>`${openOn(today(now))}` })
        .from(surveyRounds)
        .where(and(eq(surveyRounds.id, input.roundId), askedOf(viewer)));
      if (!round) throw new AppError('not_found');
      if (!round.open) throw new AppError('conflict', 'survey.errors.roundClosed');
      const saved =
        input.baseVersion === 0
          ? await tx
              .insert(surveyResponses)
              .values({
                roundId: input.roundId,
                organisationId: viewer.organisationId,
                ...answer,
                answeredBy: viewer.userId,
              })
              .returning({ version: surveyResponses.version })
          : await tx
              .update(surveyResponses)
              .set({ ...answer, version: input.baseVersion + 1, answeredBy: viewer.userId, updatedAt: now })
              .where(
                and(
                  eq(surveyResponses.roundId, input.roundId),
                  eq(surveyResponses.organisationId, viewer.organisationId),
                  eq(surveyResponses.version, input.baseVersion),
                ),
              )
              .returning({ version: surveyResponses.version });
      if (!saved.length) throw conflict();
      await writeAudit(tx, {
        actorId: viewer.userId,
        action: 'survey_response.save',
        subjectType: 'survey_round',
        subjectId: input.roundId,
        details: { organisationId: viewer.organisationId, version: saved[0].version },
        ip,
      });
      return saved[0];
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}
