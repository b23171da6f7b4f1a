/**
 * The programme dashboard's server time (issue 14, performance): `npm run bench:programme`.
 * Target p95 ≤ 300 ms with 100,000 seeds, 20,000 needs, 50,000 matches and 5,000 outcomes on Postgres.
 *
 *   DATABASE_URL=postgres://…/cm_bench npx tsx scripts/generate-listings.ts --seeds 100000 --needs 20000
 *   DATABASE_URL=postgres://…/cm_bench npm run bench:programme -- --matches 50000 --outcomes 5000
 *
 * Adds generated matches once (marked reasons = ["bench"]; --reset replaces them and their rows), half of
 * them approved, most of those introduced, and outcomes of every kind on introduced ones, spread over the
 * last year; then times what the page computes (every KPI and the monthly trend, as lib/programme/dashboard
 * does) for the office (every cluster) and for one cluster, BENCH_RUNS times each, one at a time, and prints
 * p50/p95, the load average and a floor measured between the runs (a round trip, and counting 200,000 generated
 * rows). "One cluster" is the one with the most matches. Run it again with --matches 500000 --reset to see how it
 * scales at 10×.
 *
 * Measured 5 December 2026 on the shared 2-core machine (the floor says how loaded; unloaded, counting 200,000
 * rows takes a few ms). Three stages: deriving the attribution per query; stored (match_attribution, 0027);
 * then cluster-set numbers (cluster_sets, 0028), KPIs and trend from one pass, month buckets by date_trunc.
 *   before 0027, 50,000 matches, load 11: office p50 5.2 s; one cluster 1.9 s
 *   0027, 50,000 matches, load 34-36, floor (count 200k) p50 112 ms: office p50 1.76 s, p95 2.79 s; one cluster
 *     (6,236 matches) p50 0.58 s, p95 1.13 s
 *   0027, 500,000 matches, load 22-37, floor 105 ms: office p50 16.2 s, p95 25.8 s; one cluster p50 3.0 s, p95 4.5 s
 *   0028, 50,000 matches, 15 runs, load 21-31, floor p50 138 ms: office p50 2.1 s, p95 4.3 s; one cluster (6,213)
 *     p50 0.80 s, p95 1.56 s; fairness page p50 3.4 s, p95 4.6 s (5.3-5.7 s before)
 *   0028, 500,000 matches, 5 runs, load 13-17, floor p50 112 ms: office p50 10.3 s, p95 12.0 s; one cluster
 *     (61,904) p50 6.1 s, p95 7.0 s; fairness page p50 6.2 s, p95 7.3 s
 * Database CPU (utime+stime of the backend, each query run alone in psql, load ~30) at 50,000 matches: the
 * counting query 250-420 ms, the median 90-140 ms, the four others 10-30 ms each; fairness 380-620 ms.
 * Still linear in the rows of the period: every approval, introduction, proposal and listing of the period is
 * read, joined to its match's set and grouped. Per-day pre-aggregates do not shrink that here (50,000 matches
 * fall into 45,645 (set, domain, day) cells; per month 9,635, at 10x 10,931), so the next step is per-month
 * aggregates for the whole months of a period, with the edge days read row by row.
 *   0029 (stored counts: kpi_month_counts per month, metric, set and domain, kept by triggers, whole months read
 *     there and the edge days from kpi_match_facts / kpi_organisation_facts; the median from the introductions'
 *     facts), 50,000 matches (35,791 monthly rows), 10 runs each, back to back on one database, load 11.6-14.7:
 *     before (main) office p50 803 ms, p95 1,266 ms; one cluster p50 437 ms, p95 664 ms (floor p50 64 ms)
 *     after office p50 203 / 290 ms, p95 700 / 523 ms; one cluster p50 68 / 69 ms, p95 146 / 101 ms (floor p50 94 /
 *     85 ms)
 *   0029, 499,941 matches (10x; 45,198 monthly rows, +26%), 5 runs each back to back, load 19-25: before office p50
 *     10.6 s, p95 14.7 s; one cluster (61,953) p50 5.3 s, p95 6.8 s (floor p50 131 ms). After: office p50 3.2 s, p95
 *     4.3 s; one cluster p50 0.64 s, p95 1.06 s (floor p50 150 ms). What still grows with the matches is the median
 *     days to introduction (every introduction of the period sorted, per cluster: 3.4-5.4 s of the office's time at
 *     10x, 0.3-0.6 s at 1x); the counts themselves read the monthly rows.
 *   Quiet machine (load ~1), 5 December 2026, floor (count 200k) p50 20-29 ms. 50,000 matches (100,027 seeds,
 *     20,023 needs, 5,023 outcomes, 22 clusters), 20 runs each: office p50 75 / 65 ms, p95 147 / 109 ms; one
 *     cluster p50 18 ms, p95 22-25 ms; fairness page p50 305 ms, p95 451 ms, then with the listings read from
 *     the published-date index alone (0030) p50 176 / 218 ms, p95 269 / 249 ms. 10x (500,000 matches, --reset),
 *     10 runs: office p50 546 ms, p95 779 ms (the median days to introduction); one cluster (61,634) p50 61 ms,
 *     p95 77 ms; fairness p50 1,087 ms, p95 1,169 ms (it groups every match's listings).
 */
import os, { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { closeDb, getDb } from '@/db';
import { clusters } from '@/db/schema/accounts';
import { rowsOf } from '@/db/rows';
import { fairnessReport } from '@/lib/programme/fairness';
import { type KpiScope, kpisAndTrend } from '@/lib/programme/kpis';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const MATCHES = arg('matches', 50_000);
const OUTCOMES = arg('outcomes', 5_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

const db = await getDb();
const count = async (table: string) =>
  Number(rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0].n);

const existing = Number(
  rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from matches where reasons = '["bench"]'`))[0].n,
);
if (process.argv.includes('--reset') || existing === 0) {
  console.log(`generating ${MATCHES} matches and ${OUTCOMES} outcomes…`);
  await db.execute(sql`delete from matches where reasons = '["bench"]'`);
  await db.execute(sql`
    with n as (select array_agg(id) as a from needs), s as (select array_agg(id) as a from seeds)
    insert into matches (kind, need_id, seed_id, score, status, reasons, created_at)
    select 'manual', n.a[1 + floor(random() * array_length(n.a, 1))::int], s.a[1 + floor(random() * array_length(s.a, 1))::int],
      0.5, 'proposed', '["bench"]', now() - random() * interval '365 days'
    from generate_series(1, ${MATCHES}), n, s
    on conflict do nothing`);
  await db.execute(sql`
    insert into match_events (match_id, type, actor_role, from_status, to_status, created_at)
    select id, 'approve', 'coordinator', 'proposed', 'approved', created_at + interval '3 days'
    from matches where reasons = '["bench"]' and random() < 0.5`);
  await db.execute(sql`
    insert into match_introductions (match_id, need_response, seed_response, introduced_at)
    select e.match_id, 'accepted', 'accepted', e.created_at + random() * interval '20 days'
    from match_events e join matches m on m.id = e.match_id
    where m.reasons = '["bench"]' and e.type = 'approve' and random() < 0.8`);
  await db.execute(sql`
    insert into match_outcomes (match_id, kind, occurred_on, recorded_by)
    select i.match_id, (enum_range(null::outcome_kind))[1 + floor(random() * 11)::int],
      (i.introduced_at + random() * interval '60 days')::date, (select id from users limit 1)
    from match_introductions i join matches m on m.id = i.match_id
    where m.reasons = '["bench"]' order by random() limit ${OUTCOMES}`);
  await db.execute(sql`vacuum analyze`);
}
console.log(
  `data: ${await count('seeds')} seeds, ${await count('needs')} needs, ${await count('matches')} matches, ${await count('match_outcomes')} outcomes, ${await count('clusters')} clusters`,
);

const today = new Date();
const to = today.toISOString().slice(0, 10); // the period's last day; the figures need no reader's zone
const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1)).toISOString().slice(0, 10);
const all = (await db.select({ id: clusters.id }).from(clusters)).map((c) => c.id);
// "one cluster": the one with the most matches attributed to it (the slowest single cluster)
const [busiest] = rowsOf<{ id: string; n: number }>(
  await db.execute(sql`
    select c.id, count(*)::int as n
    from match_attribution a join cluster_sets s on s.id = a.set_id cross join unnest(s.cluster_ids) c(id)
    group by c.id order by 2 desc limit 1`),
);

const percentiles = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95) };
};
// The floor, measured between the dashboard's runs: a round trip (select 1), and a fixed piece of work for the
// database's CPU (counting 200,000 generated rows), so that a slow run can be told from a loaded machine.
const floor = { trip: [] as number[], work: [] as number[] };
async function measureFloor() {
  let start = performance.now();
  await db.execute(sql`select 1`);
  floor.trip.push(performance.now() - start);
  start = performance.now();
  await db.execute(sql`select count(*) from generate_series(1, 200000)`);
  floor.work.push(performance.now() - start);
}

/** What the dashboard computes for a scope (lib/programme/dashboard.ts, without a plan's targets). */
const dashboard = (scope: KpiScope) => kpisAndTrend(db, scope, scope.from);

async function time(label: string, scope: KpiScope, page: (scope: KpiScope) => Promise<unknown> = dashboard) {
  const ms: number[] = [];
  const loads: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await page(scope);
    ms.push(performance.now() - start);
    loads.push(loadavg()[0]);
    await measureFloor();
  }
  const { p50, p95 } = percentiles(ms);
  console.log(
    `${label}: p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms over ${RUNS} runs (load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)})`,
  );
}

await time(`office, ${all.length} clusters`, { clusterIds: all, from, to });
await time(`one cluster (${busiest?.n ?? 0} matches)`, {
  clusterIds: busiest ? [busiest.id] : all.slice(0, 1),
  from,
  to,
});
await time('fairness page, office', { clusterIds: all, from, to }, (scope) => fairnessReport(db, scope));
const trip = percentiles(floor.trip);
const work = percentiles(floor.work);
console.log(
  `floor, same run: select 1 p50 ${trip.p50.toFixed(1)} ms, p95 ${trip.p95.toFixed(1)} ms; counting 200,000 rows p50 ${work.p50.toFixed(0)} ms, p95 ${work.p95.toFixed(0)} ms (${os.cpus().length} cores)`,
);
await closeDb();
