/**
 * Matching benchmark (issue 4): `npm run bench:match` against DATABASE_URL.
 *
 * For each corpus size (default 10,000 and 100,000 seeds, 20,000 needs) it
 *  1. generates listings with scripts/generate-listings.ts (--reset: replaces earlier
 *     generated rows only), then indexes every open listing (match documents + statistics);
 *  2. times top-10 for one need (rankForListing with reasons) over a sample: p50 / p95 / max;
 *  3. times a full re-match: top-10 + proposal upsert for every open need, BENCH_CONCURRENCY at once;
 *  4. reports peak memory of this process (sampled RSS and resourceUsage().maxRSS).
 * Use a database of its own: it writes 100k+ listings and engine proposals.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/cm_bench npm run bench:match
 *   env: BENCH_SIZES=10000,100000  BENCH_NEEDS=20000  BENCH_SAMPLE=300  BENCH_CONCURRENCY=2  BENCH_SKIP_GENERATE=1
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { closeDb, getDb } from '@/db';
import { rankForListing } from '@/lib/matching/retrieve';
import { upsertProposals } from '@/lib/matching/proposals';
import { indexListings, pruneIndex, rebuildCorpusStats, reweigh, rowsOf, type ListingKind } from '@/lib/matching/store';

if (!process.env.DATABASE_URL) {
  console.error('bench:match needs DATABASE_URL (a Postgres database of its own)');
  process.exit(2);
}
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 20_000);
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function openIds(kind: ListingKind): Promise<string[]> {
  const db = await getDb();
  const table = kind === 'need' ? sql`needs` : sql`seeds`;
  return rowsOf<{ id: string }>(await db.execute(sql`select id from ${table} where status = 'open' and expires_at > now() order by id`)).map((r) => r.id);
}

async function runPool<T>(items: T[], n: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

const results: Array<Record<string, string | number>> = [];

for (const size of SIZES) {
  console.log(`\n=== ${size} seeds, ${NEEDS} needs ===`);
  if (process.env.BENCH_SKIP_GENERATE !== '1') {
    const gen = spawnSync('npx', ['tsx', 'scripts/generate-listings.ts', '--reset', '--seeds', String(size), '--needs', String(NEEDS)], { stdio: 'inherit', env: process.env });
    if (gen.status !== 0) throw new Error('generator failed');
  }
  const db = await getDb();
  const t0 = performance.now();
  const counts: Record<string, number> = {};
  // bulk path: build the GIN indexes after loading (same definitions as migration 0007)
  await db.execute(sql`drop index if exists match_documents_seed_keys_idx`);
  await db.execute(sql`drop index if exists match_documents_need_keys_idx`);
  for (const kind of ['seed', 'need'] as const) {
    await pruneIndex(db, kind);
    const ids = await openIds(kind);
    counts[kind] = ids.length;
    await runPool(
      Array.from({ length: Math.ceil(ids.length / 500) }, (_, i) => ids.slice(i * 500, i * 500 + 500)),
      2,
      async (batch) => void (await indexListings(db, kind, batch)),
    );
    await rebuildCorpusStats(db, kind);
    await reweigh(db, kind, { all: true, batch: 1000 });
  }
  await db.execute(sql`create index if not exists match_documents_seed_keys_idx on match_documents using gin (keys) where kind = 'seed'`);
  await db.execute(sql`create index if not exists match_documents_need_keys_idx on match_documents using gin (keys) where kind = 'need'`);
  const indexSeconds = (performance.now() - t0) / 1000;
  const loadIndex = os.loadavg()[0];
  await db.execute(sql`analyze match_documents`);
  console.log(`indexed ${counts.seed} open seeds and ${counts.need} open needs in ${indexSeconds.toFixed(1)} s`);

  // top-10 for one need
  const needIds = await openIds('need');
  const sample = Array.from({ length: Math.min(SAMPLE, needIds.length) }, (_, i) => needIds[Math.floor((i * needIds.length) / Math.min(SAMPLE, needIds.length))]);
  for (const id of sample.slice(0, 20)) await rankForListing(db, 'need', id, 10); // warm-up
  const times: number[] = [];
  let empty = 0;
  for (const id of sample) {
    const s = performance.now();
    const r = await rankForListing(db, 'need', id, 10);
    times.push(performance.now() - s);
    if (!r.length) empty++;
  }
  times.sort((a, b) => a - b);
  const loadTop = os.loadavg()[0];
  const p50 = pct(times, 50);
  const p95 = pct(times, 95);
  console.log(`top-10 for one need (${times.length} needs): p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms; ${empty} with no candidates`);

  // full re-match of every need
  const t1 = performance.now();
  let proposals = 0;
  await runPool(needIds, CONCURRENCY, async (id) => {
    const ranked = await rankForListing(db, 'need', id, 10);
    proposals += (await upsertProposals(db, 'need', id, ranked)).inserted;
  });
  const rematchSeconds = (performance.now() - t1) / 1000;
  const loadRematch = os.loadavg()[0];
  console.log(`full re-match of ${needIds.length} needs (concurrency ${CONCURRENCY}): ${rematchSeconds.toFixed(1)} s, ${proposals} new proposals`);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  console.log(`memory: peak sampled RSS ${mb(peakRss)}, maxRSS ${mb(maxRss)}, heap used now ${mb(process.memoryUsage().heapUsed)}`);
  results.push({ seeds: counts.seed, needs: needIds.length, indexS: +indexSeconds.toFixed(1), p50Ms: +p50.toFixed(1), p95Ms: +p95.toFixed(1), rematchS: +rematchSeconds.toFixed(1), peakRssMb: Math.round(peakRss / 1048576), 'load(index/top/rematch)': [loadIndex, loadTop, loadRematch].map((x) => x.toFixed(1)).join('/') });
}

clearInterval(sampler);
console.log(`\nsummary (load = 1-min load average when each phase ended, ${os.cpus().length} cores; the machine is shared)`);
console.table(results);
if (results.length >= 2) {
  const [a, b] = [results[0], results[results.length - 1]];
  console.log(`p95 growth ×${(Number(b.p95Ms) / Number(a.p95Ms)).toFixed(2)} for ×${(Number(b.seeds) / Number(a.seeds)).toFixed(1)} seeds`);
}
console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
await closeDb();
