import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { rowsOf } from '@/db/rows';
import { organisationClusters } from '@/db/schema/accounts';
import { checkInResponses, matchEvents, matchIntroductions, meetingProposals, ndas } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import { matchOutcomes } from '@/db/schema/programme';
import { launchOutcomeKinds, outcomeKinds, resultOutcomeKinds } from '@/db/vocabulary/programme';
import { type KpiFigures, monthlyTrend, periodPieces, programmeKpis } from '@/lib/programme/kpis';
import { makeCluster, makeUser } from '../support/factories';
import { makeListing } from '../support/introduced';

// The dashboard reads what matches count for from stored counts (migration 0029): kpi_match_facts, a row per
// match, metric and day, and kpi_month_counts, their sums per month, set of clusters and domain, both kept by
// triggers on every table a figure comes from. After each kind of write the stored facts are what the rule gives
// afresh (the view kpi_match_facts_derived), the monthly counts are the facts' sums, and the KPIs and trend of
// periods cut anywhere in a month are what a live count of the rule gives.

type World = Awaited<ReturnType<typeof build>>;
let w: World;

const at = (day: string) => new Date(`${day}T03:00:00Z`); // noon in Japan
const steps = ['approved', 'meeting', 'agreement', 'launch', 'stalled'];
const periods = [
  { from: '2025-01-01', to: '2025-12-31' }, // whole months
  { from: '2025-02-01', to: '2025-02-28' }, // one whole month
  { from: '2025-01-15', to: '2025-02-10' }, // the days at both edges read from the facts
  { from: '2025-01-03', to: '2025-03-28' }, // both edge months read whole, their other days taken off
  { from: '2025-01-20', to: '2025-01-20' }, // one day
  { from: '2024-12-31', to: '2025-01-31' },
];

async function build() {
  const db = await getDb();
  const A = await makeCluster();
  const B = await makeCluster();
  const admin = await makeUser('admin');
  const a = await makeUser('sme', { clusterIds: [A.id] });
  const b = await makeUser('researcher', { clusterIds: [B.id] });
  const ab = await makeUser('sme', { clusterIds: [A.id, B.id] });
  const later = await makeUser('researcher');
  const needA = await makeListing('need', a);
  const needAB = await makeListing('need', ab);
  const seedB = await makeListing('seed', b);
  const seedLater = await makeListing('seed', later);
  return { db, A, B, admin, a, b, ab, later, needA, needAB, seedB, seedLater, matchIds: [] as string[] };
}

beforeAll(async () => {
  await getDb();
  w = await build();
}, 180_000);

const idList = () =>
  sql.join(
    w.matchIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** The stored facts of the test's matches that differ from the rule computed afresh (none when in step). */
async function factsOutOfStep() {
  const columns = sql`match_id, metric, day::text, n, set_id, domain, repeats, days`;
  return rowsOf(
    await w.db.execute(sql`
      (select ${columns} from kpi_match_facts where match_id in (${idList()})
        except all select ${columns} from kpi_match_facts_derived where match_id in (${idList()}))
      union all
      (select ${columns} from kpi_match_facts_derived where match_id in (${idList()})
        except all select ${columns} from kpi_match_facts where match_id in (${idList()}))`),
  );
}

const orgList = () =>
  sql.join(
    [w.a, w.b, w.ab, w.later].map((u) => sql`${u.user.organisationId}::uuid`),
    sql`, `,
  );

/** The stored listing facts of the test's organisations that differ from the rule computed afresh. */
async function listingsOutOfStep() {
  const orgs = orgList();
  const columns = sql`organisation_id, metric, day::text, domain, n, set_id`;
  return rowsOf(
    await w.db.execute(sql`
      (select ${columns} from kpi_organisation_facts where organisation_id in (${orgs}) and n <> 0
        except all select ${columns} from kpi_organisation_facts_derived where organisation_id in (${orgs}))
      union all
      (select ${columns} from kpi_organisation_facts_derived where organisation_id in (${orgs})
        except all select ${columns} from kpi_organisation_facts where organisation_id in (${orgs}) and n <> 0)`),
  );
}

/** The monthly counts of the test's clusters that differ from the sums of the stored facts. */
async function monthsOutOfStep() {
  const mine = sql`set_id in (select id from cluster_sets where cluster_ids && array[${w.A.id}::uuid, ${w.B.id}::uuid])`;
  return rowsOf(
    await w.db.execute(sql`
      with summed as (
        select date_trunc('month', day::timestamp)::date as month, metric, set_id, domain, sum(n)::int as n
        from (
          select day, metric, set_id, domain, n from kpi_match_facts
          union all
          select day, metric, set_id, domain, n from kpi_organisation_facts
        ) f
        where ${mine} group by 1, 2, 3, 4 having sum(n) <> 0
      ),
      stored as (select month, metric, set_id, domain, n from kpi_month_counts where ${mine} and n <> 0)
      (select * from summed except all select * from stored)
      union all
      (select * from stored except all select * from summed)`),
  );
}

/** The match-counted figures of a period, live: straight from the rule, each match once per step. */
async function liveCount(from: string, to: string) {
  const stepList = sql.join(
    steps.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = rowsOf<{ cluster_id: string | null; metric: string; n: number }>(
    await w.db.execute(sql`
      with f as (
        select f.match_id as id, f.metric, f.n, s.cluster_ids
        from kpi_match_facts_derived f join cluster_sets s on s.id = f.set_id
        where f.match_id in (${idList()}) and f.day between ${from}::date and ${to}::date
          and s.cluster_ids && array[${w.A.id}::uuid, ${w.B.id}::uuid]
        union all
        select f.organisation_id, f.metric, f.n, s.cluster_ids
        from kpi_organisation_facts_derived f join cluster_sets s on s.id = f.set_id
        where f.organisation_id in (${orgList()}) and f.day between ${from}::date and ${to}::date
          and s.cluster_ids && array[${w.A.id}::uuid, ${w.B.id}::uuid]
      ),
      c as (select f.*, x.cluster_id from f cross join unnest(f.cluster_ids) x(cluster_id))
      select cluster_id::text, metric,
        (case when metric in (${stepList}) then count(distinct id) else sum(n) end)::int as n
      from c where cluster_id in (${w.A.id}::uuid, ${w.B.id}::uuid) group by 1, 2
      union all
      select null, metric, (case when metric in (${stepList}) then count(distinct id) else sum(n) end)::int
      from f group by 2`),
  );
  const byCluster = new Map<string | null, Record<string, number>>();
  for (const r of rows) {
    const figures = byCluster.get(r.cluster_id) ?? {};
    figures[r.metric] = Number(r.n);
    byCluster.set(r.cluster_id, figures);
  }
  return byCluster;
}

/** The median days from proposal to introduction over the period's introductions, live. */
async function liveMedian(from: string, to: string) {
  const [row] = rowsOf<{ days: number | null }>(
    await w.db.execute(sql`
      select percentile_cont(0.5) within group (order by extract(epoch from i.introduced_at - a.created_at) / 86400.0) as days
      from match_introductions i join match_attribution a on a.match_id = i.match_id
      join cluster_sets s on s.id = a.set_id
      where i.match_id in (${idList()}) and s.cluster_ids && array[${w.A.id}::uuid, ${w.B.id}::uuid]
        and (i.introduced_at at time zone 'Asia/Tokyo')::date between ${from}::date and ${to}::date`),
  );
  return row.days === null ? null : Math.round(Number(row.days) * 10) / 10;
}

/** The same figures as the dashboard gives them (zeros left out). */
function matchFigures(f: KpiFigures): Record<string, number> {
  const out: Record<string, number> = {
    ...f.funnel,
    nda: f.ndas,
    stalled: f.stalled,
    needs_posted: f.needsPosted,
    seeds_posted: f.seedsPosted,
  };
  for (const [kind, n] of Object.entries(f.outcomes)) out[`outcome:${kind}`] = n;
  return Object.fromEntries(Object.entries(out).filter(([, n]) => n !== 0));
}

/** The stored facts and monthly counts are what the rule gives afresh. */
async function expectStoredInStep() {
  expect(await factsOutOfStep()).toEqual([]);
  expect(await listingsOutOfStep()).toEqual([]);
  expect(await monthsOutOfStep()).toEqual([]);
}

/** That, and the KPIs and trend read from them are what live counts give. */
async function expectInStep() {
  await expectStoredInStep();
  for (const period of periods) {
    const live = await liveCount(period.from, period.to);
    const kpis = await programmeKpis(w.db, { clusterIds: [w.A.id, w.B.id], ...period });
    expect({ period, median: kpis.overall.medianDaysToIntroduction }).toEqual({
      period,
      median: await liveMedian(period.from, period.to),
    });
    expect({ period, overall: matchFigures(kpis.overall) }).toEqual({ period, overall: live.get(null) ?? {} });
    for (const cluster of [w.A.id, w.B.id]) {
      expect({ period, cluster, figures: matchFigures(kpis.byCluster[cluster]) }).toEqual({
        period,
        cluster,
        figures: live.get(cluster) ?? {},
      });
    }
  }
  // the trend: each month's live count
  const trend = await monthlyTrend(w.db, { clusterIds: [w.A.id, w.B.id], from: '2025-01-10', to: '2025-03-31' });
  for (const point of trend) {
    const from = point.month === '2025-01' ? '2025-01-10' : `${point.month}-01`;
    const live = (await liveCount(from, `${point.month}-${point.month === '2025-02' ? '28' : '31'}`)).get(null) ?? {};
    for (const step of ['proposed', 'approved', 'introduced', 'meeting', 'agreement', 'launch'] as const) {
      expect({ month: point.month, step, n: point[step] }).toEqual({ month: point.month, step, n: live[step] ?? 0 });
    }
  }
}

describe('stored KPI counts', () => {
  it('reads a period as whole months and the days at its edges', () => {
    expect(periodPieces('2025-01-01', '2025-12-31')).toEqual({
      months: { from: '2025-01-01', to: '2025-12-01' },
      ranges: [],
    });
    // ending today (the 5th): the month's first five days, not the month less 26
    expect(periodPieces('2025-01-01', '2025-03-05')).toEqual({
      months: { from: '2025-01-01', to: '2025-02-01' },
      ranges: [{ from: '2025-03-01', to: '2025-03-05', sign: 1 }],
    });
    expect(periodPieces('2025-01-03', '2025-03-28')).toEqual({
      months: { from: '2025-01-01', to: '2025-03-01' },
      ranges: [
        { from: '2025-01-01', to: '2025-01-02', sign: -1 },
        { from: '2025-03-29', to: '2025-03-31', sign: -1 },
      ],
    });
    expect(periodPieces('2025-01-20', '2025-01-20')).toEqual({
      months: null,
      ranges: [{ from: '2025-01-20', to: '2025-01-20', sign: 1 }],
    });
    expect(periodPieces('2024-12-31', '2025-01-31')).toEqual({
      months: { from: '2025-01-01', to: '2025-01-01' },
      ranges: [{ from: '2024-12-31', to: '2024-12-31', sign: 1 }],
    });
  });

  // many writes, each checked against live counts: longer than the default on an embedded database under load
  it('agree with a live count after every kind of write', { timeout: 180_000 }, async () => {
    const { db } = w;
    // new matches, several in one statement: m1 (A and B), m2 (A), m3 (B, later moved)
    const inserted = await db
      .insert(matches)
      .values([
        { kind: 'engine', needId: w.needAB, seedId: w.seedB, createdAt: at('2025-01-05') },
        { kind: 'manual', needId: w.needA, seedId: w.seedLater, createdAt: at('2025-01-20') },
        { kind: 'manual', needId: w.needA, seedId: w.seedB, createdAt: at('2025-02-14') },
      ])
      .returning({ id: matches.id });
    const [m1, m2, m3] = inserted.map((r) => r.id);
    w.matchIds.push(m1, m2, m3);
    await expectStoredInStep();

    // approvals: m1 twice in January and again in February (once a month, once a period), m2 once
    const approve = (matchId: string, day: string) =>
      db.insert(matchEvents).values({
        matchId,
        type: 'approve',
        actorRole: 'coordinator',
        fromStatus: 'proposed',
        toStatus: 'approved',
        createdAt: at(day),
      });
    await approve(m1, '2025-01-10');
    await approve(m1, '2025-01-25');
    await approve(m1, '2025-02-03');
    await approve(m2, '2025-01-21');
    await expectInStep();

    // introductions, one then moved to another day
    await db.insert(matchIntroductions).values([
      { matchId: m1, introducedAt: at('2025-01-28'), needResponse: 'accepted', seedResponse: 'accepted' },
      { matchId: m2, introducedAt: at('2025-02-02'), needResponse: 'accepted', seedResponse: 'accepted' },
    ]);
    await db
      .update(matchIntroductions)
      .set({ introducedAt: at('2025-03-29') })
      .where(eq(matchIntroductions.matchId, m2));
    await expectStoredInStep();

    // a meeting confirmed, then another cancelled
    const [meeting] = await db
      .insert(meetingProposals)
      .values({
        matchId: m1,
        proposedBy: w.a.user.id,
        proposerSide: 'need',
        slots: [at('2025-02-10')],
        chosenSlot: at('2025-02-10'),
        status: 'confirmed',
      })
      .returning({ id: meetingProposals.id });
    await expectStoredInStep();
    await db.update(meetingProposals).set({ status: 'cancelled' }).where(eq(meetingProposals.id, meeting.id));
    await expectStoredInStep();

    // outcomes: two of a kind on one day, a meeting held, results and launches; one deleted, one moved
    const outcome = (matchId: string, kind: (typeof outcomeKinds)[number], occurredOn: string) =>
      db
        .insert(matchOutcomes)
        .values({ matchId, kind, occurredOn, recordedBy: w.admin.user.id })
        .returning({ id: matchOutcomes.id });
    await outcome(m1, 'meeting_held', '2025-02-11');
    await outcome(m1, 'licence_signed', '2025-03-02');
    await outcome(m1, 'licence_signed', '2025-03-02');
    const [sale] = await outcome(m2, 'first_sale', '2025-01-31');
    const [revamp] = await outcome(m2, 'managerial_revamp', '2025-03-01');
    await expectStoredInStep();
    await db.delete(matchOutcomes).where(eq(matchOutcomes.id, sale.id));
    await db.update(matchOutcomes).set({ occurredOn: '2025-01-16' }).where(eq(matchOutcomes.id, revamp.id));
    await expectInStep();

    // check-in answers, one changed
    await db.insert(checkInResponses).values([
      { matchId: m1, days: 30, side: 'need', answer: 'met', answeredAt: at('2025-02-27'), answeredBy: w.ab.user.id },
      { matchId: m1, days: 30, side: 'seed', answer: 'stalled', answeredAt: at('2025-02-28'), answeredBy: w.b.user.id },
    ]);
    await expectStoredInStep();
    await db
      .update(checkInResponses)
      .set({ answer: 'agreement', answeredAt: at('2025-03-01'), version: 2 })
      .where(and(eq(checkInResponses.matchId, m1), eq(checkInResponses.side, 'seed')));
    await expectStoredInStep();

    // an NDA drafted, then signed
    const [nda] = await db
      .insert(ndas)
      .values({ matchId: m2, type: 'mutual', status: 'draft', recordedBy: w.a.user.id })
      .returning({ id: ndas.id });
    await db.update(ndas).set({ status: 'signed', signedOn: '2025-01-18' }).where(eq(ndas.id, nda.id));
    await expectStoredInStep();

    // listings posted (their publication re-dated), one withdrawn, one moved to another organisation
    const posted = async (kind: 'need' | 'seed', owner: typeof w.a, day: string) => {
      const id = await makeListing(kind, owner);
      const table = kind === 'need' ? needs : seeds;
      await db
        .update(table)
        .set({ publishedAt: at(day) })
        .where(eq(table.id, id));
      return id;
    };
    await posted('seed', w.b, '2025-01-20');
    await posted('need', w.later, '2025-03-29');
    await posted('need', w.ab, '2025-02-01');
    const withdrawn = await posted('need', w.a, '2025-01-16');
    const moved = await posted('seed', w.ab, '2025-02-14');
    await expectStoredInStep();
    await db.delete(needs).where(eq(needs.id, withdrawn));
    await db.update(seeds).set({ organisationId: w.b.user.organisationId, domain: 'it' }).where(eq(seeds.id, moved));
    await expectInStep();

    // the attribution moves: an organisation joins a cluster, a listing changes domain, a match changes listing
    await db.insert(organisationClusters).values({ organisationId: w.later.user.organisationId, clusterId: w.B.id });
    await db.update(needs).set({ domain: 'it' }).where(eq(needs.id, w.needA));
    await db
      .update(matches)
      .set({ needId: w.needAB, seedId: w.seedLater, createdAt: at('2025-03-10') })
      .where(eq(matches.id, m3));
    await expectStoredInStep();
    await db
      .delete(organisationClusters)
      .where(
        and(
          eq(organisationClusters.organisationId, w.later.user.organisationId),
          eq(organisationClusters.clusterId, w.B.id),
        ),
      );
    await expectInStep();

    // a domain filter reads the counts of that domain only
    const inIt = await programmeKpis(db, {
      clusterIds: [w.A.id, w.B.id],
      from: '2025-01-01',
      to: '2025-12-31',
      domain: 'it',
    });
    expect(inIt.overall.funnel.proposed).toBe(1); // m2 (need A, now IT); m3 moved to the manufacturing need AB

    // a match deleted takes everything it counted with it
    await db.delete(matches).where(eq(matches.id, m1));
    await expectInStep();
    expect(rowsOf(await db.execute(sql`select 1 from kpi_match_facts where match_id = ${m1}`))).toEqual([]);
  });

  it('counts as agreements and launches exactly the outcome kinds the KPIs name', async () => {
    const [match] = await w.db
      .insert(matches)
      .values({ kind: 'manual', needId: await makeListing('need', w.ab), seedId: w.seedB, createdAt: at('2025-06-01') })
      .returning({ id: matches.id });
    w.matchIds.push(match.id);
    const days = outcomeKinds.map((_, i) => `2025-06-${String(i + 2).padStart(2, '0')}`);
    await w.db
      .insert(matchOutcomes)
      .values(
        outcomeKinds.map((kind, i) => ({ matchId: match.id, kind, occurredOn: days[i], recordedBy: w.admin.user.id })),
      );
    const facts = rowsOf<{ metric: string; day: string }>(
      await w.db.execute(sql`select metric, day::text from kpi_match_facts where match_id = ${match.id}`),
    );
    const kindsOf = (metric: string) =>
      facts
        .filter((f) => f.metric === metric)
        .map((f) => outcomeKinds[days.indexOf(f.day)])
        .sort();
    expect(kindsOf('agreement')).toEqual([...resultOutcomeKinds].sort());
    expect(kindsOf('launch')).toEqual([...launchOutcomeKinds].sort());
    expect(kindsOf('meeting')).toEqual(['meeting_held']);
    await expectInStep();
  });
});
