import 'server-only';
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Db } from '@/db';
import { organisationClusters, organisations } from '@/db/schema/accounts';
import { matchEvents, matchIntroductions } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import { writeAudit } from '@/lib/audit/write';
import { loadContact, type Contact } from '@/lib/accounts/contact';
import type { Viewer } from '@/lib/auth/policy';
import {
  actorOf,
  isCoordinatorOf,
  readMatchContext,
  type MatchContext,
  personOfSide,
  responsesOf,
  sidesOfViewer,
  stateOf,
  visibleToParty,
} from './context';
import { searchNeeds, searchSeeds } from '@/lib/listings/search';
import { searchParamsSchema } from '@/lib/listings/validation';
import { availableEvents, contactsRevealed } from './rules';
import { unreadMessageCount } from './after';
import { type FollowUpFilter, followUpSql } from './check-ins';
import type { Side } from '@/db/vocabulary/introductions';
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

/** Everything the match page shows to this viewer, or null when the viewer may not see the match at all. */
export async function getMatchForViewer(viewer: Viewer, matchId: string, ip: string | null = null) {
  const db = await getDb();
  const ctx = await readMatchContext(db, matchId);
  if (!ctx) return null;
  const actor = actorOf(viewer, ctx);
  if (!actor || actor.kind === 'system') return null;
  const coordinator = isCoordinatorOf(viewer, ctx);
  const mySides = sidesOfViewer(viewer, ctx);
  if (!coordinator && !mySides.some((s) => visibleToParty(ctx, s))) return null;

  const revealed = contactsRevealed(ctx.status);
  const contacts: Partial<Record<Side, Contact | null>> = {};
  if (revealed) {
    for (const side of ctx.sides) contacts[side] = await loadContact(db, personOfSide(ctx, side));
    await writeAudit(db, {
      actorId: viewer.userId,
      action: 'match.contacts_viewed',
      subjectType: 'match',
      subjectId: matchId,
      details: { sides: ctx.sides },
      ip,
    });
  }
  const responses = responsesOf(ctx);
  const intro = ctx.intro;
  const requesterOrg = ctx.requester ? await requesterOrganisation(db, ctx.requester.organisationId) : null;
  const ownRequest = mySides.includes('requester');
  // the asker's organisation: kind, region, size for everyone who sees the match; its name once introduced,
  // to coordinators and itself, or where it chose to show it (DESIGN §4)
  const requester = requesterOrg
    ? {
        kind: requesterOrg.kind,
        prefecture: requesterOrg.prefecture,
        employeeBand: requesterOrg.employeeBand,
        name:
          revealed || coordinator || ownRequest || intro?.showOrganisation
            ? { ja: requesterOrg.nameJa, en: requesterOrg.nameEn }
            : null,
      }
    : null;
  const via = await viaListing(db, intro, revealed || coordinator || ownRequest);
  const events = await db
    .select({
      id: matchEvents.id,
      type: matchEvents.type,
      actorRole: matchEvents.actorRole,
      fromStatus: matchEvents.fromStatus,
      toStatus: matchEvents.toStatus,
      note: matchEvents.note,
      details: matchEvents.details,
      createdAt: matchEvents.createdAt,
    })
    .from(matchEvents)
    .where(eq(matchEvents.matchId, matchId))
    .orderBy(asc(matchEvents.createdAt), asc(matchEvents.id));
  // Parties see the decline reason as advice; its free text and the interest answers only where they concern them.
  const declinedBy = events.find((e) => e.type === 'decline')?.actorRole as Side | undefined;
  return {
    id: ctx.id,
    kind: ctx.kind,
    status: ctx.status,
    version: ctx.version,
    score: coordinator ? ctx.score : null,
    reasons: coordinator ? ctx.reasons : [],
    sides: ctx.sides,
    mySides,
    coordinator,
    responses,
    deadline: intro?.deadline ?? null,
    coordinatorNote: ctx.status === 'proposed' && !coordinator ? null : (intro?.coordinatorNote ?? null),
    need: ctx.need ? { id: ctx.need.id, title: ctx.need.title } : null,
    seed: ctx.seed ? { id: ctx.seed.id, title: ctx.seed.title } : null,
    interest: intro?.interestOffer
      ? { offer: intro.interestOffer, want: intro.interestWant ?? '', timing: intro.interestTiming ?? '' }
      : null,
    requester,
    via,
    channel:
      ctx.kind === 'sales_channel' && intro
        ? {
            product: intro.channelProduct ?? '',
            territories: intro.channelTerritories,
            kinds: intro.channelKinds,
            volumes: intro.channelVolumes ?? '',
            terms: intro.channelTerms ?? '',
          }
        : null,
    decline: intro?.declineReason
      ? {
          reason: intro.declineReason,
          text: coordinator || (declinedBy && mySides.includes(declinedBy)) ? intro.declineText : null,
          bySide: declinedBy ?? null,
        }
      : null,
    contacts: revealed ? contacts : null,
    events: events.map((e) => ({
      ...e,
      note: coordinator || e.type !== 'decline' || mySides.includes(e.actorRole as Side) ? e.note : null,
    })),
    available: availableEvents(stateOf(ctx), actor, new Date()),
    unread: revealed ? await unreadMessageCount(db, viewer, matchId) : 0,
  };
}

async function requesterOrganisation(db: Db, organisationId: string) {
  const [row] = await db
    .select({
      kind: organisations.kind,
      prefecture: organisations.prefecture,
      employeeBand: organisations.employeeBand,
      nameJa: organisations.nameJa,
      nameEn: organisations.nameEn,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row ?? null;
}

/**
 * The asker's own listing an interest was sent for (from "Find partners"). Its title reaches the other side only
 * where members may read it anyway (open, not private) or once introduced; coordinators and the asker always.
 */
async function viaListing(db: Db, intro: MatchContext['intro'], privileged: boolean) {
  const kind = intro?.viaNeedId ? 'need' : intro?.viaSeedId ? 'seed' : null;
  if (!intro || !kind) return null;
  const table = kind === 'need' ? needs : seeds;
  const [row] = await db
    .select({ id: table.id, title: table.title, visibility: table.visibility, status: table.status })
    .from(table)
    .where(eq(table.id, (kind === 'need' ? intro.viaNeedId : intro.viaSeedId)!));
  if (!row) return null;
  if (!privileged && (row.visibility === 'private' || row.status !== 'open')) return null;
  return { kind, id: row.id, title: row.title, sourceMatchId: privileged ? intro.sourceMatchId : null } as const;
}

/** The matches the viewer's organisation takes part in and may see (requests, introductions). */
export async function listMyIntroductions(viewer: Viewer) {
  const db = await getDb();
  const mine = or(
    eq(matches.requesterOrganisationId, viewer.organisationId),
    and(
      inArray(matches.status, ['approved', 'introduced', 'declined', 'expired', 'closed']),
      or(
        sql`exists (select 1 from ${needs} where ${needs.id} = ${matches.needId} and ${needs.organisationId} = ${viewer.organisationId})`,
        sql`exists (select 1 from ${seeds} where ${seeds.id} = ${matches.seedId} and ${seeds.organisationId} = ${viewer.organisationId})`,
      ),
    ),
  );
  return db
    .select({
      id: matches.id,
      kind: matches.kind,
      status: matches.status,
      updatedAt: matches.updatedAt,
      needTitle: needs.title,
      seedTitle: seeds.title,
      deadline: matchIntroductions.deadline,
    })
    .from(matches)
    .leftJoin(needs, eq(needs.id, matches.needId))
    .leftJoin(seeds, eq(seeds.id, matches.seedId))
    .leftJoin(matchIntroductions, eq(matchIntroductions.matchId, matches.id))
    .where(mine)
    .orderBy(desc(matches.updatedAt))
    .limit(100);
}
