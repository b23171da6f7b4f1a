import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { organisations, users } from '@/db/schema/accounts';
import { checkInResponses, matchEvents, matchIntroductions } from '@/db/schema/introductions';
import { matches } from '@/db/schema/matching';
import { writeAudit } from '@/lib/audit/write';
import { AppError } from '@/lib/errors';
import { loadMatchContext, type MatchContext, organisationOfSide } from './context';
import { addDays, CHECK_IN_DAYS } from './rules';
import { type CheckInDays, verifyCheckInLink } from './check-in-link';
import type { CheckInAnswer, Side } from '@/db/vocabulary/introductions';

// The 30- and 90-day check-ins after an introduction (issue 14 item 3): a question each party answers once
// per check-in (and may change), from the notification, the mail's signed link or the introduction page.
// The answers feed the programme's KPIs and the coordinators' follow-up counts.

/**
 * A check-in is overdue when a party still has not answered this many days after its date (the
 * introduction + 30 or 90 days): two weeks, the time a reminder mail usually needs to be acted on.
 */
export const CHECK_IN_OVERDUE_AFTER_DAYS = 14;

/** Who answers: the person signed in, or the recipient of a mailed link. */
export type Answerer = { userId: string; organisationId: string; verified: boolean };

export type CheckInInput = {
  matchId: string;
  days: CheckInDays;
  answer: CheckInAnswer;
  note?: string;
  /** The answer's version the party saw (0: none yet); a different one now is a conflict. */
  version: number;
};

/** The date of a check-in: the introduction's instant plus its days. */
export const checkInDate = (introducedAt: Date, days: number) => addDays(introducedAt, days);

/** Whether the check-in's date has come (answers are taken from then on, while the introduction is open). */
function checkInOpen(ctx: MatchContext, days: number, now: Date): boolean {
  const at = ctx.intro?.introducedAt;
  return ctx.status === 'introduced' && !!at && checkInDate(at, days) <= now;
}

/** The answerer's sides in the match (their organisation is behind them); they must be verified members. */
function sidesOfAnswerer(ctx: MatchContext, who: Answerer): Side[] {
  if (!who.verified) return [];
  return ctx.sides.filter((s) => organisationOfSide(ctx, s) === who.organisationId);
}

/**
 * Records (or changes) the answerer's party's answer to a check-in, conflict-safe: a first answer is an
 * insert that loses to one made meanwhile; a change is an update on the version the party saw. Audited,
 * on the match's timeline, in one transaction.
 */
export async function answerCheckIn(db: Db, who: Answerer, input: CheckInInput, ip: string | null = null) {
  return db.transaction(async (tx) => {
    const ctx = await loadMatchContext(tx, input.matchId);
    const side = ctx ? sidesOfAnswerer(ctx, who)[0] : undefined;
    if (!ctx || !side) throw new AppError('not_found');
    const now = new Date();
    if (!checkInOpen(ctx, input.days, now)) throw new AppError('conflict', 'checkIns.errors.not_open');
    const note = input.note?.trim() || null;
    const key = and(
      eq(checkInResponses.matchId, input.matchId),
      eq(checkInResponses.days, input.days),
      eq(checkInResponses.side, side),
    );
    const written =
      input.version === 0
        ? await tx
            .insert(checkInResponses)
            .values({
              matchId: input.matchId,
              days: input.days,
              side,
              answer: input.answer,
              note,
              answeredBy: who.userId,
            })
            .onConflictDoNothing()
            .returning({ version: checkInResponses.version })
        : await tx
            .update(checkInResponses)
            .set({
              answer: input.answer,
              note,
              answeredBy: who.userId,
              answeredAt: now,
              version: sql`${checkInResponses.version} + 1`,
            })
            .where(and(key, eq(checkInResponses.version, input.version)))
            .returning({ version: checkInResponses.version });
    if (!written.length) throw new AppError('conflict', 'checkIns.errors.changed');
    await tx.insert(matchEvents).values({
      matchId: input.matchId,
      type: 'check_in_answer',
      actorId: who.userId,
      actorRole: side,
      details: { days: input.days, answer: input.answer },
    });
    await writeAudit(tx, {
      actorId: who.userId,
      action: 'match.check_in',
      subjectType: 'match',
      subjectId: input.matchId,
      details: { days: input.days, side, answer: input.answer, version: written[0].version },
      ip,
    });
    return { side, version: written[0].version };
  });
}

/** The person a mailed link was sent to, as an answerer (null when the account is gone or disabled). */
export async function answererOf(db: Db, userId: string): Promise<Answerer | null> {
  const [row] = await db
    .select({
      organisationId: users.organisationId,
      verified: sql<boolean>`${organisations.verified} and ${users.approved}`,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.id, userId), eq(users.disabled, false)));
  return row ? { userId, organisationId: row.organisationId, verified: row.verified } : null;
}

/**
 * The check-ins of a match whose date has come, each with every party's answer. Notes are shown to the
 * coordinators and to the party that wrote them only.
 */
export async function checkInsOfMatch(
  db: Db,
  ctx: MatchContext,
  who: { organisationId: string; coordinator: boolean; verified: boolean },
  now = new Date(),
) {
  const at = ctx.intro?.introducedAt;
  if (!at) return [];
  const due = CHECK_IN_DAYS.filter((days) => checkInDate(at, days) <= now);
  if (!due.length) return [];
  const rows = await db
    .select({
      days: checkInResponses.days,
      side: checkInResponses.side,
      answer: checkInResponses.answer,
      note: checkInResponses.note,
      answeredAt: checkInResponses.answeredAt,
      version: checkInResponses.version,
    })
    .from(checkInResponses)
    .where(eq(checkInResponses.matchId, ctx.id));
  const mine = sidesOfAnswerer(ctx, { userId: '', ...who });
  return due.map((days) => ({
    days,
    date: checkInDate(at, days),
    open: ctx.status === 'introduced',
    parties: ctx.sides.map((side) => {
      const row = rows.find((r) => r.days === days && r.side === side);
      const own = mine.includes(side);
      return {
        side,
        own,
        answer: row?.answer ?? null,
        note: row && (own || who.coordinator) ? row.note : null,
        answeredAt: row?.answeredAt ?? null,
        version: row?.version ?? 0,
      };
    }),
  }));
}

/**
 * For the one-click buttons of the viewer's check-in notifications: which of the matches are still open
 * (introduced) and their party's current answers, `${matchId}:${days}` → the answer and its version.
 */
export async function myCheckIns(db: Db, organisationId: string, matchIds: string[]) {
  const answers = new Map<string, { answer: CheckInAnswer; version: number }>();
  if (!matchIds.length) return { open: new Set<string>(), answers };
  const [open, rows] = await Promise.all([
    db
      .select({ id: matches.id })
      .from(matches)
      .where(and(inArray(matches.id, matchIds), eq(matches.status, 'introduced'))),
    db
      .select({
        matchId: checkInResponses.matchId,
        days: checkInResponses.days,
        answer: checkInResponses.answer,
        version: checkInResponses.version,
      })
      .from(checkInResponses)
      .innerJoin(matches, eq(matches.id, checkInResponses.matchId))
      .where(and(inArray(checkInResponses.matchId, matchIds), partyOrganisationSql(organisationId))),
  ]);
  for (const r of rows) answers.set(`${r.matchId}:${r.days}`, { answer: r.answer, version: r.version });
  return { open: new Set(open.map((r) => r.id)), answers };
}

/** The response's side belongs to the organisation (its need's, seed's or request's). */
function partyOrganisationSql(organisationId: string): SQL {
  return sql`case ${checkInResponses.side}
    when 'need' then (select organisation_id from needs where id = ${matches.needId})
    when 'seed' then (select organisation_id from seeds where id = ${matches.seedId})
    else ${matches.requesterOrganisationId} end = ${organisationId}`;
}

/** SQL: the match's two sides, as `sidesOf` (rules.ts) decides them. */
const sidesSql = sql`(case when ${matches.kind} in ('engine', 'manual') or ${matches.requesterOrganisationId} is null
  then array['need', 'seed']
  else array[case when ${matches.needId} is not null then 'need' else 'seed' end, 'requester'] end)`;

/**
 * An introduced match with an overdue check-in: a check-in's date plus CHECK_IN_OVERDUE_AFTER_DAYS has
 * passed and one of its parties has not answered it.
 */
export function overdueCheckInSql(now: Date): SQL {
  const checks = CHECK_IN_DAYS.map(
    (
      days,
    ) => sql`(${matchIntroductions.introducedAt} + ${sql.raw(`interval '${days + CHECK_IN_OVERDUE_AFTER_DAYS} days'`)} <= ${now.toISOString()}::timestamptz
      and exists (select 1 from unnest(${sidesSql}) as s(side) where not exists (
        select 1 from ${checkInResponses} r
        where r.match_id = ${matches.id} and r.days = ${days} and r.side = s.side)))`,
  );
  return sql`(${matches.status} = 'introduced' and (${sql.join(checks, sql` or `)}))`;
}

/** An introduced match a party says is stalled: its latest answer (its last check-in answered) is `stalled`. */
export function stalledSql(): SQL {
  return sql`(${matches.status} = 'introduced' and exists (
    select 1 from ${checkInResponses} r
    where r.match_id = ${matches.id} and r.answer = 'stalled' and not exists (
      select 1 from ${checkInResponses} later
      where later.match_id = r.match_id and later.side = r.side and later.days > r.days)))`;
}

/** The follow-up filters of the coordinators' list (and the counts on their home). */
export const followUpFilters = ['overdue', 'stalled'] as const;
export type FollowUpFilter = (typeof followUpFilters)[number];

export const followUpSql = (filter: FollowUpFilter, now: Date): SQL =>
  filter === 'overdue' ? overdueCheckInSql(now) : stalledSql();

/**
 * What a check-in mail's link stands for, to show on its confirmation page (nothing is written): the
 * check-in, the introduction's title and the party's current answer; null when the token is not valid or
 * its recipient is no longer a party.
 */
export async function readCheckInLink(db: Db, token: string, now = new Date()) {
  const link = verifyCheckInLink(token, now);
  if (!link) return null;
  const [who, ctx] = await Promise.all([answererOf(db, link.userId), loadMatchContext(db, link.matchId)]);
  const side = who && ctx ? sidesOfAnswerer(ctx, who)[0] : undefined;
  if (!who || !ctx || !side) return null;
  const [current] = await db
    .select({ answer: checkInResponses.answer, note: checkInResponses.note, version: checkInResponses.version })
    .from(checkInResponses)
    .where(
      and(eq(checkInResponses.matchId, ctx.id), eq(checkInResponses.days, link.days), eq(checkInResponses.side, side)),
    );
  return {
    link,
    // after an introduction both parties see both listings
    listing: [ctx.need?.title, ctx.seed?.title].filter(Boolean).join(' ↔ '),
    open: checkInOpen(ctx, link.days, now),
    current: current ?? null,
  };
}

/** Records the answer confirmed on a mailed link's page, for the person the mail was sent to. */
export async function answerCheckInByLink(
  db: Db,
  input: { token: string; answer: CheckInAnswer; note?: string; version: number },
  ip: string | null,
) {
  const link = verifyCheckInLink(input.token);
  const who = link ? await answererOf(db, link.userId) : null;
  if (!link || !who) throw new AppError('invalid', 'checkIns.errors.link_invalid');
  return answerCheckIn(
    db,
    who,
    { matchId: link.matchId, days: link.days, answer: input.answer, note: input.note, version: input.version },
    ip,
  );
}
