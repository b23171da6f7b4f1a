import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { coordinatorClusters, users } from '@/db/schema/accounts';
import { seeds } from '@/db/schema/listings';
import { matchOutcomes } from '@/db/schema/programme';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { readParticipant, requireParticipant } from '@/lib/introductions/after';
import { organisationOfSide, type MatchContext } from '@/lib/introductions/context';
import { transitionMatch } from '@/lib/introductions/transition';
import { transactionWithMail } from '@/lib/mail/transaction';
import { type OutcomeDetails, recordOutcomeFor } from './record';

/**
 * The seeds a venture may name as its source: the match's own seed, and the seeds of the
 * viewer's organisation (all parties' seeds for the coordinator, who sees every listing of the cluster).
 */
function sourceSeedScope(viewer: Viewer, ctx: MatchContext, role: string) {
  const parties = ctx.sides.map((s) => organisationOfSide(ctx, s)).filter((x): x is string => !!x);
  const organisations = role === 'coordinator' ? parties : parties.filter((o) => o === viewer.organisationId);
  const own = organisations.length ? inArray(seeds.organisationId, organisations) : sql`false`;
  return ctx.seed ? or(eq(seeds.id, ctx.seed.id), own) : own;
}

/**
 * A party or the coordinator records what came of an introduction, optionally closing it with
 * that outcome; both in one transaction, so a close that fails (already closed) stores nothing.
 */
export async function recordOutcome(
  db: Db,
  viewer: Viewer,
  matchId: string,
  input: OutcomeDetails & { close?: boolean },
  ip: string | null = null,
): Promise<{ id: string }> {
  return transactionWithMail(db, async (tx) => {
    const { ctx, role } = await requireParticipant(tx, viewer, matchId);
    if (input.kind === 'venture_founded') await checkVenture(tx, viewer, ctx, role, input);
    const row = await recordOutcomeFor(tx, {
      ...input,
      actorId: viewer.userId,
      actorRole: role,
      matchId,
      ip,
    });
    if (input.close) await transitionMatch(tx, viewer, matchId, { type: 'close' }, { ip });
    return row;
  });
}

async function checkVenture(tx: Db, viewer: Viewer, ctx: MatchContext, role: string, input: OutcomeDetails) {
  const invalid = (field: string, key: string) => new AppError('invalid', 'errors.invalid', { [field]: [key] });
  if (!input.sourceSeedId) throw invalid('sourceSeedId', 'outcomes.errors.source_seed_required');
  const [seed] = await tx
    .select({ id: seeds.id })
    .from(seeds)
    .where(and(eq(seeds.id, input.sourceSeedId), sourceSeedScope(viewer, ctx, role)));
  if (!seed) throw invalid('sourceSeedId', 'outcomes.errors.source_seed_not_theirs');
  if (input.incubationManagerId) {
    const managers = await incubationManagers(tx, ctx);
    if (!managers.some((m) => m.id === input.incubationManagerId))
      throw invalid('incubationManagerId', 'outcomes.errors.manager_not_in_cluster');
  }
}

/** Coordinators of the match's clusters: who may be named a venture's incubation manager. */
async function incubationManagers(db: Db, ctx: MatchContext) {
  if (!ctx.clusterIds.length) return [];
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(coordinatorClusters)
    .innerJoin(users, eq(users.id, coordinatorClusters.userId))
    .where(and(inArray(coordinatorClusters.clusterId, ctx.clusterIds), eq(users.disabled, false)))
    .orderBy(users.name);
}

/** What the outcome form offers a participant: the parties' seeds (a venture's source) and incubation managers. */
export async function outcomeChoices(db: Db, viewer: Viewer, matchId: string) {
  const { ctx, role } = await readParticipant(db, viewer, matchId);
  const seedRows = await db
    .select({ id: seeds.id, title: seeds.title })
    .from(seeds)
    .where(sourceSeedScope(viewer, ctx, role))
    .orderBy(sql`(${seeds.id} = ${ctx.seed?.id ?? null}::uuid) desc nulls last`, asc(seeds.title))
    .limit(200);
  return { seeds: seedRows, managers: await incubationManagers(db, ctx), defaultSeedId: ctx.seed?.id ?? '' };
}

export async function listOutcomes(db: Db, viewer: Viewer, matchId: string) {
  await readParticipant(db, viewer, matchId);
  return db
    .select({
      id: matchOutcomes.id,
      kind: matchOutcomes.kind,
      occurredOn: matchOutcomes.occurredOn,
      note: matchOutcomes.note,
      amountJpy: matchOutcomes.amountJpy,
      ventureName: matchOutcomes.ventureName,
      sourceSeedTitle: seeds.title,
      incubationManager: users.name,
    })
    .from(matchOutcomes)
    .leftJoin(seeds, eq(seeds.id, matchOutcomes.sourceSeedId))
    .leftJoin(users, eq(users.id, matchOutcomes.incubationManagerId))
    .where(eq(matchOutcomes.matchId, matchId))
    .orderBy(matchOutcomes.occurredOn, matchOutcomes.createdAt);
}
