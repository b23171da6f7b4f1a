import 'server-only';
import { and, count, eq, gt, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { clusters, organisations, users } from '@/db/schema/accounts';
import { fundingProposals, fundingShares } from '@/db/schema/funding';
import { matchIntroductions } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import type { Viewer } from '@/lib/auth/policy';
import { overdueCheckInSql, stalledSql } from '@/lib/introductions/check-ins';
import { coordinatedMatchSql } from '@/lib/introductions/queue';
import { coordinatedSql, liveSql, type ListingTable } from '@/lib/listings/access';

// What is new for each role since their last visit to /home, and the portal's live figures for the
// landing page. Counts only: each links to the page that lists the rows, scoped as that page is.

/** Listings that expire within this many days are called out on their owner's home. */
export const EXPIRING_WITHIN_DAYS = 30;
/** A first visit (nothing seen yet) counts what arrived in the last two weeks. */
const FIRST_VISIT_DAYS = 14;

const since = (seenAt: Date | null, now: Date) => seenAt ?? new Date(now.getTime() - FIRST_VISIT_DAYS * 86_400_000);

/** When the viewer last opened their home (null: never). */
export async function homeSeenAt(viewer: Viewer): Promise<Date | null> {
  const db = await getDb();
  const [row] = await db.select({ at: users.homeSeenAt }).from(users).where(eq(users.id, viewer.userId));
  return row?.at ?? null;
}

/** The viewer has seen their home now: the next visit counts what is new from here. */
export async function markHomeSeen(viewer: Viewer, now: Date = new Date()): Promise<void> {
  const db = await getDb();
  await db.update(users).set({ homeSeenAt: now }).where(eq(users.id, viewer.userId));
}

const ofOrg = (table: ListingTable, column: typeof matches.needId | typeof matches.seedId, orgId: string) =>
  sql`exists (select 1 from ${table} where ${table.id} = ${column} and ${table.organisationId} = ${orgId})`;

/**
 * A member's news (SME, researcher, trading firm, lender): partners the engine found for their listings since
 * the last visit, expressions of interest and introductions waiting for their answer, introductions that moved
 * since, and their listings about to expire.
 */
export async function memberNews(viewer: Viewer, seenAt: Date | null, now: Date = new Date()) {
  const db = await getDb();
  const from = since(seenAt, now);
  const org = viewer.organisationId;
  const myNeed = ofOrg(needs, matches.needId, org);
  const mySeed = ofOrg(seeds, matches.seedId, org);
  const waitingOnMe = and(
    eq(matches.status, 'approved'),
    or(
      and(myNeed, eq(matchIntroductions.needResponse, 'pending')),
      and(mySeed, eq(matchIntroductions.seedResponse, 'pending')),
      and(eq(matches.requesterOrganisationId, org), eq(matchIntroductions.requesterResponse, 'pending')),
    ),
  );
  const mine = or(
    eq(matches.requesterOrganisationId, org),
    and(inArray(matches.status, ['approved', 'introduced', 'declined', 'expired', 'closed']), or(myNeed, mySeed)),
  );
  const expiring = (table: ListingTable) =>
    db
      .select({ n: count() })
      .from(table)
      .where(
        and(
          eq(table.organisationId, org),
          liveSql(table),
          lt(table.expiresAt, new Date(now.getTime() + EXPIRING_WITHIN_DAYS * 86_400_000)),
        ),
      );
  const interestKinds = ['interest', 'sales_channel'] as const;
  const [[found], [waiting], [moved], [expNeeds], [expSeeds]] = await Promise.all([
    db
      .select({ n: count() })
      .from(matches)
      .where(and(eq(matches.kind, 'engine'), or(myNeed, mySeed), gt(matches.createdAt, from))),
    db
      .select({
        interest: sql<number>`count(*) filter (where ${inArray(matches.kind, [...interestKinds])})`.mapWith(Number),
        introductions: sql<number>`count(*) filter (where not ${inArray(matches.kind, [...interestKinds])})`.mapWith(
          Number,
        ),
      })
      .from(matches)
      .innerJoin(matchIntroductions, eq(matchIntroductions.matchId, matches.id))
      .where(waitingOnMe),
    db
      .select({ n: count() })
      .from(matches)
      .where(and(mine, gt(matches.updatedAt, from))),
    expiring(needs),
    expiring(seeds),
  ]);
  return {
    since: seenAt,
    newPartners: found.n,
    interestWaiting: waiting?.interest ?? 0,
    introductionsWaiting: waiting?.introductions ?? 0,
    introductionsMoved: moved.n,
    expiringListings: expNeeds.n + expSeeds.n,
  };
}

/**
 * Funding news: for a lender, proposals shared with its institution since the last visit and those waiting for
 * a review to start (submitted or resubmitted); for the proposing organisation, lenders' decisions since.
 */
export async function fundingNews(viewer: Viewer, seenAt: Date | null, now: Date = new Date()) {
  const db = await getDb();
  const from = since(seenAt, now);
  if (viewer.role === 'lender') {
    const [row] = await db
      .select({
        shared: sql<number>`count(*) filter (where ${gt(fundingShares.sharedAt, from)})`.mapWith(Number),
        toReview:
          sql<number>`count(*) filter (where ${inArray(fundingShares.status, ['submitted', 'resubmitted'])})`.mapWith(
            Number,
          ),
      })
      .from(fundingShares)
      .where(
        and(eq(fundingShares.lenderOrganisationId, viewer.organisationId), sql`${fundingShares.status} <> 'withdrawn'`),
      );
    return { kind: 'lender' as const, shared: row?.shared ?? 0, toReview: row?.toReview ?? 0 };
  }
  const [row] = await db
    .select({ n: count() })
    .from(fundingShares)
    .innerJoin(fundingProposals, eq(fundingProposals.id, fundingShares.proposalId))
    .where(
      and(
        eq(fundingProposals.organisationId, viewer.organisationId),
        isNotNull(fundingShares.decidedAt),
        gt(fundingShares.decidedAt, from),
      ),
    );
  return { kind: 'proposer' as const, decisions: row?.n ?? 0 };
}

/**
 * A coordinator's news for the clusters they look after: proposals waiting in the queue (and how many arrived
 * since the last visit), listings waiting for review, introductions whose answers are overdue, and introductions
 * to follow up: a check-in overdue (lib/introductions/check-ins.ts) or a party saying it stalled.
 */
export async function coordinatorNews(viewer: Viewer, seenAt: Date | null, now: Date = new Date()) {
  const db = await getDb();
  const from = since(seenAt, now);
  const inMine = coordinatedMatchSql(viewer);
  const reviews = (table: ListingTable) =>
    db
      .select({ n: count() })
      .from(table)
      .where(and(eq(table.status, 'pending_review'), coordinatedSql(table, viewer)));
  const [[queue], [reviewNeeds], [reviewSeeds], [overdue], [followUp]] = await Promise.all([
    db
      .select({
        all: count(),
        fresh: sql<number>`count(*) filter (where ${gt(matches.createdAt, from)})`.mapWith(Number),
      })
      .from(matches)
      .where(and(inMine, eq(matches.status, 'proposed'))),
    reviews(needs),
    reviews(seeds),
    db
      .select({ n: count() })
      .from(matches)
      .innerJoin(matchIntroductions, eq(matchIntroductions.matchId, matches.id))
      .where(and(inMine, eq(matches.status, 'approved'), lt(matchIntroductions.deadline, now))),
    db
      .select({
        checkInsOverdue: sql<number>`count(*) filter (where ${overdueCheckInSql(now)})`.mapWith(Number),
        stalled: sql<number>`count(*) filter (where ${stalledSql()})`.mapWith(Number),
      })
      .from(matches)
      .innerJoin(matchIntroductions, eq(matchIntroductions.matchId, matches.id))
      .where(and(inMine, eq(matches.status, 'introduced'))),
  ]);
  return {
    since: seenAt,
    queue: queue.all,
    newInQueue: queue.fresh,
    reviews: reviewNeeds.n + reviewSeeds.n,
    overdue: overdue.n,
    checkInsOverdue: followUp?.checkInsOverdue ?? 0,
    stalled: followUp?.stalled ?? 0,
  };
}

type Figures = { clusters: number; organisations: number; listings: number; introductions: number };
/** The landing page's figures are read at most once a minute (each visitor would otherwise count the tables). */
const FIGURES_TTL_MS = 60_000;
let cached: { at: number; figures: Figures } | null = null;

/** The portal's live figures for visitors: clusters, member organisations, live listings, introductions made. */
export async function portalFigures(now: number = Date.now()): Promise<Figures> {
  if (cached && now - cached.at < FIGURES_TTL_MS) return cached.figures;
  const db = await getDb();
  const live = (table: ListingTable): Promise<{ n: number }[]> =>
    db.select({ n: count() }).from(table).where(liveSql(table));
  const [[c], [o], [n], [s], [i]] = await Promise.all([
    db.select({ n: count() }).from(clusters),
    db.select({ n: count() }).from(organisations).where(eq(organisations.verified, true)),
    live(needs),
    live(seeds),
    db.select({ n: count() }).from(matchIntroductions).where(isNotNull(matchIntroductions.introducedAt)),
  ]);
  const figures = { clusters: c.n, organisations: o.n, listings: n.n + s.n, introductions: i.n };
  cached = { at: now, figures };
  return figures;
}
