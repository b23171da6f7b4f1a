import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { analytic, inPeriod, type KpiScope, scopeCte } from './kpis';

// Fairness and coverage (issue 14 item 7): who gets introduced and who does not. The listings (needs and
// seeds) posted in the period in the chosen clusters, each once, grouped by its organisation's size (the stored
// employee band), its prefecture (the listing's, else its organisation's), its domain, its organisation's kind
// and its language: per group, how many were posted, matched (in any match, as the engine or a person
// proposed it) and introduced (in a match introduced, whenever), and the share introduced.

export const fairnessDimensions = ['size', 'prefecture', 'domain', 'kind', 'language'] as const;
export type FairnessDimension = (typeof fairnessDimensions)[number];

/**
 * A group is flagged when its introduction rate is below this share of the overall rate, and it is not too
 * small to tell (FAIRNESS_MIN_POSTED listings at least): well below, not a rounding of a few listings.
 */
export const FAIRNESS_FLAG_RATIO = 0.5;
export const FAIRNESS_MIN_POSTED = 3;

type Counts = { posted: number; matched: number; introduced: number };
export type FairnessGroup = Counts & {
  /** The group's value (an employee band, a prefecture, a domain, an organisation kind, a language); '' unknown. */
  key: string;
  /** introduced / posted. */
  rate: number;
  /** Well below the overall rate (see FAIRNESS_FLAG_RATIO). */
  flagged: boolean;
};
export type FairnessReport = {
  overall: Counts & { rate: number | null };
  dimensions: Record<FairnessDimension, FairnessGroup[]>;
};

type Row = { dimension: FairnessDimension | null; key: string | null } & Record<keyof Counts, number | string>;

/** The fairness report over the scope (each listing once, whatever its clusters). */
export async function fairnessReport(db: Db, scope: KpiScope): Promise<FairnessReport> {
  const dimensions: Record<FairnessDimension, FairnessGroup[]> = {
    size: [],
    prefecture: [],
    domain: [],
    kind: [],
    language: [],
  };
  const empty: FairnessReport = { overall: { posted: 0, matched: 0, introduced: 0, rate: null }, dimensions };
  if (!scope.clusterIds.length) return empty;
  const domain = (alias: string) => (scope.domain ? sql`and ${sql.raw(alias)}.domain = ${scope.domain}` : sql``);
  // Each listing once (its organisation in any chosen cluster: a semi-join, no de-duplication), its fate, then
  // counted by the five dimensions together before being spread over each of them.
  const rows = await analytic<Row>(
    db,
    sql`
      with ${scopeCte(scope)},
      -- each matched listing once, and whether one of its matches was introduced: one pass over the matches,
      -- hashed, where probing the matches for each listing took seconds at 100,000 listings
      need_links as (
        select m.need_id as id, bool_or(i.introduced_at is not null) as introduced
        from matches m left join match_introductions i on i.match_id = m.id
        where m.need_id is not null
        group by m.need_id
      ),
      seed_links as (
        select m.seed_id as id, bool_or(i.introduced_at is not null) as introduced
        from matches m left join match_introductions i on i.match_id = m.id
        where m.seed_id is not null
        group by m.seed_id
      ),
      listed as (
        select n.domain::text as domain, n.language::text as language, n.prefecture, n.organisation_id,
          k.id is not null as matched, coalesce(k.introduced, false) as introduced
        from needs n left join need_links k on k.id = n.id
        where n.organisation_id in (select organisation_id from oc) ${domain('n')} and ${inPeriod('n.published_at', scope)}
        union all
        select s.domain::text, s.language::text, s.prefecture, s.organisation_id,
          k.id is not null, coalesce(k.introduced, false)
        from seeds s left join seed_links k on k.id = s.id
        where s.organisation_id in (select organisation_id from oc) ${domain('s')} and ${inPeriod('s.published_at', scope)}
      ),
      fates as (
        select l.domain, l.language, o.kind::text as org_kind, coalesce(o.employee_band::text, '') as band,
          coalesce(l.prefecture, o.prefecture, '') as pref, l.matched, l.introduced
        from listed l join organisations o on o.id = l.organisation_id
      ),
      groups as (
        select band, pref, domain, org_kind, language, count(*) as posted,
          count(*) filter (where matched) as matched, count(*) filter (where introduced) as introduced
        from fates group by 1, 2, 3, 4, 5
      )
      select d.dimension, d.key, sum(posted)::int as posted, sum(matched)::int as matched,
        sum(introduced)::int as introduced
      from groups cross join lateral (values
        ('size', band), ('prefecture', pref), ('domain', domain), ('kind', org_kind), ('language', language)
      ) d(dimension, key)
      group by d.dimension, d.key
      union all
      select null, null, coalesce(sum(posted), 0)::int, coalesce(sum(matched), 0)::int,
        coalesce(sum(introduced), 0)::int
      from groups`,
  );
  const counts = (r: Row): Counts => ({
    posted: Number(r.posted),
    matched: Number(r.matched),
    introduced: Number(r.introduced),
  });
  const total = rows.find((r) => r.dimension === null);
  const overall = total ? counts(total) : empty.overall;
  const overallRate = overall.posted ? overall.introduced / overall.posted : null;
  for (const r of rows) {
    if (!r.dimension) continue;
    const c = counts(r);
    const rate = c.posted ? c.introduced / c.posted : 0;
    dimensions[r.dimension].push({
      key: r.key ?? '',
      ...c,
      rate,
      flagged: overallRate !== null && c.posted >= FAIRNESS_MIN_POSTED && rate < overallRate * FAIRNESS_FLAG_RATIO,
    });
  }
  // largest groups first; the unknown last
  for (const groups of Object.values(dimensions))
    groups.sort(
      (a, b) => Number(a.key === '') - Number(b.key === '') || b.posted - a.posted || a.key.localeCompare(b.key),
    );
  return { overall: { ...overall, rate: overallRate }, dimensions };
}
