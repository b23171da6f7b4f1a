import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema/accounts';
import { matchEvents, matchIntroductions } from '@/db/schema/introductions';
import { matches } from '@/db/schema/matching';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { type MessageParams, messageKey } from '@/lib/i18n/message-params';
import { transactionWithMail } from '@/lib/mail/transaction';
import { enqueueEmail } from '@/lib/mail/outbox';
import { notify } from '@/lib/notifications/notify';
import { actorOf, coordinatorsOf, loadMatchContext, personOfSide, stateOf, type MatchContext } from './context';
import { titlesFor } from './titles';
import { addDays, decide, DEFAULT_RESPONSE_DAYS, type Actor, type MatchEventInput } from './rules';
import type { Side } from '@/db/vocabulary/introductions';
import type { MatchStatus } from '@/db/vocabulary/matching';

export type TransitionOptions = {
  /** The version the user saw; a stale one is a conflict. Omitted for party answers, which retry on a race with the other side. */
  expectedVersion?: number;
  ip?: string | null;
  now?: Date;
  /** Days to answer after approval. */
  responseDays?: number;
};

export type TransitionResult = { matchId: string; from: MatchStatus; to: MatchStatus; version: number };

const errorKey = {
  illegal: 'introductions.errors.illegal',
  too_late: 'introductions.errors.too_late',
} as const;

/**
 * Applies one state-machine event for `who` (a viewer, or 'system' for expiry): in ONE
 * transaction, a single conditional UPDATE of the match (expected status AND version), its
 * introduction details, a timeline event, the audit row, notifications and outbox mail.
 * Zero rows updated → AppError('conflict'); nothing else is written.
 */
export async function transitionMatch(
  db: Db,
  who: Viewer | 'system',
  matchId: string,
  event: MatchEventInput,
  options: TransitionOptions = {},
): Promise<TransitionResult> {
  const attempts =
    options.expectedVersion === undefined && (event.type === 'accept' || event.type === 'decline') ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await transactionWithMail(db, (tx) => applyOnce(tx, who, matchId, event, options));
    } catch (error) {
      if (
        !(error instanceof AppError && error.code === 'conflict' && error.messageKey === 'errors.conflict') ||
        attempt >= attempts
      )
        throw error;
    }
  }
}

async function applyOnce(
  tx: Db,
  who: Viewer | 'system',
  matchId: string,
  event: MatchEventInput,
  options: TransitionOptions,
): Promise<TransitionResult> {
  const now = options.now ?? new Date();
  const ctx = await loadMatchContext(tx, matchId);
  if (!ctx) throw new AppError('not_found');
  const actor: Actor | null = who === 'system' ? { kind: 'system' } : actorOf(who, ctx);
  if (!actor) throw new AppError('not_found'); // reveal nothing to strangers
  const version = options.expectedVersion ?? ctx.version;
  if (version !== ctx.version) throw new AppError('conflict');

  const decision = decide(stateOf(ctx), actor, event, now);
  if (!decision.ok) {
    if (decision.error === 'forbidden') throw new AppError('forbidden');
    if (decision.error === 'invalid')
      throw new AppError(
        'invalid',
        event.type === 'reject' ? 'introductions.errors.note_required' : 'introductions.errors.reason_text_required',
      );
    throw new AppError('conflict', errorKey[decision.error]);
  }

  // The gate: one conditional UPDATE. Concurrent callers block on the row lock, then see a new version and match nothing.
  const updated = await tx
    .update(matches)
    .set({ status: decision.to, version: sql`${matches.version} + 1`, updatedAt: now })
    .where(and(eq(matches.id, matchId), eq(matches.status, ctx.status), eq(matches.version, version)))
    .returning({ version: matches.version });
  if (updated.length !== 1) throw new AppError('conflict');

  const actorId = who === 'system' ? null : who.userId;
  const actorRole = actor.kind === 'party' ? actor.side : actor.kind;
  const intro: Partial<typeof matchIntroductions.$inferInsert> = { updatedAt: now };
  const r = decision.responses;
  if (r.need) intro.needResponse = r.need;
  if (r.seed) intro.seedResponse = r.seed;
  if (r.requester) intro.requesterResponse = r.requester;
  let note: string | null = null;
  switch (event.type) {
    case 'approve':
      note = event.note?.trim() || null;
      intro.coordinatorNote = note;
      intro.deadline = addDays(now, options.responseDays ?? DEFAULT_RESPONSE_DAYS);
      intro.remindedAt = null;
      break;
    case 'reject':
      note = event.note.trim();
      intro.coordinatorNote = note;
      break;
    case 'decline':
      intro.declineReason = event.reason;
      intro.declineText = event.text?.trim() || null;
      note = intro.declineText;
      break;
  }
  if (decision.to === 'introduced') intro.introducedAt = now;
  await tx
    .insert(matchIntroductions)
    .values({ matchId, ...intro })
    .onConflictDoUpdate({ target: matchIntroductions.matchId, set: intro });

  const details: Record<string, unknown> = {};
  if (event.type === 'decline') details.reason = event.reason;
  await tx.insert(matchEvents).values({
    matchId,
    type: event.type,
    actorId,
    actorRole,
    fromStatus: ctx.status,
    toStatus: decision.to,
    note,
    details,
  });
  await writeAudit(tx, {
    actorId,
    action: `match.${event.type}`,
    subjectType: 'match',
    subjectId: matchId,
    details: { from: ctx.status, to: decision.to, version: updated[0].version, ...details },
    ip: options.ip ?? null,
  });
  await announce(tx, ctx, event, decision.to, actor, { note, deadline: intro.deadline ?? ctx.intro?.deadline ?? null });
  return { matchId, from: ctx.status, to: decision.to, version: updated[0].version };
}

async function userName(tx: Db, id: string): Promise<string> {
  const [u] = await tx.select({ name: users.name }).from(users).where(eq(users.id, id));
  return u?.name ?? '';
}

/** Notifications and mails of a transition, in the same transaction. */
async function announce(
  tx: Db,
  ctx: MatchContext,
  event: MatchEventInput,
  to: MatchStatus,
  actor: Actor,
  info: { note: string | null; deadline: Date | null },
) {
  const href = `/introductions/${ctx.id}`;
  const toSide = async (
    side: Side,
    kind: string,
    template: string | null,
    category: 'introductions' | 'reminders',
    extra: MessageParams = {},
  ) => {
    const person = personOfSide(ctx, side);
    if (!person) return;
    const params: MessageParams = { ...(await titlesFor(tx, ctx, side)), matchId: ctx.id, ...extra };
    if (info.deadline) params.deadline = info.deadline;
    await notify(tx, { userId: person, kind, params, href });
    if (template)
      await enqueueEmail(tx, {
        to: { userId: person },
        category,
        template,
        params: { ...params, name: await userName(tx, person) },
      });
  };
  const coordinators = async (kind: string) => {
    const ids = await coordinatorsOf(tx, ctx);
    const params = { ...(await titlesFor(tx, ctx, ctx.sides[0])), matchId: ctx.id };
    await notify(
      tx,
      ids.map((userId) => ({ userId, kind, params, href })),
    );
  };
  switch (event.type) {
    case 'approve':
      for (const side of ctx.sides)
        await toSide(side, 'introduction_request', 'introduction_request', 'introductions', { note: info.note ?? '—' });
      break;
    case 'reject':
      if (ctx.requester)
        await toSide('requester', 'interest_rejected', 'interest_rejected', 'introductions', { note: info.note ?? '' });
      break;
    case 'accept':
      if (to === 'introduced') {
        for (const side of ctx.sides) await toSide(side, 'introduction_made', 'introduction_made', 'introductions');
        await coordinators('introduction_made');
      }
      break;
    case 'decline': {
      const side = (actor as { side: Side }).side;
      const other = ctx.sides.find((s) => s !== side)!;
      await toSide(other, 'introduction_declined', 'introduction_declined', 'introductions', {
        reason: messageKey(`introductions.declineReasons.${event.reason}`),
      });
      await coordinators('introduction_declined');
      break;
    }
    case 'expire':
      for (const side of ctx.sides) await toSide(side, 'introduction_expired', 'introduction_expired', 'reminders');
      await coordinators('introduction_expired');
      break;
  }
}
