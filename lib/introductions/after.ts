import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema/accounts';
import { matchEvents, matchMessageReads, matchMessages, meetingProposals, ndas } from '@/db/schema/introductions';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { transactionWithMail } from '@/lib/mail/transaction';
import { enqueueEmail } from '@/lib/mail/outbox';
import { notify } from '@/lib/notifications/notify';
import {
  actorOf,
  coordinatorsOf,
  loadMatchContext,
  personOfSide,
  readMatchContext,
  type MatchContext,
} from './context';
import { contactsRevealed } from './rules';
import type { Side } from '@/db/vocabulary/introductions';

// What introduced parties and their coordinator do together: messages, meetings, NDAs
// (outcomes: lib/programme/outcomes.ts).

type Participant = { ctx: MatchContext; role: 'coordinator' | Side };

/** The match if the viewer is in its thread (a party or its coordinator, after introduction); else not_found. */
export async function requireParticipant(db: Db, viewer: Viewer, matchId: string): Promise<Participant> {
  return participantOf(viewer, await loadMatchContext(db, matchId));
}

/** As requireParticipant, for the read-only loaders of the introduction page: the context is read once per request. */
export async function readParticipant(db: Db, viewer: Viewer, matchId: string): Promise<Participant> {
  return participantOf(viewer, await readMatchContext(db, matchId));
}

function participantOf(viewer: Viewer, ctx: MatchContext | null): Participant {
  if (!ctx || !contactsRevealed(ctx.status)) throw new AppError('not_found');
  const actor = actorOf(viewer, ctx);
  if (!actor || actor.kind === 'system') throw new AppError('not_found');
  return { ctx, role: actor.kind === 'coordinator' ? 'coordinator' : actor.side };
}

/** Everyone in the thread except `exceptUserId`: the people behind both sides and the coordinators. */
async function othersInThread(db: Db, ctx: MatchContext, exceptUserId: string): Promise<string[]> {
  const ids = new Set<string>([
    ...ctx.sides.map((s) => personOfSide(ctx, s)).filter((x): x is string => !!x),
    ...(await coordinatorsOf(db, ctx)),
  ]);
  ids.delete(exceptUserId);
  return [...ids];
}

const titleOf = (ctx: MatchContext) => (ctx.need ?? ctx.seed)?.title ?? '';

export async function postMessage(db: Db, viewer: Viewer, matchId: string, body: string) {
  return transactionWithMail(db, async (tx) => {
    const { ctx } = await requireParticipant(tx, viewer, matchId);
    if (ctx.status !== 'introduced') throw new AppError('conflict', 'introductions.errors.thread_closed');
    const [msg] = await tx
      .insert(matchMessages)
      .values({ matchId, authorId: viewer.userId, body: body.trim() })
      .returning({ id: matchMessages.id, createdAt: matchMessages.createdAt });
    await markRead(tx, viewer.userId, matchId, msg.createdAt);
    const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, viewer.userId));
    for (const userId of await othersInThread(tx, ctx, viewer.userId)) {
      const params = { listing: titleOf(ctx), matchId, sender: me?.name ?? '' };
      await notify(tx, { userId, kind: 'new_message', params, href: `/introductions/${matchId}` });
      await enqueueEmail(tx, { to: { userId }, category: 'messages', template: 'new_message', params });
    }
    return { id: msg.id };
  });
}

async function markRead(db: Db, userId: string, matchId: string, at: Date) {
  await db
    .insert(matchMessageReads)
    .values({ matchId, userId, lastReadAt: at })
    .onConflictDoUpdate({
      target: [matchMessageReads.matchId, matchMessageReads.userId],
      set: { lastReadAt: sql`greatest(${matchMessageReads.lastReadAt}, excluded.last_read_at)` },
    });
}

export async function markThreadRead(db: Db, viewer: Viewer, matchId: string) {
  await requireParticipant(db, viewer, matchId);
  await markRead(db, viewer.userId, matchId, new Date());
}

/** Messages of a thread, oldest first, with author names (names of thread members are disclosed to them by now). */
export async function listMessages(db: Db, viewer: Viewer, matchId: string) {
  await readParticipant(db, viewer, matchId);
  return db
    .select({
      id: matchMessages.id,
      body: matchMessages.body,
      createdAt: matchMessages.createdAt,
      authorId: matchMessages.authorId,
      // null: the author deleted their account (shown as a former member)
      authorName: sql<string | null>`case when ${users.deletedAt} is null then ${users.name} end`,
    })
    .from(matchMessages)
    .innerJoin(users, eq(users.id, matchMessages.authorId))
    .where(eq(matchMessages.matchId, matchId))
    .orderBy(matchMessages.createdAt);
}

export async function unreadMessageCount(db: Db, viewer: Viewer, matchId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(matchMessages)
    .leftJoin(
      matchMessageReads,
      and(eq(matchMessageReads.matchId, matchMessages.matchId), eq(matchMessageReads.userId, viewer.userId)),
    )
    .where(
      and(
        eq(matchMessages.matchId, matchId),
        sql`${matchMessages.authorId} <> ${viewer.userId}`,
        sql`(${matchMessageReads.lastReadAt} is null or ${matchMessages.createdAt} > ${matchMessageReads.lastReadAt})`,
      ),
    );
  return Number(row?.n ?? 0);
}

export async function proposeMeeting(
  db: Db,
  viewer: Viewer,
  matchId: string,
  input: { slots: Date[]; location?: string },
) {
  return transactionWithMail(db, async (tx) => {
    const { ctx, role } = await requireParticipant(tx, viewer, matchId);
    if (ctx.status !== 'introduced') throw new AppError('conflict', 'introductions.errors.thread_closed');
    const [row] = await tx
      .insert(meetingProposals)
      .values({
        matchId,
        proposedBy: viewer.userId,
        proposerSide: role,
        slots: input.slots,
        location: input.location?.trim() || null,
      })
      .returning({ id: meetingProposals.id });
    await tx.insert(matchEvents).values({
      matchId,
      type: 'meeting_proposed',
      actorId: viewer.userId,
      actorRole: role,
      details: { slots: input.slots.map((d) => d.toISOString()) },
    });
    const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, viewer.userId));
    for (const userId of await othersInThread(tx, ctx, viewer.userId)) {
      const params = { listing: titleOf(ctx), matchId, sender: me?.name ?? '' };
      await notify(tx, { userId, kind: 'meeting_proposed', params, href: `/introductions/${matchId}` });
      await enqueueEmail(tx, { to: { userId }, category: 'introductions', template: 'meeting_proposed', params });
    }
    return { id: row.id };
  });
}

/** The other side (not the proposer's side) picks one slot; a conditional update so only the first pick counts. */
export async function pickMeetingSlot(db: Db, viewer: Viewer, matchId: string, proposalId: string, slot: Date) {
  return transactionWithMail(db, async (tx) => {
    const { ctx, role } = await requireParticipant(tx, viewer, matchId);
    const [proposal] = await tx
      .select()
      .from(meetingProposals)
      .where(and(eq(meetingProposals.id, proposalId), eq(meetingProposals.matchId, matchId)));
    if (!proposal) throw new AppError('not_found');
    if (proposal.proposerSide === role || proposal.proposedBy === viewer.userId) throw new AppError('forbidden');
    if (!proposal.slots.some((s) => s.getTime() === slot.getTime())) throw new AppError('invalid');
    const done = await tx
      .update(meetingProposals)
      .set({ status: 'confirmed', chosenSlot: slot, chosenBy: viewer.userId })
      .where(and(eq(meetingProposals.id, proposalId), eq(meetingProposals.status, 'open')))
      .returning({ id: meetingProposals.id });
    if (!done.length) throw new AppError('conflict');
    await tx.insert(matchEvents).values({
      matchId,
      type: 'meeting_confirmed',
      actorId: viewer.userId,
      actorRole: role,
      details: { slot: slot.toISOString() },
    });
    for (const userId of await othersInThread(tx, ctx, viewer.userId)) {
      const params = { listing: titleOf(ctx), matchId, when: slot };
      await notify(tx, { userId, kind: 'meeting_confirmed', params, href: `/introductions/${matchId}` });
      await enqueueEmail(tx, { to: { userId }, category: 'introductions', template: 'meeting_confirmed', params });
    }
  });
}

export async function listMeetings(db: Db, viewer: Viewer, matchId: string) {
  await readParticipant(db, viewer, matchId);
  return db
    .select()
    .from(meetingProposals)
    .where(eq(meetingProposals.matchId, matchId))
    .orderBy(meetingProposals.createdAt);
}

export async function recordNda(
  db: Db,
  viewer: Viewer,
  matchId: string,
  input: {
    type: 'mutual' | 'one_way';
    status: 'draft' | 'signed' | 'expired';
    signedOn?: string | null;
    expiresOn?: string | null;
  },
  ip: string | null = null,
) {
  return transactionWithMail(db, async (tx) => {
    const { role } = await requireParticipant(tx, viewer, matchId);
    const [row] = await tx
      .insert(ndas)
      .values({
        matchId,
        type: input.type,
        status: input.status,
        signedOn: input.signedOn || null,
        expiresOn: input.expiresOn || null,
        recordedBy: viewer.userId,
      })
      .returning({ id: ndas.id });
    await tx.insert(matchEvents).values({
      matchId,
      type: 'nda_recorded',
      actorId: viewer.userId,
      actorRole: role,
      details: { type: input.type, status: input.status, expiresOn: input.expiresOn ?? null },
    });
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'match.nda',
      subjectType: 'match',
      subjectId: matchId,
      details: { ndaId: row.id, status: input.status },
      ip,
    });
    return { id: row.id };
  });
}

/** Updates an NDA (type, status, dates) if nobody changed it since `version`; a new expiry date gets a new reminder. */
export async function updateNda(
  db: Db,
  viewer: Viewer,
  matchId: string,
  ndaId: string,
  input: {
    type: 'mutual' | 'one_way';
    status: 'draft' | 'signed' | 'expired';
    signedOn?: string | null;
    expiresOn?: string | null;
    version: number;
  },
  ip: string | null = null,
) {
  return transactionWithMail(db, async (tx) => {
    const { role } = await requireParticipant(tx, viewer, matchId);
    const done = await tx
      .update(ndas)
      .set({
        type: input.type,
        status: input.status,
        signedOn: input.signedOn || null,
        expiresOn: input.expiresOn || null,
        version: sql`${ndas.version} + 1`,
        updatedAt: new Date(),
        remindedAt: null,
      })
      .where(and(eq(ndas.id, ndaId), eq(ndas.matchId, matchId), eq(ndas.version, input.version)))
      .returning({ id: ndas.id });
    if (!done.length) throw new AppError('conflict');
    await tx.insert(matchEvents).values({
      matchId,
      type: 'nda_updated',
      actorId: viewer.userId,
      actorRole: role,
      details: { type: input.type, status: input.status, expiresOn: input.expiresOn || null },
    });
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'match.nda',
      subjectType: 'match',
      subjectId: matchId,
      details: { ndaId, status: input.status },
      ip,
    });
    return { id: ndaId };
  });
}

export async function listNdas(db: Db, viewer: Viewer, matchId: string) {
  await readParticipant(db, viewer, matchId);
  return db.select().from(ndas).where(eq(ndas.matchId, matchId)).orderBy(ndas.createdAt);
}
