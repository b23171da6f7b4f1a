import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { fundingProposals, fundingShares } from '@/db/schema/funding';
import { matchIntroductions } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import { coordinatorNews, fundingNews, homeSeenAt, markHomeSeen, memberNews, portalFigures } from '@/lib/home/news';
import { buildSearchText } from '@/lib/listings/search-text';
import { makeCluster, makeUser, unique } from '../support/factories';

// Issue 16: each role's home says what is new for them since their last visit, and the landing page
// shows the portal's live figures.

type Owner = { user: { id: string; organisationId: string } };
const DAY = 86_400_000;

async function listing(kind: 'need' | 'seed', owner: Owner, extra: Partial<typeof needs.$inferInsert> = {}) {
  const db = await getDb();
  const table = kind === 'need' ? needs : seeds;
  const title = `${kind} ${unique()}`;
  const [row] = await db
    .insert(table)
    .values({
      organisationId: owner.user.organisationId,
      createdBy: owner.user.id,
      contactUserId: owner.user.id,
      language: 'en',
      title,
      summary: 'summary',
      searchText: buildSearchText({ title, summary: 'summary' }),
      domain: 'manufacturing',
      status: 'open',
      publishedAt: new Date(),
      ...extra,
    })
    .returning({ id: table.id });
  return row.id;
}

async function world() {
  const cluster = await makeCluster();
  const coordinator = await makeUser('coordinator', { coordinates: [cluster.id] });
  const sme = await makeUser('sme', { clusterIds: [cluster.id] });
  const researcher = await makeUser('researcher', { clusterIds: [cluster.id] });
  return { cluster, coordinator, sme, researcher };
}

describe('what is new on each home', () => {
  it('an SME sees new partners, introductions waiting for its answer and listings about to expire; seen, the new ones reset', async () => {
    const db = await getDb();
    const w = await world();
    const needId = await listing('need', w.sme);
    await listing('need', w.sme, { expiresAt: new Date(Date.now() + 10 * DAY) });
    const [a, b] = [await listing('seed', w.researcher), await listing('seed', w.researcher)];
    await db.insert(matches).values({ kind: 'engine', needId, seedId: a, clusterId: w.cluster.id, score: 0.5 });
    const [approved] = await db
      .insert(matches)
      .values({ kind: 'engine', needId, seedId: b, clusterId: w.cluster.id, score: 0.4, status: 'approved' })
      .returning({ id: matches.id });
    await db.insert(matchIntroductions).values({
      matchId: approved.id,
      needResponse: 'pending',
      seedResponse: 'accepted',
      deadline: new Date(Date.now() - DAY),
    });

    expect(await homeSeenAt(w.sme.viewer)).toBeNull();
    const first = await memberNews(w.sme.viewer, null);
    expect(first).toMatchObject({
      since: null,
      newPartners: 2,
      introductionsWaiting: 1,
      interestWaiting: 0,
      introductionsMoved: 1,
      expiringListings: 1,
    });
    // the researcher answered already: nothing waits on them
    expect((await memberNews(w.researcher.viewer, null)).introductionsWaiting).toBe(0);
    // a stranger sees none of it
    const stranger = await makeUser('sme');
    expect(await memberNews(stranger.viewer, null)).toMatchObject({ newPartners: 0, introductionsWaiting: 0 });

    await markHomeSeen(w.sme.viewer);
    const seenAt = await homeSeenAt(w.sme.viewer);
    expect(seenAt).toBeInstanceOf(Date);
    const later = await memberNews(w.sme.viewer, seenAt);
    // what arrived before the visit is no longer new; what waits for an answer still waits
    expect(later).toMatchObject({
      newPartners: 0,
      introductionsMoved: 0,
      introductionsWaiting: 1,
      expiringListings: 1,
    });
    const c = await listing('seed', w.researcher);
    await db.insert(matches).values({ kind: 'engine', needId, seedId: c, clusterId: w.cluster.id, score: 0.3 });
    expect((await memberNews(w.sme.viewer, seenAt)).newPartners).toBe(1);
  });

  it('a coordinator sees the queue, what is new in it, listings to review and overdue answers — of their clusters only', async () => {
    const db = await getDb();
    const w = await world();
    const needId = await listing('need', w.sme);
    await listing('seed', w.researcher, { status: 'pending_review' });
    const seedIds = [await listing('seed', w.researcher), await listing('seed', w.researcher)];
    for (const seedId of seedIds)
      await db.insert(matches).values({ kind: 'engine', needId, seedId, clusterId: w.cluster.id, score: 0.5 });
    const [overdue] = await db
      .insert(matches)
      .values({ kind: 'manual', needId, seedId: await listing('seed', w.researcher), status: 'approved' })
      .returning({ id: matches.id });
    await db.insert(matchIntroductions).values({ matchId: overdue.id, deadline: new Date(Date.now() - DAY) });

    expect(await coordinatorNews(w.coordinator.viewer, null)).toMatchObject({
      queue: 2,
      newInQueue: 2,
      reviews: 1,
      overdue: 1,
    });
    const later = await coordinatorNews(w.coordinator.viewer, new Date(Date.now() + 1000));
    expect(later).toMatchObject({ queue: 2, newInQueue: 0, reviews: 1 });
    await db.update(matches).set({ status: 'rejected' }).where(eq(matches.seedId, seedIds[0]));
    expect((await coordinatorNews(w.coordinator.viewer, null)).queue).toBe(1);

    const other = await makeUser('coordinator', { coordinates: [(await makeCluster()).id] });
    expect(await coordinatorNews(other.viewer, null)).toMatchObject({ queue: 0, reviews: 0, overdue: 0 });
  });

  it("a lender sees proposals shared with it and those awaiting review; the SME sees lenders' decisions; withdrawn shares and other lenders' do not count", async () => {
    const db = await getDb();
    const w = await world();
    const lender = await makeUser('lender');
    const otherLender = await makeUser('lender');
    const proposal = async (title: string) => {
      const [row] = await db
        .insert(fundingProposals)
        .values({ organisationId: w.sme.user.organisationId, createdBy: w.sme.user.id, title, status: 'submitted' })
        .returning({ id: fundingProposals.id });
      return row.id;
    };
    const [a, b, c] = [await proposal('A'), await proposal('B'), await proposal('C')];
    await db.insert(fundingShares).values([
      { proposalId: a, lenderOrganisationId: lender.user.organisationId },
      { proposalId: b, lenderOrganisationId: lender.user.organisationId, status: 'under_review' },
      { proposalId: c, lenderOrganisationId: lender.user.organisationId, status: 'withdrawn' },
      { proposalId: c, lenderOrganisationId: otherLender.user.organisationId, status: 'resubmitted' },
    ]);
    expect(await fundingNews(lender.viewer, null)).toEqual({ kind: 'lender', shared: 2, toReview: 1 });
    expect(await fundingNews(lender.viewer, new Date(Date.now() + 1000))).toEqual({
      kind: 'lender',
      shared: 0,
      toReview: 1,
    });
    expect(await fundingNews(otherLender.viewer, null)).toEqual({ kind: 'lender', shared: 1, toReview: 1 });

    expect(await fundingNews(w.sme.viewer, null)).toEqual({ kind: 'proposer', decisions: 0 });
    await db
      .update(fundingShares)
      .set({ status: 'approved', decidedAt: new Date(), approvedAmountJpy: 5_000_000 })
      .where(eq(fundingShares.proposalId, b));
    expect(await fundingNews(w.sme.viewer, null)).toEqual({ kind: 'proposer', decisions: 1 });
    expect(await fundingNews(w.researcher.viewer, null)).toEqual({ kind: 'proposer', decisions: 0 });
  });

  it('the landing page counts clusters, organisations, live listings and introductions made, read at most once a minute', async () => {
    const now = Date.now() + 10 * 60_000; // past any figures an earlier test cached
    const before = await portalFigures(now);
    const w = await world();
    await listing('need', w.sme);
    expect(await portalFigures(now + 1000)).toEqual(before); // cached
    const after = await portalFigures(now + 61_000);
    // (other test files may add to the same database meanwhile)
    expect(after.clusters).toBeGreaterThanOrEqual(before.clusters + 1);
    expect(after.organisations).toBeGreaterThanOrEqual(before.organisations + 3);
    expect(after.listings).toBeGreaterThanOrEqual(before.listings + 1);
  });
});
