import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db';
import { users } from '@/db/schema/accounts';
import { surveyRounds } from '@/db/schema/programme';
import { calendarDay, calendarDayIn } from '@/lib/i18n/time-zone';
import { defineWorker, enqueue } from '@/lib/jobs';
import { log } from '@/lib/log/logger';
import { enqueueEmail } from '@/lib/mail/outbox';
import { transactionWithMail } from '@/lib/mail/transaction';
import { notify } from '@/lib/notifications/notify';
import { PROGRAMME_TIME_ZONE } from '../kpis';
import { participantsOf } from './scope';

export const SURVEY_ANNOUNCE_QUEUE = 'programme.survey-announce';

/**
 * Tells the members of a cluster's participating organisations that a survey round is open (a notification
 * and a mail each), once per round: the round is claimed by setting `announced_at` in the transaction that
 * writes them, so a second run (or process) sends nothing. Rounds opening on a later day wait for that day.
 */
export async function runSurveyAnnouncements(db: Db, now = new Date()): Promise<number> {
  const today = calendarDayIn(now, PROGRAMME_TIME_ZONE);
  const due = await db
    .select({ id: surveyRounds.id })
    .from(surveyRounds)
    .where(
      and(
        isNull(surveyRounds.announcedAt),
        isNull(surveyRounds.closedAt),
        sql`${surveyRounds.opensOn} <= ${today}::date and ${surveyRounds.closesOn} >= ${today}::date`,
      ),
    )
    .limit(20);
  let announced = 0;
  for (const { id } of due) {
    await transactionWithMail(db, async (tx) => {
      const [round] = await tx
        .update(surveyRounds)
        .set({ announcedAt: now })
        .where(and(eq(surveyRounds.id, id), isNull(surveyRounds.announcedAt)))
        .returning({
          id: surveyRounds.id,
          clusterId: surveyRounds.clusterId,
          title: surveyRounds.title,
          closesOn: surveyRounds.closesOn,
        });
      if (!round) return;
      const members = await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            sql`${users.organisationId} in (${participantsOf(round.clusterId)})`,
            inArray(users.role, ['sme', 'researcher', 'trading', 'lender']),
            eq(users.disabled, false),
            eq(users.approved, true),
            isNull(users.deletedAt),
          ),
        );
      const params = { title: round.title, closes: calendarDay(round.closesOn) };
      const href = `/programme/surveys/${round.id}/answer`;
      await notify(
        tx,
        members.map((m) => ({ userId: m.id, kind: 'survey_opened', params, href })),
      );
      for (const m of members)
        await enqueueEmail(tx, {
          to: { userId: m.id },
          category: 'reminders',
          template: 'survey_opened',
          params: { ...params, roundId: round.id },
        });
      announced++;
    });
  }
  return announced;
}

/** Asks for an announcement run now (a round opening today); the schedule covers it if this fails. */
export async function announceSoon(): Promise<void> {
  await enqueue(SURVEY_ANNOUNCE_QUEUE, {}, { singletonKey: 'announce' }).catch((error) =>
    log().warn({ err: error }, 'could not queue the survey announcement; the schedule will send it'),
  );
}

/** Declares the announcement worker (instrumentation.ts at start-up; tests that run it). */
export function registerWorkers(): void {
  // Hourly covers rounds that open on a later day; opening one today asks for a run at once.
  defineWorker(SURVEY_ANNOUNCE_QUEUE, async () => void (await runSurveyAnnouncements(await getDb())), {
    cron: '7 * * * *',
    policy: 'short',
    retryLimit: 1,
  });
}
