import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db';
import { matchEvents, matchIntroductions, ndas } from '@/db/schema/introductions';
import { matches } from '@/db/schema/matching';
import { DEFAULT_TIME_ZONE } from '@/db/vocabulary/accounts';
import { AppError } from '@/lib/errors';
import { type MessageParams, messageKey } from '@/lib/i18n/message-params';
import { calendarDay, calendarDayIn } from '@/lib/i18n/time-zone';
import { defineWorker } from '@/lib/jobs';
import { transactionWithMail } from '@/lib/mail/transaction';
import { enqueueEmail } from '@/lib/mail/outbox';
import { appUrl } from '@/lib/mail/templates';
import { notify } from '@/lib/notifications/notify';
import { loadMatchContext, personOfSide, responsesOf, type MatchContext } from './context';
import { addDays, CHECK_IN_DAYS, REMINDER_DAYS_BEFORE_DEADLINE } from './rules';
import { titlesFor } from './titles';
import { checkInLinks } from './check-in-link';
import { transitionMatch } from './transition';
import type { CheckInAnswer, Side } from '@/db/vocabulary/introductions';

export const INTRODUCTION_SWEEP_QUEUE = 'introductions.sweep';
const NDA_REMINDER_DAYS = 30;

/**
 * One pass of the introduction follow-up: reminders before the answer deadline, expiry after
 * it, check-ins 30 and 90 days after introduction, NDA expiry reminders. Every step claims its
 * row with a conditional update in the transaction that writes the notifications and mail,
 * so running it twice (or in two processes) never sends twice.
 */
export async function runIntroductionSweeps(db: Db, now = new Date()) {
  const counts = { reminded: 0, expired: 0, checkIns: 0, ndaReminders: 0, ndaExpired: 0 };

  const due = await db
    .select({ id: matches.id })
    .from(matches)
    .innerJoin(matchIntroductions, eq(matchIntroductions.matchId, matches.id))
    .where(and(eq(matches.status, 'approved'), lte(matchIntroductions.deadline, now)))
    .limit(100);
  for (const { id } of due) {
    try {
      await transitionMatch(db, 'system', id, { type: 'expire' }, { now });
      counts.expired++;
    } catch (error) {
      if (!(error instanceof AppError)) throw error; // someone answered meanwhile: fine
    }
  }

  const remind = await db
    .select({ id: matches.id })
    .from(matches)
    .innerJoin(matchIntroductions, eq(matchIntroductions.matchId, matches.id))
    .where(
      and(
        eq(matches.status, 'approved'),
        isNull(matchIntroductions.remindedAt),
        lte(matchIntroductions.deadline, addDays(now, REMINDER_DAYS_BEFORE_DEADLINE)),
      ),
    )
    .limit(100);
  for (const { id } of remind) {
    await transactionWithMail(db, async (tx) => {
      const claimed = await tx
        .update(matchIntroductions)
        .set({ remindedAt: now })
        .where(and(eq(matchIntroductions.matchId, id), isNull(matchIntroductions.remindedAt)))
        .returning({ id: matchIntroductions.matchId });
      if (!claimed.length) return;
      const ctx = (await loadMatchContext(tx, id))!;
      if (ctx.status !== 'approved') return;
      const responses = responsesOf(ctx);
      const deadline = ctx.intro?.deadline;
      if (!deadline) return;
      for (const side of ctx.sides.filter((s) => (responses[s] ?? 'pending') === 'pending')) {
        await toPerson(tx, ctx, side, 'introduction_reminder', 'reminders', { deadline });
      }
      await tx.insert(matchEvents).values({ matchId: id, type: 'reminder', actorRole: 'system' });
      counts.reminded++;
    });
  }

  for (const days of CHECK_IN_DAYS) {
    const column = days === 30 ? matchIntroductions.checkIn30At : matchIntroductions.checkIn90At;
    const key = days === 30 ? 'checkIn30At' : 'checkIn90At';
    const rows = await db
      .select({ id: matches.id })
      .from(matches)
      .innerJoin(matchIntroductions, eq(matchIntroductions.matchId, matches.id))
      .where(
        and(
          eq(matches.status, 'introduced'),
          isNull(column),
          lte(matchIntroductions.introducedAt, addDays(now, -days)),
        ),
      )
      .limit(100);
    for (const { id } of rows) {
      await transactionWithMail(db, async (tx) => {
        const claimed = await tx
          .update(matchIntroductions)
          .set({ [key]: now })
          .where(and(eq(matchIntroductions.matchId, id), isNull(column)))
          .returning({ id: matchIntroductions.matchId });
        if (!claimed.length) return;
        const ctx = (await loadMatchContext(tx, id))!;
        for (const side of ctx.sides) {
          const userId = personOfSide(ctx, side);
          const links = userId ? checkInLinks(appUrl(), userId, id, days, now) : null;
          await toPerson(tx, ctx, side, 'check_in', 'follow_up', { days }, links && linkParams(links));
        }
        await tx.insert(matchEvents).values({ matchId: id, type: 'check_in', actorRole: 'system', details: { days } });
        counts.checkIns++;
      });
    }
  }

  // an NDA's expiry is a calendar date of the programme, in Japan
  const today = calendarDayIn(now, DEFAULT_TIME_ZONE);
  const expiredNdas = await db
    .update(ndas)
    .set({ status: 'expired', updatedAt: now, version: sql`${ndas.version} + 1` })
    .where(and(eq(ndas.status, 'signed'), sql`${ndas.expiresOn} < ${today}`))
    .returning({ id: ndas.id });
  counts.ndaExpired = expiredNdas.length;
  const soon = calendarDayIn(addDays(now, NDA_REMINDER_DAYS), DEFAULT_TIME_ZONE);
  const expiring = await db
    .select({ id: ndas.id, matchId: ndas.matchId })
    .from(ndas)
    .where(and(eq(ndas.status, 'signed'), isNull(ndas.remindedAt), sql`${ndas.expiresOn} <= ${soon}`))
    .limit(100);
  for (const nda of expiring) {
    await transactionWithMail(db, async (tx) => {
      const claimed = await tx
        .update(ndas)
        .set({ remindedAt: now })
        .where(and(eq(ndas.id, nda.id), isNull(ndas.remindedAt)))
        .returning({ type: ndas.type, expiresOn: ndas.expiresOn });
      const expiresOn = claimed[0]?.expiresOn;
      if (!expiresOn) return;
      const ctx = (await loadMatchContext(tx, nda.matchId))!;
      for (const side of ctx.sides) {
        await toPerson(tx, ctx, side, 'nda_expiring', 'reminders', {
          type: messageKey(`introductions.ndaTypes.${claimed[0].type}`),
          expires: calendarDay(expiresOn),
        });
      }
      counts.ndaReminders++;
    });
  }
  return counts;
}

async function toPerson(
  tx: Db,
  ctx: MatchContext,
  side: Side,
  template: string,
  category: 'reminders' | 'follow_up',
  extra: MessageParams,
  /** Params of the mail only (a check-in's signed links, which must not be stored in the notification). */
  mailOnly: MessageParams | null = null,
) {
  const userId = personOfSide(ctx, side);
  if (!userId) return;
  const params = { ...(await titlesFor(tx, ctx, side)), matchId: ctx.id, ...extra };
  await notify(tx, { userId, kind: template, params, href: `/introductions/${ctx.id}` });
  await enqueueEmail(tx, { to: { userId }, category, template, params: { ...params, ...mailOnly } });
}

/** A check-in mail's links as its template's params: linkMet, linkTalking, … */
const linkParams = (links: Record<CheckInAnswer, string>): MessageParams =>
  Object.fromEntries(
    Object.entries(links).map(([answer, url]) => [`link${answer[0].toUpperCase()}${answer.slice(1)}`, url]),
  );

/** Declares the follow-up worker (instrumentation.ts at start-up; tests that run it). */
export function registerWorkers(): void {
  // Every five minutes (deadlines and check-ins are counted in days); idempotent, see above.
  defineWorker(INTRODUCTION_SWEEP_QUEUE, async () => void (await runIntroductionSweeps(await getDb())), {
    cron: '*/5 * * * *',
    policy: 'short',
    retryLimit: 1,
  });
}
