import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { rowsOf } from '@/db/rows';
import { type OrganisationKind, organisationKinds } from '@/db/vocabulary/accounts';
import type { Domain } from '@/db/vocabulary/clusters';
import { launchOutcomeKinds, type OutcomeKind, outcomeKinds, resultOutcomeKinds } from '@/db/vocabulary/programme';

// The programme's KPIs from live data (issue 14 item 4), per cluster and over the chosen clusters, for a
// period of calendar days in Japan (the programme's calendar, whoever reads). Every figure is an aggregate
// query; no rows are loaded into JS.
//
// Attribution to clusters (as the coordinators' queue, lib/introductions/data.ts): an organisation belongs to
// its clusters; a listing to its organisation's; a match to its need's and seed's organisations' clusters (its
// own cluster only when they are in none); an outcome to its match's clusters, or to its credited
// organisation's. Something in two chosen clusters counts in each, and once in the overall figures.

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

/** The programme's calendar day of a timestamp column. */
export const day = (column: string) => sql.raw(`(${column} at time zone '${PROGRAMME_TIME_ZONE}')::date`);
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** The chosen clusters and the memberships and matches attributed to them (shared by every query). */
export function scopeCte(scope: KpiScope): SQL {
  const ids = sql.join(
    scope.clusterIds.map((id) => sql`(${id}::uuid)`),
    sql`, `,
  );
  const domain = scope.domain ? sql`and coalesce(n.domain, s.domain) = ${scope.domain}` : sql``;
  return sql`
    sc(cluster_id) as (values ${ids}),
    oc as (
      select organisation_id, cluster_id from organisation_clusters where cluster_id in (select cluster_id from sc)
    ),
    ml as (
      select m.id as match_id, m.created_at, m.cluster_id, n.organisation_id as need_org, s.organisation_id as seed_org
      from matches m
      left join needs n on n.id = m.need_id
      left join seeds s on s.id = m.seed_id
      where true ${domain}
    ),
    -- A match counts for the clusters of its need's and its seed's organisations, or, when neither
    -- belongs to a cluster, for the cluster it was filed under. Three plain joins rather than one
    -- lateral subquery per match: at 50,000 matches that was seconds per dashboard.
    mc as (
      select ml.match_id, ml.created_at, x.cluster_id
      from ml join organisation_clusters x on x.organisation_id = ml.need_org
      where x.cluster_id in (select cluster_id from sc)
      union
      select ml.match_id, ml.created_at, x.cluster_id
      from ml join organisation_clusters x on x.organisation_id = ml.seed_org
      where x.cluster_id in (select cluster_id from sc)
      union
      select ml.match_id, ml.created_at, ml.cluster_id
      from ml
      where ml.cluster_id in (select cluster_id from sc)
        and not exists (
          select 1 from organisation_clusters y where y.organisation_id = ml.need_org or y.organisation_id = ml.seed_org
        )
    )`;
}

/**
 * Everything countable in the period, one row per (cluster, metric, counted thing); a thing reached
 * twice (two meetings of one match) is counted once by the aggregates' `count(distinct entity)`.
 */
function eventsCte(scope: KpiScope): SQL {
  const listingDomain = (alias: string) => (scope.domain ? sql`and ${sql.raw(alias)}.domain = ${scope.domain}` : sql``);
  const results = inList(resultOutcomeKinds);
  const launches = inList(launchOutcomeKinds);
  const between = (expr: SQL) => sql`${expr} between ${scope.from}::date and ${scope.to}::date`;
  return sql`
    outcomes_c as (
      select o.id, o.kind, o.match_id, o.occurred_on, mc.cluster_id
      from match_outcomes o join mc on mc.match_id = o.match_id
      where ${between(sql`o.occurred_on`)}
      union
      select o.id, o.kind, o.match_id, o.occurred_on, oc.cluster_id
      from match_outcomes o join oc on oc.organisation_id = o.organisation_id
      where o.match_id is null and ${scope.domain ? sql`false` : sql`true`} and ${between(sql`o.occurred_on`)}
    ),
    events(cluster_id, metric, entity, day) as (
      select oc.cluster_id, 'needs_posted', n.id, ${day('n.published_at')}
      from needs n join oc on oc.organisation_id = n.organisation_id
      where n.published_at is not null ${listingDomain('n')} and ${between(day('n.published_at'))}
      union all
      select oc.cluster_id, 'seeds_posted', s.id, ${day('s.published_at')}
      from seeds s join oc on oc.organisation_id = s.organisation_id
      where s.published_at is not null ${listingDomain('s')} and ${between(day('s.published_at'))}
      union all
      select cluster_id, 'proposed', match_id, ${day('created_at')} from mc where ${between(day('created_at'))}
      union all
      select mc.cluster_id, 'approved', mc.match_id, ${day('e.created_at')}
      from match_events e join mc on mc.match_id = e.match_id
      where e.type = 'approve' and e.to_status = 'approved' and ${between(day('e.created_at'))}
      union all
      select mc.cluster_id, 'introduced', mc.match_id, ${day('i.introduced_at')}
      from match_introductions i join mc on mc.match_id = i.match_id
      where i.introduced_at is not null and ${between(day('i.introduced_at'))}
      union all
      select mc.cluster_id, 'meeting', mc.match_id, ${day('p.chosen_slot')}
      from meeting_proposals p join mc on mc.match_id = p.match_id
      where p.status = 'confirmed' and p.chosen_slot is not null and ${between(day('p.chosen_slot'))}
      union all
      select cluster_id, 'meeting', match_id, occurred_on from outcomes_c where kind = 'meeting_held'
      union all
      select cluster_id, 'agreement', match_id, occurred_on from outcomes_c
      where kind in (${results}) and match_id is not null
      union all
      select cluster_id, 'launch', match_id, occurred_on from outcomes_c
      where kind in (${launches}) and match_id is not null
      union all
      select mc.cluster_id, a.metric, mc.match_id, ${day('r.answered_at')}
      from check_in_responses r join mc on mc.match_id = r.match_id
      cross join lateral (values ('meeting'), ('agreement'), ('stalled')) a(metric)
      where ((a.metric = 'meeting' and r.answer in ('met', 'agreement'))
          or (a.metric = 'agreement' and r.answer = 'agreement')
          or (a.metric = 'stalled' and r.answer = 'stalled'))
        and ${between(day('r.answered_at'))}
      union all
      select mc.cluster_id, 'nda', d.id, d.signed_on
      from ndas d join mc on mc.match_id = d.match_id
      where d.status in ('signed', 'expired') and d.signed_on is not null and ${between(sql`d.signed_on`)}
      union all
      select cluster_id, 'outcome:' || kind::text, id, occurred_on from outcomes_c
    )`;
}

type Counted = { cluster_id: string | null; metric: string; n: number | string };

/** The KPIs over the scope's clusters (`overall`, each thing once) and per cluster. */
export async function programmeKpis(db: Db, scope: KpiScope): Promise<ProgrammeKpis> {
  const result: ProgrammeKpis = { overall: emptyFigures(), byCluster: {} };
  if (!scope.clusterIds.length) return result;
  for (const id of scope.clusterIds) result.byCluster[id] = emptyFigures();
  const figuresOf = (clusterId: string | null) => (clusterId ? result.byCluster[clusterId] : result.overall);

  const counted = rowsOf<Counted>(
    await db.execute(sql`
      with ${scopeCte(scope)}, ${eventsCte(scope)}
      select cluster_id, metric, count(distinct entity)::int as n
      from events
      group by grouping sets ((cluster_id, metric), (metric))`),
  );
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

  const [orgs, medians, ventures, firms, funding] = await Promise.all([
    organisationCounts(db, scope),
    medianDays(db, scope),
    ventureCounts(db, scope),
    firmShares(db, scope),
    fundingApproved(db, scope),
  ]);
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
  return result;
}

/** Verified member organisations by kind (and in all), those that joined the portal by the period's end. */
async function organisationCounts(db: Db, scope: KpiScope) {
  return rowsOf<{ cluster_id: string | null; kind: OrganisationKind | null; n: number }>(
    await db.execute(sql`
      with ${scopeCte(scope)}
      select oc.cluster_id, o.kind, count(distinct o.id)::int as n
      from oc join organisations o on o.id = oc.organisation_id
      where o.verified and ${day('o.created_at')} <= ${scope.to}::date
      group by grouping sets ((oc.cluster_id, o.kind), (o.kind), (oc.cluster_id), ())`),
  );
}

/**
 * Lenders' approvals of funding proposals decided in the period, and the yen approved (each approval once in
 * the overall sum). A proposal built on an introduction counts as its match does (and so has the match's
 * domain); one made alone counts for its organisation's clusters, in no domain.
 */
async function fundingApproved(db: Db, scope: KpiScope) {
  const alone = scope.domain ? sql`false` : sql`true`;
  const decided = sql`${day('sh.decided_at')} between ${scope.from}::date and ${scope.to}::date`;
  return rowsOf<{ cluster_id: string | null; n: number; jpy: number | string | null }>(
    await db.execute(sql`
      with ${scopeCte(scope)},
      approved as (
        select sh.id, sh.approved_amount_jpy as jpy, mc.cluster_id
        from funding_shares sh join funding_proposals p on p.id = sh.proposal_id join mc on mc.match_id = p.match_id
        where sh.status = 'approved' and ${decided}
        union
        select sh.id, sh.approved_amount_jpy, oc.cluster_id
        from funding_shares sh join funding_proposals p on p.id = sh.proposal_id
        join oc on oc.organisation_id = p.organisation_id
        where sh.status = 'approved' and p.match_id is null and ${alone} and ${decided}
      )
      select cluster_id, count(*)::int as n, coalesce(sum(jpy), 0)::bigint as jpy from approved group by cluster_id
      union all
      select null, count(*)::int, coalesce(sum(jpy), 0)::bigint from (select distinct id, jpy from approved) once`),
  );
}

async function medianDays(db: Db, scope: KpiScope) {
  const days = sql.raw('extract(epoch from i.introduced_at - mc.created_at) / 86400.0');
  return rowsOf<{ cluster_id: string | null; days: number | string | null }>(
    await db.execute(sql`
      with ${scopeCte(scope)},
      introduced as (
        select mc.cluster_id, mc.match_id, ${days} as days
        from mc join match_introductions i on i.match_id = mc.match_id
        where i.introduced_at is not null
          and ${day('i.introduced_at')} between ${scope.from}::date and ${scope.to}::date
      )
      select cluster_id, percentile_cont(0.5) within group (order by days) as days from introduced group by cluster_id
      union all
      select null, percentile_cont(0.5) within group (order by days)
      from (select distinct match_id, days from introduced) once`),
  );
}

async function ventureCounts(db: Db, scope: KpiScope) {
  const domain = scope.domain ? sql`false` : sql`true`;
  return rowsOf<{ cluster_id: string | null; n: number }>(
    await db.execute(sql`
      with ${scopeCte(scope)},
      ventures as (
        select o.id, mc.cluster_id from match_outcomes o join mc on mc.match_id = o.match_id
        where o.kind = 'venture_founded' and o.occurred_on <= ${scope.to}::date
        union
        select o.id, oc.cluster_id from match_outcomes o join oc on oc.organisation_id = o.organisation_id
        where o.kind = 'venture_founded' and o.match_id is null and ${domain} and o.occurred_on <= ${scope.to}::date
      )
      select cluster_id, count(distinct id)::int as n from ventures group by grouping sets ((cluster_id), ())`),
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
  return rowsOf<{ cluster_id: string | null; firms: number } & Record<HeadlineKind, number>>(
    await db.execute(sql`
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
      group by grouping sets ((oc.cluster_id), ())`),
  );
}

/** Month by month over the scope (each thing once): the funnel's steps and the results recorded. */
export async function monthlyTrend(db: Db, scope: KpiScope): Promise<TrendPoint[]> {
  const months = monthsBetween(scope.from, scope.to);
  const points = new Map<string, TrendPoint>(
    months.map((month) => [
      month,
      { month, ...(Object.fromEntries(funnelSteps.map((s) => [s, 0])) as Record<FunnelStep, number>), results: 0 },
    ]),
  );
  if (!scope.clusterIds.length) return [...points.values()];
  const results = inList(resultOutcomeKinds.map((k) => `outcome:${k}`));
  const rows = rowsOf<{ month: string; metric: string; n: number }>(
    await db.execute(sql`
      with ${scopeCte(scope)}, ${eventsCte(scope)}
      select to_char(day, 'YYYY-MM') as month,
        case when metric in (${results}) then 'results' else metric end as metric,
        count(distinct entity)::int as n
      from events
      where metric in (${inList(funnelSteps)}) or metric in (${results})
      group by 1, 2`),
  );
  for (const row of rows) {
    const point = points.get(row.month);
    if (point) point[row.metric as FunnelStep | 'results'] = Number(row.n);
  }
  return [...points.values()];
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
