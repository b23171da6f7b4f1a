import 'server-only';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { coordinatorClusters, organisationClusters, organisations } from '@/db/schema/accounts';
import { rowsOf } from '@/db/rows';
import type { Viewer } from '@/lib/auth/policy';
import { surveyInnovationKinds, surveyInnovations, type SurveyInnovation } from '@/db/vocabulary/programme';
import type { RecordedInnovation } from './rules';

// Who the survey concerns: the clusters whose rounds the office runs, the organisations that answer, and
// the outcomes the portal recorded for them.

/** The clusters whose rounds the viewer runs, as a condition on a cluster id column: the office all, a coordinator theirs. */
export function runsSurveysOf(viewer: Viewer, clusterId: AnyColumn | string): SQL {
  if (viewer.role === 'admin') return sql`true`;
  if (viewer.role !== 'coordinator') return sql`false`;
  return sql`exists (select 1 from ${coordinatorClusters} where ${coordinatorClusters.userId} = ${viewer.userId} and ${coordinatorClusters.clusterId} = ${clusterId})`;
}

/**
 * The organisations asked in a cluster's rounds: its verified participants, but not support organisations
 * (the coordinators', who run the survey).
 */
export function participantsOf(clusterId: AnyColumn | string): SQL {
  return sql`select ${organisationClusters.organisationId} from ${organisationClusters}
    join ${organisations} on ${organisations.id} = ${organisationClusters.organisationId}
    where ${organisationClusters.clusterId} = ${clusterId} and ${organisations.verified}
      and ${organisations.kind} <> 'support_org'`;
}

/**
 * Outcomes of the innovation kinds recorded up to `until` for each organisation: credited to it, or
 * reached by an introduction it is a party of (as the KPIs' headline shares count them).
 */
export async function recordedInnovation(
  db: Db,
  organisationIds: string[],
  until: string,
): Promise<Map<string, RecordedInnovation>> {
  const out = new Map<string, RecordedInnovation>(
    organisationIds.map((id) => [id, Object.fromEntries(surveyInnovations.map((i) => [i, 0])) as RecordedInnovation]),
  );
  if (!organisationIds.length) return out;
  const ids = sql.join(
    organisationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const kinds = sql.join(
    surveyInnovations.map((i) => sql`${surveyInnovationKinds[i]}`),
    sql`, `,
  );
  const rows = rowsOf<{ organisation_id: string; kind: string; n: number | string }>(
    await db.execute(sql`
      select p.organisation_id, o.kind::text as kind, count(distinct o.id)::int as n
      from match_outcomes o
      left join matches m on m.id = o.match_id
      left join needs n on n.id = m.need_id
      left join seeds s on s.id = m.seed_id
      cross join lateral (values (o.organisation_id), (n.organisation_id), (s.organisation_id), (m.requester_organisation_id)) p(organisation_id)
      where p.organisation_id in (${ids}) and o.kind::text in (${kinds}) and o.occurred_on <= ${until}::date
      group by 1, 2`),
  );
  const itemOf = new Map<string, SurveyInnovation>(surveyInnovations.map((i) => [surveyInnovationKinds[i], i]));
  for (const row of rows) {
    const counts = out.get(row.organisation_id);
    const item = itemOf.get(row.kind);
    if (counts && item) counts[item] = Number(row.n);
  }
  return out;
}
