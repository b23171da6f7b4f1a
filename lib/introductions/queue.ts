import 'server-only';

// The coordinators' queue of matches: requests and introductions of their clusters, filtered and paged,
// and the listing search a coordinator pairs from.
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db';
import { organisationClusters, organisations } from '@/db/schema/accounts';
import { matchIntroductions } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import type { Viewer } from '@/lib/auth/policy';
import { searchNeeds, searchSeeds } from '@/lib/listings/search';
import { searchParamsSchema } from '@/lib/listings/validation';
import { type FollowUpFilter, followUpSql } from './check-ins';
import type { MatchStatus } from '@/db/vocabulary/matching';

/** The match belongs to one of the viewer's coordinated clusters (its need's / seed's organisation's; its own if none). */
export function coordinatedMatchSql(viewer: Viewer): SQL {
  const ids = viewer.role === 'coordinator' ? viewer.coordinatorClusterIds : [];
  if (!ids.length) return sql`false`;
  const orgIn = (col: SQL) =>
    sql`exists (select 1 from ${organisationClusters} where ${organisationClusters.organisationId} = ${col} and ${inArray(organisationClusters.clusterId, ids)})`;
  const needOrgOf = sql`(select ${needs.organisationId} from ${needs} where ${needs.id} = ${matches.needId})`;
  const seedOrgOf = sql`(select ${seeds.organisationId} from ${seeds} where ${seeds.id} = ${matches.seedId})`;
  const inNoCluster = (col: SQL) =>
    sql`not exists (select 1 from ${organisationClusters} where ${organisationClusters.organisationId} = ${col})`;
  // As loadMatchContext: the listings' clusters decide; the match's own cluster only when they are in none.
  return or(
    orgIn(needOrgOf),
    orgIn(seedOrgOf),
    and(inArray(matches.clusterId, ids), inNoCluster(needOrgOf), inNoCluster(seedOrgOf)),
  )!;
}

export type QueueFilters = {
  status?: MatchStatus;
  kind?: (typeof matches.$inferSelect)['kind'];
  q?: string;
  /** 1-based; past the last page gives no rows (the page shows the pagination to go back). */
  page?: number;
  /** Introductions to follow up: a check-in overdue, or stalled (lib/introductions/check-ins.ts). */
  followUp?: FollowUpFilter;
};

/** Rows per page of the coordinator's queue: ten compact rows fit a desktop screen. */
export const QUEUE_PAGE_SIZE = 10;

const needOrg = alias(organisations, 'need_org');
const seedOrg = alias(organisations, 'seed_org');
const reqOrg = alias(organisations, 'req_org');
const viaNeed = alias(needs, 'via_need');
const viaSeed = alias(seeds, 'via_seed');

/**
 * One page of the coordinator's queue: matches of their clusters in one status with the number of all rows matching
 * the filters. People's requests first (a member's interest, a coordinator's own proposal: no score, someone is
 * waiting), then the engine's best score first; oldest first within each. No people's contact fields.
 */
export async function listCoordinatorQueue(viewer: Viewer, filters: QueueFilters = {}) {
  const db = await getDb();
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  const where = [coordinatedMatchSql(viewer), eq(matches.status, filters.status ?? 'proposed')];
  if (filters.kind) where.push(eq(matches.kind, filters.kind));
  if (filters.followUp) where.push(followUpSql(filters.followUp, new Date()));
  if (filters.q?.trim()) {
    const like = `%${filters.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(needs.title, like), ilike(seeds.title, like))!);
  }
  const rows = await db
    .select({
      id: matches.id,
      kind: matches.kind,
      status: matches.status,
      score: matches.score,
      reasons: matches.reasons,
      version: matches.version,
      createdAt: matches.createdAt,
      need: {
        id: needs.id,
        title: needs.title,
        summary: needs.summary,
        domain: needs.domain,
        orgNameJa: needOrg.nameJa,
        orgNameEn: needOrg.nameEn,
      },
      seed: {
        id: seeds.id,
        title: seeds.title,
        summary: seeds.summary,
        domain: seeds.domain,
        orgNameJa: seedOrg.nameJa,
        orgNameEn: seedOrg.nameEn,
      },
      requester: {
        kind: reqOrg.kind,
        nameJa: reqOrg.nameJa,
        nameEn: reqOrg.nameEn,
        prefecture: reqOrg.prefecture,
        employeeBand: reqOrg.employeeBand,
      },
      viaNeed: { id: viaNeed.id, title: viaNeed.title },
      viaSeed: { id: viaSeed.id, title: viaSeed.title },
      channel: {
        product: matchIntroductions.channelProduct,
        territories: matchIntroductions.channelTerritories,
        kinds: matchIntroductions.channelKinds,
        volumes: matchIntroductions.channelVolumes,
        terms: matchIntroductions.channelTerms,
      },
      offer: matchIntroductions.interestOffer,
      want: matchIntroductions.interestWant,
      timing: matchIntroductions.interestTiming,
      note: matchIntroductions.coordinatorNote,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(matches)
    .leftJoin(needs, eq(needs.id, matches.needId))
    .leftJoin(needOrg, eq(needOrg.id, needs.organisationId))
    .leftJoin(seeds, eq(seeds.id, matches.seedId))
    .leftJoin(seedOrg, eq(seedOrg.id, seeds.organisationId))
    .leftJoin(reqOrg, eq(reqOrg.id, matches.requesterOrganisationId))
    .leftJoin(matchIntroductions, eq(matchIntroductions.matchId, matches.id))
    .leftJoin(viaNeed, eq(viaNeed.id, matchIntroductions.viaNeedId))
    .leftJoin(viaSeed, eq(viaSeed.id, matchIntroductions.viaSeedId))
    .where(and(...where))
    .orderBy(sql`${matches.score} desc nulls first`, asc(matches.createdAt), asc(matches.id))
    .limit(QUEUE_PAGE_SIZE)
    .offset((page - 1) * QUEUE_PAGE_SIZE);
  const total = rows[0]?.total ?? 0;
  return {
    items: rows.map(({ total: _, ...row }) => row),
    total,
    page,
    totalPages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
  };
}

/**
 * Live needs or seeds the coordinator may pair, found by the same bilingual search as browsing
 * (溶接 finds "weld"), best first.
 */
export async function searchListingsForPairing(viewer: Viewer, kind: 'need' | 'seed', q: string) {
  if (viewer.role !== 'coordinator' || !viewer.coordinatorClusterIds.length || !q.trim()) return [];
  const params = searchParamsSchema.parse({ q });
  const found = kind === 'need' ? await searchNeeds(viewer, params) : await searchSeeds(viewer, params);
  return found.items.map((l) => ({ id: l.id, title: l.title }));
}
