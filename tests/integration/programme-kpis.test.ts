import { inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { organisations } from '@/db/schema/accounts';
import { checkInResponses, matchEvents, matchIntroductions, meetingProposals, ndas } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import { fundingProposals, fundingShares } from '@/db/schema/funding';
import { matchOutcomes } from '@/db/schema/programme';
import { type KpiScope, kpisAndTrend, monthlyTrend, programmeKpis } from '@/lib/programme/kpis';
import { makeListing } from '../support/introduced';
import type { OutcomeKind } from '@/db/vocabulary/programme';
import { makeCluster, makeUser, unique } from '../support/factories';

// A small programme whose every figure is counted by hand below. Period: April–June 2026 in Japan's calendar.
//
// Cluster A: SMEs a1, a2, ab (ab is also in B), an unverified SME (never counted), university ua.
// Cluster B: ab, university ub, trading firm tb, and university ub2 that joined after June (not counted).
// Outside any cluster: SME none and university none2 (their match m7 carries B as its own cluster).

type World = Awaited<ReturnType<typeof buildWorld>>;
let w: World;

const at = (iso: string) => new Date(iso);

async function buildWorld() {
  const db = await getDb();
  const A = await makeCluster();
  const B = await makeCluster();
  const admin = await makeUser('admin');
  const a1 = await makeUser('sme', { clusterIds: [A.id] });
  const a2 = await makeUser('sme', { clusterIds: [A.id] });
  const ab = await makeUser('sme', { clusterIds: [A.id, B.id] });
  const unverified = await makeUser('sme', { clusterIds: [A.id], verified: false });
  const ua = await makeUser('researcher', { clusterIds: [A.id] });
  const ub = await makeUser('researcher', { clusterIds: [B.id] });
  const tb = await makeUser('trading', { clusterIds: [B.id] });
  const ub2 = await makeUser('researcher', { clusterIds: [B.id] });
  const none = await makeUser('sme');
  const none2 = await makeUser('researcher');
  const everyone = [a1, a2, ab, unverified, ua, ub, tb, ub2, none, none2];
  await db
    .update(organisations)
    .set({ createdAt: at('2026-01-10T00:00:00Z') })
    .where(
      inArray(
        organisations.id,
        everyone.map((u) => u.user.organisationId),
      ),
    );
  await db
    .update(organisations)
    .set({ createdAt: at('2026-08-01T00:00:00Z') })
    .where(inArray(organisations.id, [ub2.user.organisationId]));

  type Owner = typeof a1;
  const listing = async (
    kind: 'need' | 'seed',
    owner: Owner,
    publishedAt: Date | null,
    domain: 'manufacturing' | 'it' = 'manufacturing',
  ) => {
    const table = kind === 'need' ? needs : seeds;
    const [row] = await db
      .insert(table)
      .values({
        organisationId: owner.user.organisationId,
        createdBy: owner.user.id,
        language: 'en',
        title: `${kind} ${unique()}`,
        summary: 's',
        domain,
        status: publishedAt ? 'open' : 'draft',
        publishedAt,
      })
      .returning({ id: table.id });
    return row.id;
  };
  const n1 = await listing('need', a1, at('2026-04-10T00:00:00Z'));
  const n2 = await listing('need', ab, at('2026-05-01T00:00:00Z'), 'it');
  const n3 = await listing('need', a2, at('2026-03-31T16:00:00Z')); // 1 April, 01:00 in Japan: in the period
  await listing('need', a2, at('2026-06-30T15:00:00Z')); // 1 July, 00:00 in Japan: after it
  await listing('need', a1, null); // a draft is not posted
  const nNone = await listing('need', none, at('2026-04-05T00:00:00Z'));
  const s1 = await listing('seed', ua, at('2026-04-15T00:00:00Z'));
  const s2 = await listing('seed', ub, at('2026-05-20T00:00:00Z'), 'it');
  const s3 = await listing('seed', ua, at('2026-02-01T00:00:00Z'));
  const sNone = await listing('seed', none2, at('2026-04-05T00:00:00Z'));

  const match = async (values: Partial<typeof matches.$inferInsert> & { createdAt: Date }) => {
    const [row] = await db
      .insert(matches)
      .values({ kind: 'engine', ...values })
      .returning({ id: matches.id });
    return row.id;
  };
  const approve = (matchId: string, createdAt: Date) =>
    db.insert(matchEvents).values({
      matchId,
      type: 'approve',
      actorRole: 'coordinator',
      fromStatus: 'proposed',
      toStatus: 'approved',
      createdAt,
    });
  const introduce = (matchId: string, introducedAt: Date) =>
    db.insert(matchIntroductions).values({ matchId, introducedAt, needResponse: 'accepted', seedResponse: 'accepted' });
  const outcome = (kind: OutcomeKind, occurredOn: string, where: { matchId?: string; organisationId?: string }) =>
    db.insert(matchOutcomes).values({ kind, occurredOn, recordedBy: admin.user.id, ...where });

  // m1 (A): proposed 20 Apr, approved 22 Apr, introduced 2 May (12 days), meeting 10 May, NDA 12 May,
  // partnership 1 Jun and joint R&D 5 Jun.
  const m1 = await match({ needId: n1, seedId: s1, clusterId: A.id, createdAt: at('2026-04-20T03:00:00Z') });
  await approve(m1, at('2026-04-22T03:00:00Z'));
  await introduce(m1, at('2026-05-02T03:00:00Z'));
  await db.insert(meetingProposals).values({
    matchId: m1,
    proposedBy: a1.user.id,
    proposerSide: 'need',
    slots: [at('2026-05-10T01:00:00Z')],
    chosenSlot: at('2026-05-10T01:00:00Z'),
    status: 'confirmed',
  });
  await db
    .insert(ndas)
    .values({ matchId: m1, type: 'mutual', status: 'signed', signedOn: '2026-05-12', recordedBy: a1.user.id });
  await outcome('partnership_formed', '2026-06-01', { matchId: m1 });
  await outcome('joint_rd_started', '2026-06-05', { matchId: m1 });

  // m2 (A and B: ab is in both, ub in B): proposed 1 May, approved 2 May, introduced 5 May (4 days),
  // meeting held 20 May, new business 10 Jun, a venture 20 Jun; a draft NDA (not signed, not counted).
  const m2 = await match({ needId: n2, seedId: s2, clusterId: A.id, createdAt: at('2026-05-01T03:00:00Z') });
  await approve(m2, at('2026-05-02T03:00:00Z'));
  await introduce(m2, at('2026-05-05T03:00:00Z'));
  await db.insert(ndas).values({ matchId: m2, type: 'one_way', status: 'draft', recordedBy: ab.user.id });
  await outcome('meeting_held', '2026-05-20', { matchId: m2 });
  await outcome('new_business_launched', '2026-06-10', { matchId: m2 });
  await db.insert(matchOutcomes).values({
    kind: 'venture_founded',
    occurredOn: '2026-06-20',
    ventureName: 'Venture KK',
    sourceSeedId: s2,
    matchId: m2,
    recordedBy: admin.user.id,
  });

  // m3 (A): proposed 25 Mar (before the period), approved 2 Apr, introduced 28 Apr (34 days); licence in July.
  const m3 = await match({ needId: n3, seedId: s3, clusterId: A.id, createdAt: at('2026-03-25T03:00:00Z') });
  await approve(m3, at('2026-04-02T03:00:00Z'));
  await introduce(m3, at('2026-04-28T03:00:00Z'));
  await outcome('licence_signed', '2026-07-05', { matchId: m3 });
  // m3's 30-day check-in (28 May): the need's side answers "agreement reached" on 30 May (JST), the seed's
  // "stalled" on 29 May: a meeting and an agreement of m3 in May, and a stalled introduction.
  const answer = (side: 'need' | 'seed', value: 'agreement' | 'stalled', answeredAt: Date, by: typeof a1) =>
    db
      .insert(checkInResponses)
      .values({ matchId: m3, days: 30, side, answer: value, answeredAt, answeredBy: by.user.id });
  await answer('need', 'agreement', at('2026-05-29T16:00:00Z'), a2);
  await answer('seed', 'stalled', at('2026-05-29T03:00:00Z'), ua);

  // m4 (A through a1, B through ub): proposed 15 Jun. m5: a trading firm of B asks for a seed of A: its
  // listing decides, so it is A's although it names B. m7: listings in no cluster, so its own cluster B.
  await match({ needId: n1, seedId: s2, clusterId: A.id, createdAt: at('2026-06-15T03:00:00Z') });
  await match({
    kind: 'sales_channel',
    seedId: s1,
    requesterOrganisationId: tb.user.organisationId,
    clusterId: B.id,
    createdAt: at('2026-06-20T03:00:00Z'),
  });
  await match({ needId: nNone, seedId: sNone, clusterId: B.id, createdAt: at('2026-04-05T03:00:00Z') });

  // Outcomes credited to an organisation without a match: a2's loan (15 May) and managerial revamp (1 Jun);
  // a venture out of ua in November 2025 (before the period: only in the cumulative count).
  await outcome('funding_obtained', '2026-05-15', { organisationId: a2.user.organisationId });
  await outcome('managerial_revamp', '2026-06-01', { organisationId: a2.user.organisationId });
  await outcome('venture_founded', '2025-11-01', { organisationId: ua.user.organisationId });

  // Funding (lib/funding): lenders' approvals decided in the period, in yen.
  // p1: a2 alone (A), approved by L1 on 20 May ¥30,000,000 and by L2 on 1 July 01:00 JST ¥10,000,000 (after).
  // p2: ab alone (A and B), approved by L1 on 10 April ¥5,000,000, declined by L2 (not counted).
  // p3: ab on the introduction m2 (A and B, IT), approved by L1 on 2 June ¥12,000,000.
  // p4: a1's, still under review at L1 (not counted).
  const l1 = await makeUser('lender');
  const l2 = await makeUser('lender');
  const proposal = async (owner: Owner, match?: { id: string; partner: Owner }) => {
    const [row] = await db
      .insert(fundingProposals)
      .values({
        organisationId: owner.user.organisationId,
        createdBy: owner.user.id,
        title: `proposal ${unique()}`,
        status: 'submitted',
        matchId: match?.id ?? null,
        partnerOrganisationId: match?.partner.user.organisationId ?? null,
      })
      .returning({ id: fundingProposals.id });
    return row.id;
  };
  const share = (
    proposalId: string,
    lender: Owner,
    status: 'approved' | 'declined' | 'under_review',
    decidedAt: Date | null,
    approvedAmountJpy: number | null = null,
  ) =>
    db
      .insert(fundingShares)
      .values({ proposalId, lenderOrganisationId: lender.user.organisationId, status, decidedAt, approvedAmountJpy });
  const p1 = await proposal(a2);
  await share(p1, l1, 'approved', at('2026-05-20T02:00:00Z'), 30_000_000);
  await share(p1, l2, 'approved', at('2026-06-30T16:00:00Z'), 10_000_000);
  const p2 = await proposal(ab);
  await share(p2, l1, 'approved', at('2026-04-10T02:00:00Z'), 5_000_000);
  await share(p2, l2, 'declined', at('2026-04-12T02:00:00Z'));
  await share(await proposal(ab, { id: m2, partner: ub }), l1, 'approved', at('2026-06-02T02:00:00Z'), 12_000_000);
  await share(await proposal(a1), l1, 'under_review', null);

  return { A, B, db };
}

beforeAll(async () => {
  await getDb();
  w = await buildWorld();
}, 180_000);

const period = () => ({ from: '2026-04-01', to: '2026-06-30' });
const scope = (over: Partial<KpiScope> = {}): KpiScope => ({ clusterIds: [w.A.id, w.B.id], ...period(), ...over });

describe('programme KPIs from live data', () => {
  it('counts participating organisations by kind: verified members that joined by the end of the period', async () => {
    const k = await programmeKpis(w.db, scope());
    // A: a1, a2, ab, ua (the unverified SME is left out); B: ab, ub, tb (ub2 joined in August)
    expect(k.byCluster[w.A.id].organisations).toMatchObject({ sme: 3, university: 1, trading_firm: 0 });
    expect(k.byCluster[w.A.id].organisationsTotal).toBe(4);
    expect(k.byCluster[w.B.id].organisations).toMatchObject({ sme: 1, university: 1, trading_firm: 1 });
    expect(k.byCluster[w.B.id].organisationsTotal).toBe(3);
    // ab once: 6 organisations, not 4 + 3
    expect(k.overall.organisations).toMatchObject({ sme: 3, university: 2, trading_firm: 1 });
    expect(k.overall.organisationsTotal).toBe(6);
  });

  it('counts needs and seeds published in the period by the day in Japan', async () => {
    const k = await programmeKpis(w.db, scope());
    // needs: n1, n2, n3 (1 April 01:00 JST) in A; n2 in B; the 1 July one, the draft and the clusterless one not
    expect([k.byCluster[w.A.id].needsPosted, k.byCluster[w.B.id].needsPosted, k.overall.needsPosted]).toEqual([
      3, 1, 3,
    ]);
    // seeds: s1 in A, s2 in B; s3 was published in February
    expect([k.byCluster[w.A.id].seedsPosted, k.byCluster[w.B.id].seedsPosted, k.overall.seedsPosted]).toEqual([
      1, 1, 2,
    ]);
  });

  it('follows matches through the funnel, attributed to their listings’ clusters', async () => {
    const k = await programmeKpis(w.db, scope());
    // proposed in the period: A m1 m2 m4 m5; B m2 m4 m7; overall m1 m2 m4 m5 m7 (m3 was proposed in March)
    // meetings: m1 (confirmed), m2 (outcome), m3 (its check-in answer "agreement reached"); agreements: m1 and
    // m2 (results), m3 (the answer); launches: m2 (a new business and a venture: one match)
    expect(k.byCluster[w.A.id].funnel).toEqual({
      proposed: 4,
      approved: 3,
      introduced: 3,
      meeting: 3,
      agreement: 3,
      launch: 1,
    });
    expect(k.byCluster[w.B.id].funnel).toEqual({
      proposed: 3,
      approved: 1,
      introduced: 1,
      meeting: 1,
      agreement: 1,
      launch: 1,
    });
    expect(k.overall.funnel).toEqual({ proposed: 5, approved: 3, introduced: 3, meeting: 3, agreement: 3, launch: 1 });
    // m3, stalled by its seed's side (A only)
    expect([k.byCluster[w.A.id].stalled, k.byCluster[w.B.id].stalled, k.overall.stalled]).toEqual([1, 0, 1]);
    // introduced after 12, 4 and 34 days: median 12 in A and overall; only m2 (4 days) in B
    expect(k.byCluster[w.A.id].medianDaysToIntroduction).toBe(12);
    expect(k.byCluster[w.B.id].medianDaysToIntroduction).toBe(4);
    expect(k.overall.medianDaysToIntroduction).toBe(12);
    // one signed NDA (m1); m2's is a draft
    expect([k.byCluster[w.A.id].ndas, k.byCluster[w.B.id].ndas, k.overall.ndas]).toEqual([1, 0, 1]);
  });

  it('counts each outcome kind in the period, cumulative ventures, and the headline shares of firms', async () => {
    const k = await programmeKpis(w.db, scope());
    const a = k.byCluster[w.A.id];
    const b = k.byCluster[w.B.id];
    expect(a.outcomes).toEqual({
      meeting_held: 1,
      nda_signed: 0,
      joint_rd_started: 1,
      licence_signed: 0, // July
      partnership_formed: 1,
      new_business_launched: 1,
      first_sale: 0,
      funding_obtained: 1,
      managerial_revamp: 1,
      venture_founded: 1,
      no_deal: 0,
    });
    expect(b.outcomes).toMatchObject({ meeting_held: 1, new_business_launched: 1, venture_founded: 1 });
    expect(b.outcomes.partnership_formed + b.outcomes.funding_obtained + b.outcomes.managerial_revamp).toBe(0);
    expect(k.overall.outcomes).toEqual(a.outcomes);
    // ventures so far: A the 2025 one and m2's; B m2's; overall both
    expect([a.venturesCumulative, b.venturesCumulative, k.overall.venturesCumulative]).toEqual([2, 1, 2]);
    // firms: A a1 a2 ab, B ab. a1 formed a partnership (m1), ab launched a business (m2), a2 revamped
    expect([a.firms, b.firms, k.overall.firms]).toEqual([3, 1, 3]);
    expect(a.firmsWith).toEqual({ partnership_formed: 1, new_business_launched: 1, managerial_revamp: 1 });
    expect(b.firmsWith).toEqual({ partnership_formed: 0, new_business_launched: 1, managerial_revamp: 0 });
    expect(k.overall.firmsWith).toEqual({ partnership_formed: 1, new_business_launched: 1, managerial_revamp: 1 });
  });

  it('counts the funding lenders approved in the period and its yen, each approval once overall', async () => {
    const k = await programmeKpis(w.db, scope());
    const figures = (f: (typeof k)['overall']) => [f.fundingApproved, f.fundingApprovedJpy];
    // A: p1 at L1 30M, p2 5M, p3 12M; B: p2 5M, p3 12M; overall the same three approvals as A
    expect(figures(k.byCluster[w.A.id])).toEqual([3, 47_000_000]);
    expect(figures(k.byCluster[w.B.id])).toEqual([2, 17_000_000]);
    expect(figures(k.overall)).toEqual([3, 47_000_000]);
    // May: p1 at L1 only; IT: p3, on the IT introduction m2 (the proposals made alone have no domain)
    expect(figures((await programmeKpis(w.db, scope({ from: '2026-05-01', to: '2026-05-31' }))).overall)).toEqual([
      1, 30_000_000,
    ]);
    expect(figures((await programmeKpis(w.db, scope({ domain: 'it' }))).overall)).toEqual([1, 12_000_000]);
    // July brings p1's second approval (1 July in Japan)
    expect(figures((await programmeKpis(w.db, scope({ from: '2026-07-01', to: '2026-07-31' }))).overall)).toEqual([
      1, 10_000_000,
    ]);
  });

  it('narrows to one cluster, another period or a domain', async () => {
    const onlyB = await programmeKpis(w.db, scope({ clusterIds: [w.B.id] }));
    expect(Object.keys(onlyB.byCluster)).toEqual([w.B.id]);
    expect(onlyB.overall.funnel.proposed).toBe(3);
    expect(onlyB.overall.organisationsTotal).toBe(3);

    const may = await programmeKpis(w.db, scope({ from: '2026-05-01', to: '2026-05-31' }));
    // m3's answers came on 29 and 30 May (JST): its meeting, agreement and stall are May's
    expect(may.overall.funnel).toEqual({
      proposed: 1,
      approved: 1,
      introduced: 2,
      meeting: 3,
      agreement: 1,
      launch: 0,
    });
    expect(may.overall.stalled).toBe(1);
    const june = await programmeKpis(w.db, scope({ from: '2026-06-01', to: '2026-06-30' }));
    expect([june.overall.funnel.meeting, june.overall.funnel.agreement, june.overall.stalled]).toEqual([0, 2, 0]);
    expect(may.overall.medianDaysToIntroduction).toBe(8); // m1 12 days, m2 4 days
    expect(may.overall.outcomes.funding_obtained).toBe(1);

    // IT: n2 and s2, and the match between them with its outcomes; the credited outcomes have no domain
    const it = await programmeKpis(w.db, scope({ domain: 'it' }));
    expect([it.overall.needsPosted, it.overall.seedsPosted]).toEqual([1, 1]);
    expect(it.overall.funnel).toEqual({ proposed: 1, approved: 1, introduced: 1, meeting: 1, agreement: 1, launch: 1 });
    expect(it.overall.stalled).toBe(0);
    expect(it.overall.outcomes).toMatchObject({ new_business_launched: 1, funding_obtained: 0, partnership_formed: 0 });

    const nothing = await programmeKpis(w.db, scope({ clusterIds: [] }));
    expect(nothing.overall.funnel.proposed).toBe(0);
  });

  it('gives the trend month by month, each match once', async () => {
    expect(await monthlyTrend(w.db, scope())).toEqual([
      { month: '2026-04', proposed: 2, approved: 2, introduced: 1, meeting: 0, agreement: 0, launch: 0, results: 0 },
      { month: '2026-05', proposed: 1, approved: 1, introduced: 2, meeting: 3, agreement: 1, launch: 0, results: 1 },
      { month: '2026-06', proposed: 2, approved: 0, introduced: 0, meeting: 0, agreement: 2, launch: 1, results: 5 },
    ]);
  });
  it('counts a match reaching a step in several months once for the period, and in each month of the trend', async () => {
    const C = await makeCluster();
    const sme = await makeUser('sme', { clusterIds: [C.id] });
    const lab = await makeUser('researcher', { clusterIds: [C.id] });
    const needId = await makeListing('need', sme);
    const seedId = await makeListing('seed', lab);
    const [m] = await w.db
      .insert(matches)
      .values({ kind: 'engine', needId, seedId, createdAt: at('2026-04-10T03:00:00Z') })
      .returning({ id: matches.id });
    // approved on 12 April and again on 3 May (after a reversal); a confirmed meeting on 20 April, a meeting
    // held on 15 May and a check-in "we met" on 2 June: one approved match and one meeting match in the period
    for (const createdAt of [at('2026-04-12T03:00:00Z'), at('2026-05-03T03:00:00Z')])
      await w.db.insert(matchEvents).values({
        matchId: m.id,
        type: 'approve',
        actorRole: 'coordinator',
        fromStatus: 'proposed',
        toStatus: 'approved',
        createdAt,
      });
    await w.db.insert(meetingProposals).values({
      matchId: m.id,
      proposedBy: sme.user.id,
      proposerSide: 'need',
      slots: [at('2026-04-20T01:00:00Z')],
      chosenSlot: at('2026-04-20T01:00:00Z'),
      status: 'confirmed',
    });
    await w.db.insert(matchOutcomes).values({
      kind: 'meeting_held',
      occurredOn: '2026-05-15',
      recordedBy: sme.user.id,
      matchId: m.id,
    });
    await w.db.insert(checkInResponses).values({
      matchId: m.id,
      days: 30,
      side: 'need',
      answer: 'met',
      answeredAt: at('2026-06-02T03:00:00Z'),
      answeredBy: sme.user.id,
    });

    const onlyC = scope({ clusterIds: [C.id] });
    const { kpis, trend } = await kpisAndTrend(w.db, onlyC, onlyC.from);
    expect(kpis.overall.funnel).toMatchObject({ proposed: 1, approved: 1, meeting: 1 });
    expect(kpis.byCluster[C.id].funnel).toMatchObject({ proposed: 1, approved: 1, meeting: 1 });
    expect(trend.map((p) => [p.month, p.proposed, p.approved, p.meeting])).toEqual([
      ['2026-04', 1, 1, 1],
      ['2026-05', 0, 1, 1],
      ['2026-06', 0, 0, 1],
    ]);
    // from May: approved once, a meeting once; the trend from June only
    const fromMay = await kpisAndTrend(w.db, { ...onlyC, from: '2026-05-01' }, '2026-06-01');
    expect(fromMay.kpis.overall.funnel).toMatchObject({ proposed: 0, approved: 1, meeting: 1 });
    expect(fromMay.trend.map((p) => [p.month, p.approved, p.meeting])).toEqual([['2026-06', 0, 1]]);
    // with A and B too: each figure of A and B as before, plus this match once
    const all = await programmeKpis(w.db, scope({ clusterIds: [w.A.id, w.B.id, C.id] }));
    const before = await programmeKpis(w.db, scope());
    expect(all.overall.funnel.approved).toBe(before.overall.funnel.approved + 1);
    expect(all.overall.funnel.meeting).toBe(before.overall.funnel.meeting + 1);
  });
});
