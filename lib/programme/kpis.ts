import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { rowsOf } from '@/db/rows';
import { type OrganisationKind, organisationKinds } from '@/db/vocabulary/accounts';
import type { Domain } from '@/db/vocabulary/clusters';
import { type OutcomeKind, outcomeKinds, resultOutcomeKinds } from '@/db/vocabulary/programme';

// The programme's KPIs from live data (issue 14 item 4), per cluster and over the chosen clusters, for a
// period of calendar days in Japan (the programme's calendar, whoever reads). Every figure is an aggregate
// query; no rows are loaded into JS.
//
// Attribution to clusters (as the coordinators' queue, lib/introductions/data.ts): an organisation belongs to
// its clusters; a listing to its organisation's; a match to its need's and seed's organisations' clusters (its
// own cluster only when they are in none); an outcome to its match's clusters, or to its credited
// organisation's. Something in two chosen clusters counts in each, and once in the overall figures.
// A match's clusters and domain are read from match_attribution, which the database keeps in step with the
// matches, listings and memberships (migrations 0027, 0028), and grouped by the number of the match's set of
// clusters: deriving them per match at query time was most of the dashboard's time (issue 14: seconds at
// 50,000 matches).

/** The calendar the programme counts days in. */
export const PROGRAMME_TIME_ZONE = 'Asia/Tokyo';

export type KpiScope = {
  /** The clusters to count (already narrowed to the viewer's). */
  clusterIds: string[];
  /** First and last day of the period, YYYY-MM-DD, both included. */
  from: string;
  to: string;
  /** Narrows listings, matches and their outcomes to one domain (organisations have none). */
  domain?: Domain | null;
};

/**
 * Steps a match goes through, counted as distinct matches reaching the step in the period. A meeting is a
 * confirmed meeting, a `meeting_held` outcome, or a party answering a check-in "we met" or "agreement
 * reached"; an agreement is a result outcome or a check-in answer "agreement reached"; a launch is a
 * launch outcome (a new business, a first sale, a venture) of the match.
 */
export const funnelSteps = ['proposed', 'approved', 'introduced', 'meeting', 'agreement', 'launch'] as const;
type FunnelStep = (typeof funnelSteps)[number];

/** The headline shares of the survey: participating firms (SMEs) with such an outcome in the period. */
export const headlineKinds = [
  'partnership_formed',
  'new_business_launched',
  'managerial_revamp',
] as const satisfies readonly OutcomeKind[];
export type HeadlineKind = (typeof headlineKinds)[number];

export type KpiFigures = {
  organisations: Record<OrganisationKind, number>;
  organisationsTotal: number;
  needsPosted: number;
  seedsPosted: number;
  funnel: Record<FunnelStep, number>;
  /** Median days from a match's proposal to its introduction, over the matches introduced in the period. */
  medianDaysToIntroduction: number | null;
  /** NDAs signed in the period. */
  ndas: number;
  /** Introductions a party answered a check-in "stalled" for in the period. */
  stalled: number;
  /** Funding approved in the period (lib/funding: a lender's approval of a proposal): how many, and yen. */
  fundingApproved: number;
  fundingApprovedJpy: number;
  outcomes: Record<OutcomeKind, number>;
  /** University-born ventures founded up to the end of the period (the survey's cumulative count). */
  venturesCumulative: number;
  /** Participating firms, and how many of them had each headline outcome in the period. */
  firms: number;
  firmsWith: Record<HeadlineKind, number>;
};

export type ProgrammeKpis = { overall: KpiFigures; byCluster: Record<string, KpiFigures> };

export type TrendPoint = { month: string } & Record<FunnelStep, number> & { results: number };

function emptyFigures(): KpiFigures {
  return {
    organisations: Object.fromEntries(organisationKinds.map((k) => [k, 0])) as Record<OrganisationKind, number>,
    organisationsTotal: 0,
    needsPosted: 0,
    seedsPosted: 0,
    funnel: Object.fromEntries(funnelSteps.map((s) => [s, 0])) as Record<FunnelStep, number>,
    medianDaysToIntroduction: null,
    ndas: 0,
    stalled: 0,
    fundingApproved: 0,
    fundingApprovedJpy: 0,
    outcomes: Object.fromEntries(outcomeKinds.map((k) => [k, 0])) as Record<OutcomeKind, number>,
    venturesCumulative: 0,
    firms: 0,
    firmsWith: Object.fromEntries(headlineKinds.map((k) => [k, 0])) as Record<HeadlineKind, number>,
  };
}

/**
 * Runs one of the programme's aggregate queries with JIT compilation off and more working memory. Postgres compiles a query to machine
 * code when its estimated cost is high, which these reach at scale (and sooner where an estimate is off): on
 * issue 14's benchmark the compiling alone took 0.8 s, and 7.7 s for one misestimated plan, against an
 * execution of well under a second. `set local` needs a transaction; it ends with the query.
 */
export async function analytic<T>(db: Db, query: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    // room to aggregate in memory: with the default 4 MB the planner sorted the grouped rows on disk instead
    await tx.execute(sql`set local work_mem = '32MB'`);
    return rowsOf<T>(await tx.execute(query));
  });
}

/** The programme's calendar day of a timestamp column. */
export const day = (column: string) => sql.raw(`(${column} at time zone '${PROGRAMME_TIME_ZONE}')::date`);
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const zone = sql.raw(`'${PROGRAMME_TIME_ZONE}'`);

/**
 * A timestamp column within the period's days (`day(column) between from and to`), written as a range of
 * instants so that an index on the column can serve it.
 */
export function inPeriod(column: string, scope: Pick<KpiScope, 'from' | 'to'>): SQL {
  const c = sql.raw(column);
  return sql`(${c} >= ${scope.from}::date::timestamp at time zone ${zone} and ${c} < (${scope.to}::date + 1)::timestamp at time zone ${zone})`;
}

/**
 * The chosen clusters (`sc`), their memberships (`oc`), each member organisation with its chosen clusters (`os`),
 * the sets of clusters matches are attributed to that hold a chosen cluster (`cs`: a few hundred at most), and
 * the matches counted for a chosen cluster with their set (`ma`, read from the stored attribution
 * match_attribution that the database keeps in step with every write; narrowed to the domain). Shared by every
 * query; a query leaves out what it does not read.
 */
export function scopeCte(scope: KpiScope): SQL {
  const ids = sql.join(
    scope.clusterIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const domain = scope.domain ? sql`and domain = ${scope.domain}` : sql``;
  return sql`
    sc(cluster_id) as (select unnest(array[${ids}])),
    oc as (
      select organisation_id, cluster_id from organisation_clusters where cluster_id in (select cluster_id from sc)
    ),
    os as (select organisation_id, array_agg(cluster_id) as cluster_ids from oc group by organisation_id),
    cs as (select id as set_id, cluster_ids from cluster_sets where cluster_ids && array[${ids}]),
    ma as not materialized (
      select match_id, set_id, created_at from match_attribution
      where set_id in (select set_id from cs) ${domain}
    )`;
}

/** A calendar day (YYYY-MM-DD) moved by whole days. */
function addDays(dayText: string, days: number): string {
  const d = new Date(`${dayText}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const monthStart = (dayText: string) => `${dayText.slice(0, 7)}-01`;
const monthEnd = (dayText: string) => {
  const [y, m] = dayText.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const daysFrom = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000 + 1;

/**
 * How a period's days are read from the stored counts: the months read whole from kpi_month_counts (a range of
 * first days; none when `months` is null), and day ranges read from kpi_match_facts, added (sign 1) or taken off
 * (-1). A month the period covers in part is read either as its days in the period, or as the whole month less
 * its other days, whichever reads fewer days (a period ending today takes the month's first days; one ending a day
 * before the month's end takes the month and its last day off).
 */
export function periodPieces(from: string, to: string) {
  const ranges: { from: string; to: string; sign: 1 | -1 }[] = [];
  let first = monthStart(from);
  let last = monthStart(to);
  for (const month of first === last ? [first] : [first, last]) {
    const end = monthEnd(month);
    const inFrom = from > month ? from : month;
    const inTo = to < end ? to : end;
    if (inFrom === month && inTo === end) continue; // a whole month
    const inside = daysFrom(inFrom, inTo);
    if (inside <= daysFrom(month, end) - inside) {
      ranges.push({ from: inFrom, to: inTo, sign: 1 });
      if (month === first) first = addDays(end, 1);
      if (month === last) last = monthStart(addDays(month, -1));
    } else {
      if (inFrom > month) ranges.push({ from: month, to: addDays(inFrom, -1), sign: -1 });
      if (inTo < end) ranges.push({ from: addDays(inTo, 1), to: end, sign: -1 });
    }
  }
  return { months: first <= last ? { from: first, to: last } : null, ranges };
}

/**
 * Everything countable in the period as `counted(metric, bucket, cluster_ids, n)`: how many things reached
 * the metric in the month `bucket` with that set of clusters. Each thing is counted once per metric and month (a
 * match meeting twice, or both at a confirmed meeting and in a check-in answer, is one match meeting), so a
 * cluster's figure is the sum over the sets it is in, and the overall figure the sum over all sets: something in
 * two chosen clusters counts in each and once overall. A match reaching a step in several months of the period is
 * one match for the period: rows with no bucket take the extra months back off, so that the period's figure is
 * the sum over all rows and the trend the months' rows (one pass over the period serves both). A bucket is the
 * month's first day.
 *
 * What is counted through a match comes from the stored counts the database keeps with every write (migration
 * 0029): per month, metric, set of clusters and domain for the whole months of the period (thousands of rows,
 * however many matches), per match and day for the days at its edges, and, for the few matches that reach a step
 * on more than one day, their days, to count each once a month and once in the period.
 */
function countedCte(scope: KpiScope): SQL {
  const bucket = (dayOf: SQL) => sql`date_trunc('month', (${dayOf})::timestamp)::date`;
  const domain = scope.domain ? sql`and domain = ${scope.domain}` : sql``;
  const inSets = sql`set_id in (select set_id from cs) ${domain}`;
  const onDays = (column: string, from: string, to: string) =>
    sql`${sql.raw(column)} between ${from}::date and ${to}::date`;
  const { months, ranges } = periodPieces(scope.from, scope.to);
  const wholeMonths = months
    ? sql`
      select metric, month, set_id, sum(n) from kpi_month_counts
      where ${onDays('month', months.from, months.to)} and ${inSets}
      group by 1, 2, 3`
    : sql`select null::text, null::date, null::int, 0::bigint where false`;
  const edgeDays = ranges.flatMap((r) =>
    ['kpi_match_facts', 'kpi_organisation_facts'].map(
      (facts) => sql`
      union all
      select metric, ${bucket(sql`day`)}, set_id, ${r.sign === 1 ? sql`sum(n)` : sql`-sum(n)`} from ${sql.raw(facts)}
      where ${onDays('day', r.from, r.to)} and ${inSets}
      group by 1, 2, 3`,
    ),
  );
  return sql`
    -- the days of the period on which a match reached a step it reaches on other days too
    repeated(metric, match_id, set_id, bucket, days) as (
      select metric, match_id, set_id, ${bucket(sql`day`)}, count(*)
      from kpi_match_facts
      where repeats and ${onDays('day', scope.from, scope.to)} and ${inSets}
      group by 1, 2, 3, 4
    ),
    -- counted through a match or a listing's organisation: grouped by its set of clusters (an integer), then given
    -- the set's clusters
    by_set(metric, bucket, set_id, n) as (
      ${wholeMonths}
      ${sql.join(edgeDays, sql``)}
      union all
      -- a match reaching a step on k days of a month: k - 1 off the month's figure
      select metric, bucket, set_id, sum(1 - days) from repeated where days > 1 group by 1, 2, 3
      union all
      -- a match reaching a step in k months of the period: k - 1 off the period's figure
      select metric, null, set_id, sum(1 - months)
      from (select metric, match_id, set_id, count(*) as months from repeated group by 1, 2, 3 having count(*) > 1) r
      group by 1, 3
    ),
    counted(metric, bucket, cluster_ids, n) as (
      select b.metric, b.bucket, cs.cluster_ids, b.n from by_set b join cs on cs.set_id = b.set_id
      union all
      -- outcomes credited to an organisation (few): per organisation, then its clusters
      select t.metric, t.bucket, os.cluster_ids, sum(t.n)
      from (
        select 'outcome:' || o.kind::text as metric, o.organisation_id, ${bucket(sql`o.occurred_on`)} as bucket, count(*) as n
        from match_outcomes o
        where o.match_id is null and ${scope.domain ? sql`false` : sql`true`} and ${onDays('o.occurred_on', scope.from, scope.to)}
        group by 1, 2, 3
      ) t join os on os.organisation_id = t.organisation_id
      group by 1, 2, 3
    )`;
}

type Counted = { part: 'period' | 'trend'; cluster_id: string | null; metric: string; bucket: string; n: number };

/** The KPIs over the scope's clusters (`overall`, each thing once) and per cluster. */
export async function programmeKpis(db: Db, scope: KpiScope): Promise<ProgrammeKpis> {
  return (await kpisAndTrend(db, scope, null)).kpis;
}

/** Month by month over the scope (each thing once a month): the funnel's steps and the results recorded. */
export async function monthlyTrend(db: Db, scope: KpiScope): Promise<TrendPoint[]> {
  return (await kpisAndTrend(db, scope, scope.from)).trend;
}

/**
 * The KPIs over the scope and, when `trendFrom` is given (the period's first day or a later first of a month),
 * the trend month by month from it to the period's end: the dashboard's figures, the counted things read once.
 */
export async function kpisAndTrend(
  db: Db,
  scope: KpiScope,
  trendFrom: string | null,
): Promise<{ kpis: ProgrammeKpis; trend: TrendPoint[] }> {
  const result: ProgrammeKpis = { overall: emptyFigures(), byCluster: {} };
  const points = new Map<string, TrendPoint>(
    (trendFrom ? monthsBetween(trendFrom, scope.to) : []).map((month) => [
      month,
      { month, ...(Object.fromEntries(funnelSteps.map((s) => [s, 0])) as Record<FunnelStep, number>), results: 0 },
    ]),
  );
  const trend = () => [...points.values()];
  if (!scope.clusterIds.length) return { kpis: result, trend: trend() };
  for (const id of scope.clusterIds) result.byCluster[id] = emptyFigures();
  const figuresOf = (clusterId: string | null) => (clusterId ? result.byCluster[clusterId] : result.overall);

  const results = inList(resultOutcomeKinds.map((k) => `outcome:${k}`));
  const trendRows = trendFrom
    ? sql`
      union all
      select 'trend', null, case when metric in (${results}) then 'results' else metric end,
        to_char(bucket, 'YYYY-MM'), sum(n)::int
      from counted
      where bucket >= date_trunc('month', ${trendFrom}::date::timestamp)::date and (metric in (${inList(funnelSteps)}) or metric in (${results}))
      group by 3, 4`
    : sql``;
  // all at once: the database works on them side by side
  const [rows, orgs, medians, ventures, firms, funding] = await Promise.all([
    analytic<Counted>(
      db,
      sql`
      with ${scopeCte(scope)}, ${countedCte(scope)}
      select 'period' as part, x.cluster_id, metric, '' as bucket, sum(counted.n)::int as n
      from counted cross join unnest(counted.cluster_ids) x(cluster_id)
      where x.cluster_id in (select cluster_id from sc)
      group by x.cluster_id, metric
      union all
      select 'period', null, metric, '', sum(counted.n)::int from counted group by metric
      ${trendRows}`,
    ),
    organisationCounts(db, scope),
    medianDays(db, scope),
    ventureCounts(db, scope),
    firmShares(db, scope),
    fundingApproved(db, scope),
  ]);
  for (const row of rows.filter((r) => r.part === 'trend')) {
    const point = points.get(row.bucket);
    if (point) point[row.metric as FunnelStep | 'results'] = Number(row.n);
  }
  const counted = rows.filter((r) => r.part === 'period');
  for (const row of counted) {
    const f = figuresOf(row.cluster_id);
    if (!f) continue;
    const n = Number(row.n);
    if (row.metric === 'needs_posted') f.needsPosted = n;
    else if (row.metric === 'seeds_posted') f.seedsPosted = n;
    else if (row.metric === 'nda') f.ndas = n;
    else if (row.metric === 'stalled') f.stalled = n;
    else if (row.metric.startsWith('outcome:')) f.outcomes[row.metric.slice(8) as OutcomeKind] = n;
    else f.funnel[row.metric as FunnelStep] = n;
  }

  for (const row of funding) {
    const f = figuresOf(row.cluster_id);
    if (!f) continue;
    f.fundingApproved = Number(row.n);
    f.fundingApprovedJpy = Number(row.jpy);
  }
  for (const row of orgs) {
    const f = figuresOf(row.cluster_id);
    if (!f) continue;
    if (row.kind) f.organisations[row.kind] = Number(row.n);
    else f.organisationsTotal = Number(row.n);
  }
  for (const row of medians) {
    const f = figuresOf(row.cluster_id);
    if (f) f.medianDaysToIntroduction = row.days === null ? null : Math.round(Number(row.days) * 10) / 10;
  }
  for (const row of ventures) {
    const f = figuresOf(row.cluster_id);
    if (f) f.venturesCumulative = Number(row.n);
  }
  for (const row of firms) {
    const f = figuresOf(row.cluster_id);
    if (!f) continue;
    f.firms = Number(row.firms);
    for (const kind of headlineKinds) f.firmsWith[kind] = Number(row[kind]);
  }
  return { kpis: result, trend: trend() };
}

/** Verified member organisations by kind (and in all), those that joined the portal by the period's end. */
async function organisationCounts(db: Db, scope: KpiScope) {
  return analytic<{ cluster_id: string | null; kind: OrganisationKind | null; n: number }>(
    db,
    sql`
      with ${scopeCte(scope)}
      select oc.cluster_id, o.kind, count(distinct o.id)::int as n
      from oc join organisations o on o.id = oc.organisation_id
      where o.verified and ${day('o.created_at')} <= ${scope.to}::date
      group by grouping sets ((oc.cluster_id, o.kind), (o.kind), (oc.cluster_id), ())`,
  );
}

/**
 * Lenders' approvals of funding proposals decided in the period, and the yen approved (each approval once in
 * the overall sum). A proposal built on an introduction counts as its match does (and so has the match's
 * domain); one made alone counts for its organisation's clusters, in no domain.
 */
async function fundingApproved(db: Db, scope: KpiScope) {
  const alone = scope.domain ? sql`false` : sql`true`;
  const decided = inPeriod('sh.decided_at', scope);
  return analytic<{ cluster_id: string | null; n: number; jpy: number | string | null }>(
    db,
    sql`
      with ${scopeCte(scope)},
      approved as (
        select sh.id, sh.approved_amount_jpy as jpy, cs.cluster_ids
        from funding_shares sh join funding_proposals p on p.id = sh.proposal_id join ma on ma.match_id = p.match_id
        join cs on cs.set_id = ma.set_id
        where sh.status = 'approved' and ${decided}
        union all
        select sh.id, sh.approved_amount_jpy, os.cluster_ids
        from funding_shares sh join funding_proposals p on p.id = sh.proposal_id
        join os on os.organisation_id = p.organisation_id
        where sh.status = 'approved' and p.match_id is null and ${alone} and ${decided}
      )
      select x.cluster_id, count(*)::int as n, coalesce(sum(jpy), 0)::bigint as jpy
      from approved cross join unnest(approved.cluster_ids) x(cluster_id)
      where x.cluster_id in (select cluster_id from sc)
      group by x.cluster_id
      union all
      select null, count(*)::int, coalesce(sum(jpy), 0)::bigint from approved`,
  );
}

/**
 * The median over the matches introduced in the period of their days from proposal to introduction, stored with
 * each introduction's fact (kpi_match_facts, read from an index of introductions alone).
 */
async function medianDays(db: Db, scope: KpiScope) {
  const domain = scope.domain ? sql`and f.domain = ${scope.domain}` : sql``;
  return analytic<{ cluster_id: string | null; days: number | string | null }>(
    db,
    sql`
      with ${scopeCte(scope)},
      introduced as (
        select cs.cluster_ids, f.days
        from kpi_match_facts f join cs on cs.set_id = f.set_id
        where f.metric = 'introduced' and f.day between ${scope.from}::date and ${scope.to}::date ${domain}
      )
      select x.cluster_id, percentile_cont(0.5) within group (order by days) as days
      from introduced cross join unnest(introduced.cluster_ids) x(cluster_id)
      where x.cluster_id in (select cluster_id from sc)
      group by x.cluster_id
      union all
      select null, percentile_cont(0.5) within group (order by days) from introduced`,
  );
}

async function ventureCounts(db: Db, scope: KpiScope) {
  const domain = scope.domain ? sql`false` : sql`true`;
  return analytic<{ cluster_id: string | null; n: number }>(
    db,
    sql`
      with ${scopeCte(scope)},
      ventures as (
        select cs.cluster_ids from match_outcomes o join ma on ma.match_id = o.match_id join cs on cs.set_id = ma.set_id
        where o.kind = 'venture_founded' and o.occurred_on <= ${scope.to}::date
        union all
        select os.cluster_ids from match_outcomes o join os on os.organisation_id = o.organisation_id
        where o.kind = 'venture_founded' and o.match_id is null and ${domain} and o.occurred_on <= ${scope.to}::date
      )
      select x.cluster_id, count(*)::int as n
      from ventures cross join unnest(ventures.cluster_ids) x(cluster_id)
      where x.cluster_id in (select cluster_id from sc)
      group by x.cluster_id
      union all
      select null, count(*)::int from ventures`,
  );
}

/**
 * Participating firms (verified SMEs of the cluster) and those with a partnership, a new business or a
 * managerial revamp in the period: credited to them, or reached by a match they are a party of.
 */
async function firmShares(db: Db, scope: KpiScope) {
  const columns = sql.join(
    headlineKinds.map(
      (kind) =>
        sql`count(distinct f.id) filter (where exists (select 1 from credited c where c.organisation_id = f.id and c.kind = ${kind}))::int as ${sql.raw(kind)}`,
    ),
    sql`, `,
  );
  return analytic<{ cluster_id: string | null; firms: number } & Record<HeadlineKind, number>>(
    db,
    sql`
      with ${scopeCte(scope)},
      credited as (
        select distinct p.organisation_id, o.kind
        from match_outcomes o
        left join matches m on m.id = o.match_id
        left join needs n on n.id = m.need_id
        left join seeds s on s.id = m.seed_id
        cross join lateral (values (o.organisation_id), (n.organisation_id), (s.organisation_id), (m.requester_organisation_id)) p(organisation_id)
        where p.organisation_id is not null and o.kind in (${inList(headlineKinds)})
          and o.occurred_on between ${scope.from}::date and ${scope.to}::date
      )
      select oc.cluster_id, count(distinct f.id)::int as firms, ${columns}
      from oc join organisations f on f.id = oc.organisation_id
      where f.kind = 'sme' and f.verified and ${day('f.created_at')} <= ${scope.to}::date
      group by grouping sets ((oc.cluster_id), ())`,
  );
}

/** YYYY-MM of every month the period touches, in order. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
