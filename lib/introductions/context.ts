import { eq, inArray, sql } from 'drizzle-orm';
import { cache } from 'react';
import type { Db } from '@/db';
import { coordinatorClusters, organisationClusters, users } from '@/db/schema/accounts';
import { matchIntroductions } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import type { Viewer } from '@/lib/auth/policy';
import { sidesOf, type Actor, type MatchState } from './rules';
import type { ResponseState, Side } from '@/db/vocabulary/introductions';
import type { MatchStatus } from '@/db/vocabulary/matching';

export type ListingRef = { id: string; title: string; organisationId: string; personId: string | null };

/** Everything a transition or a page needs to know about a match, loaded without any contact field. */
export type MatchContext = {
  id: string;
  kind: (typeof matches.$inferSelect)['kind'];
  status: MatchStatus;
  version: number;
  score: number | null;
  reasons: unknown[];
  createdAt: Date;
  need: ListingRef | null;
  seed: ListingRef | null;
  requester: { organisationId: string; personId: string | null } | null;
  sides: [Side, Side];
  intro: typeof matchIntroductions.$inferSelect | null;
  /** Clusters whose coordinators broker this match: those of the need's and seed's organisations (its own if none). */
  clusterIds: string[];
};

export async function loadMatchContext(db: Db, matchId: string): Promise<MatchContext | null> {
  const [m] = await db.select().from(matches).where(eq(matches.id, matchId));
  if (!m) return null;
  const [intro] = await db.select().from(matchIntroductions).where(eq(matchIntroductions.matchId, matchId));
  const listing = async (table: typeof needs | typeof seeds, id: string | null): Promise<ListingRef | null> => {
    if (!id) return null;
    const [row] = await db
      .select({
        id: table.id,
        title: table.title,
        organisationId: table.organisationId,
        personId: sql<string>`coalesce(${table.contactUserId}, ${table.createdBy})`,
      })
      .from(table)
      .where(eq(table.id, id));
    return row ?? null;
  };
  const need = await listing(needs, m.needId);
  const seed = await listing(seeds, m.seedId);
  const orgIds = [need?.organisationId, seed?.organisationId].filter((x): x is string => !!x);
  const clusterRows = orgIds.length
    ? await db
        .select({ id: organisationClusters.clusterId })
        .from(organisationClusters)
        .where(inArray(organisationClusters.organisationId, orgIds))
    : [];
  // The listings' clusters decide who brokers a match; its own cluster counts only when they are in none.
  const listingClusters = [...new Set(clusterRows.map((r) => r.id))];
  const clusterIds = listingClusters.length ? listingClusters : m.clusterId ? [m.clusterId] : [];
  return {
    id: m.id,
    kind: m.kind,
    status: m.status,
    version: m.version,
    score: m.score,
    reasons: m.reasons,
    createdAt: m.createdAt,
    need,
    seed,
    requester: m.requesterOrganisationId
      ? { organisationId: m.requesterOrganisationId, personId: intro?.requesterUserId ?? null }
      : null,
    sides: sidesOf(m),
    intro: intro ?? null,
    clusterIds,
  };
}

/**
 * The same, read once per request for the loaders of one page (React cache keys on db and id;
 * outside a render it reads every time). Writes use loadMatchContext inside their transaction.
 */
export const readMatchContext = cache(loadMatchContext);

export function responsesOf(ctx: MatchContext): Partial<Record<Side, ResponseState>> {
  const i = ctx.intro;
  const out: Partial<Record<Side, ResponseState>> = {};
  for (const side of ctx.sides) {
    const value = side === 'need' ? i?.needResponse : side === 'seed' ? i?.seedResponse : i?.requesterResponse;
    if (value) out[side] = value;
  }
  return out;
}

export function stateOf(ctx: MatchContext): MatchState {
  return { status: ctx.status, sides: ctx.sides, responses: responsesOf(ctx), deadline: ctx.intro?.deadline ?? null };
}

export function organisationOfSide(ctx: MatchContext, side: Side): string | null {
  return side === 'need'
    ? (ctx.need?.organisationId ?? null)
    : side === 'seed'
      ? (ctx.seed?.organisationId ?? null)
      : (ctx.requester?.organisationId ?? null);
}

export function personOfSide(ctx: MatchContext, side: Side): string | null {
  return side === 'need'
    ? (ctx.need?.personId ?? null)
    : side === 'seed'
      ? (ctx.seed?.personId ?? null)
      : (ctx.requester?.personId ?? null);
}

export function isCoordinatorOf(viewer: Viewer, ctx: MatchContext): boolean {
  return viewer.role === 'coordinator' && viewer.coordinatorClusterIds.some((id) => ctx.clusterIds.includes(id));
}

/** The viewer's sides in this match (their organisation's listings / request). */
export function sidesOfViewer(viewer: Viewer, ctx: MatchContext): Side[] {
  return ctx.sides.filter((s) => organisationOfSide(ctx, s) === viewer.organisationId);
}

/**
 * How the viewer acts on this match: coordinator of its cluster, or a party (their organisation
 * is behind one side), or null (sees nothing). Parties must be verified members.
 */
export function actorOf(viewer: Viewer, ctx: MatchContext): Actor | null {
  if (isCoordinatorOf(viewer, ctx)) return { kind: 'coordinator' };
  if (!viewer.verified) return null;
  const mine = sidesOfViewer(viewer, ctx);
  if (!mine.length) return null;
  const responses = responsesOf(ctx);
  const pending = mine.find((s) => (responses[s] ?? 'pending') === 'pending');
  return { kind: 'party', side: pending ?? mine[0] };
}

/** A party sees a match only once it reached them: engine/manual proposals stay with the coordinator until approved. */
export function visibleToParty(ctx: MatchContext, side: Side): boolean {
  if (side === 'requester') return true;
  return (
    ctx.status !== 'proposed' && ctx.status !== 'rejected' && !(ctx.status === 'withdrawn' && !ctx.intro?.deadline)
  );
}

export async function coordinatorsOf(db: Db, ctx: MatchContext): Promise<string[]> {
  if (!ctx.clusterIds.length) return [];
  const rows = await db
    .selectDistinct({ id: coordinatorClusters.userId })
    .from(coordinatorClusters)
    .innerJoin(users, eq(users.id, coordinatorClusters.userId))
    .where(inArray(coordinatorClusters.clusterId, ctx.clusterIds));
  return rows.map((r) => r.id);
}
