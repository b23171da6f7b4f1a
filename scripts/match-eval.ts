/**
 * Evaluation of the portal's matching, end to end through the database, on every labelled set:
 *
 *   npm run match:eval [-- --dataset <file.json> [--dataset <file.json> …]] [--out-dir <dir>] [--per-need] [--keep]
 *
 * Without --dataset it runs the shared development set (DEV_SET, where this machine has it) and
 * the project's own set on other topics (scripts/match-eval-data/topics-2.json), and ends with
 * the two side by side: a change that raises one and lowers the other is overfitting.
 *
 * Each set runs in a child process with a FRESH embedded database in a temporary folder: the
 * set is loaded (format of shared/data/match-eval-dev.json) through the import path
 * (lib/import/dataset.ts), the match documents are built, seeds are ranked for every need with
 * the database-backed engine, `{"<needId>": [seedId, … up to 10]}` is written to
 * <out-dir>/<set>.run.json, and nDCG@10 / R@10(g2) / MRR are printed overall and by language,
 * beside two baselines: plain TF-IDF (lib/matching/baseline.ts) and Postgres `ts_rank` over the
 * listings' search text, with the agreement with the in-memory engine.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { GroupMetrics } from '@/lib/matching/metrics';

/** The shared development set, where this machine has it (it lives outside the repository). */
const DEV_SET = '/work/shared/data/match-eval-dev.json';
/** The project's own labelled set, on topics the development set does not cover. */
const OWN_SET = path.join(import.meta.dirname, 'match-eval-data', 'topics-2.json');

function args(name: string): string[] {
  return process.argv.flatMap((a, i) => (a === name && process.argv[i + 1] ? [process.argv[i + 1]] : []));
}
const flag = (name: string) => process.argv.includes(name);

const K = 10;
const given = args('--dataset');
const datasets = given.length ? given : [DEV_SET, OWN_SET].filter((p) => fs.existsSync(p));
const outDir = args('--out-dir')[0] ?? os.tmpdir();
fs.mkdirSync(outDir, { recursive: true });

const single = args('--single')[0];
if (!single) {
  // the parent: one child process per set (the database handle and settings are per process)
  if (!datasets.length) {
    console.error('no labelled set found; usage: npm run match:eval -- --dataset <file.json> [--dataset …]');
    process.exit(2);
  }
  const results: Array<[string, Record<string, GroupMetrics>]> = [];
  for (const d of datasets) {
    const groupsOut = path.join(os.tmpdir(), `cm-match-eval-${process.pid}-${results.length}.json`);
    const passOn = process.argv.slice(2).filter((a, i, all) => a !== '--dataset' && all[i - 1] !== '--dataset');
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, process.argv[1], ...passOn, '--single', d, '--groups-out', groupsOut],
      { stdio: 'inherit' },
    );
    if (child.status !== 0) process.exit(child.status ?? 1);
    results.push([path.basename(d, '.json'), JSON.parse(fs.readFileSync(groupsOut, 'utf8'))]);
    fs.rmSync(groupsOut, { force: true });
  }
  const f = (g: GroupMetrics | undefined, x: keyof GroupMetrics) => (g ? g[x].toFixed(3) : '-');
  console.log('\nSIDE BY SIDE (engine)          nDCG@10                 R@10(g2)                MRR(g2)');
  console.log(`${'set'.padEnd(22)}  overall     ja     en   overall     ja     en   overall     ja     en`);
  for (const [name, g] of results) {
    const cols = (['ndcg10', 'recall10g2', 'mrr'] as const).map((x) =>
      [g.overall, g.ja, g.en].map((grp) => f(grp, x).padStart(7)).join(''),
    );
    console.log(`${name.padEnd(22)}  ${cols.join('  ')}`);
  }
  process.exit(0);
}

// The child: one set, in a fresh embedded database, whatever the environment says.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-match-eval-'));
delete process.env.DATABASE_URL;
process.env.PGLITE_DIR = path.join(root, 'db');

const { getDb, closeDb } = await import('@/db');
const { parseDataset, importDataset } = await import('@/lib/import/dataset');
const { indexListings, rebuildCorpusStats, reweigh } = await import('@/lib/matching/store');
const { rowsOf } = await import('@/db/rows');
const { rankForListing } = await import('@/lib/matching/retrieve');
const { buildIndex, rankSeedsForNeed } = await import('@/lib/matching/engine');
const { evaluateRun, formatGroups } = await import('@/lib/matching/metrics');
const { tfidfBaselineRun } = await import('@/lib/matching/baseline');
const { buildSearchText } = await import('@/lib/listings/search-text');

async function evaluate(datasetPath: string): Promise<Record<string, GroupMetrics>> {
  const name = path.basename(datasetPath, '.json');
  const outPath = path.join(outDir, `${name}.run.json`);
  const data = parseDataset(JSON.parse(fs.readFileSync(datasetPath, 'utf8')));
  console.log(
    `\n=== ${name}: ${data.needs.length} needs, ${data.seeds.length} seeds, ${data.judgments.length} judgments`,
  );
  const db = await getDb();
  const t0 = performance.now();
  const imported = await importDataset(db, data, { label: 'eval' });
  const t1 = performance.now();
  for (const [kind, ids] of [
    ['need', [...imported.needIds.values()]],
    ['seed', [...imported.seedIds.values()]],
  ] as const) {
    for (let i = 0; i < ids.length; i += 500) await indexListings(db, kind, ids.slice(i, i + 500));
    await rebuildCorpusStats(db, kind);
    await reweigh(db, kind, { all: true });
  }
  const t2 = performance.now();
  const seedDatasetId = new Map([...imported.seedIds].map(([ext, id]) => [id, ext]));

  const run: Record<string, string[]> = {};
  const times: number[] = [];
  for (const need of data.needs) {
    const s = performance.now();
    const ranked = await rankForListing(db, 'need', imported.needIds.get(need.id)!, K, { withReasons: false });
    times.push(performance.now() - s);
    run[need.id] = ranked.map((m) => seedDatasetId.get(m.id)!).filter(Boolean);
  }
  const t3 = performance.now();
  fs.writeFileSync(outPath, JSON.stringify(run, null, 1));
  times.sort((a, b) => a - b);
  console.log(
    `import ${(t1 - t0).toFixed(0)} ms, index ${(t2 - t1).toFixed(0)} ms, ranking ${(t3 - t2).toFixed(0)} ms ` +
      `(p50 ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms per need); run written to ${outPath}\n`,
  );

  const needsMeta = data.needs.map((n) => ({ id: n.id, lang: n.lang }));
  const engine = evaluateRun(needsMeta, data.judgments, run);
  console.log('ENGINE (database-backed retrieval + re-ranking)');
  console.log(formatGroups(engine.groups));
  if (flag('--per-need'))
    for (const r of engine.perNeed)
      console.log(`${r.needId} ${r.lang} ndcg=${r.ndcg.toFixed(3)} r=${r.recall.toFixed(2)} mrr=${r.mrr.toFixed(2)}`);

  const toText = (x: (typeof data.needs)[number] | (typeof data.seeds)[number]) => ({ ...x, region: x.region ?? null });
  const tfidf = evaluateRun(
    needsMeta,
    data.judgments,
    tfidfBaselineRun(data.needs.map(toText), data.seeds.map(toText), K),
  );
  console.log('\nBASELINE TF-IDF (English words + Japanese character bigrams)');
  console.log(formatGroups(tfidf.groups));

  // Postgres ts_rank alone: the need's search text as an OR query over the seeds' search text.
  const tsRun: Record<string, string[]> = {};
  for (const need of data.needs) {
    const words = [
      ...new Set(
        buildSearchText({ title: need.title, summary: need.summary, keywords: need.keywords })
          .split(' ')
          .filter(Boolean),
      ),
    ];
    if (!words.length) {
      tsRun[need.id] = [];
      continue;
    }
    const rows = rowsOf<{ id: string }>(
      await db.execute(sql`
        with q as (select websearch_to_tsquery('simple', ${words.join(' or ')}) as q)
        select s.id from seeds s, q
        where s.status = 'open' and to_tsvector('simple', s.search_text) @@ q.q
        order by ts_rank(to_tsvector('simple', s.search_text), q.q) desc, s.id limit ${K}`),
    );
    tsRun[need.id] = rows.map((r) => seedDatasetId.get(r.id)!).filter(Boolean);
  }
  const tsRank = evaluateRun(needsMeta, data.judgments, tsRun);
  console.log("\nBASELINE Postgres ts_rank (simple config, OR of the need's search terms)");
  console.log(formatGroups(tsRank.groups));

  // Agreement with the in-memory engine on the same data.
  const index = buildIndex(data.seeds.map(toText));
  let same = 0;
  let overlap = 0;
  const memRun: Record<string, string[]> = {};
  for (const need of data.needs) {
    const mem = rankSeedsForNeed(toText(need), index, K, { withReasons: false }).map((m) => m.id);
    memRun[need.id] = mem;
    const got = run[need.id] ?? [];
    if (mem.join() === got.join()) same++;
    overlap += mem.length ? mem.filter((id) => got.includes(id)).length / mem.length : got.length ? 0 : 1;
  }
  const mem = evaluateRun(needsMeta, data.judgments, memRun);
  console.log(`\nIN-MEMORY ENGINE (reference): nDCG@10 overall ${mem.groups.overall.ndcg10.toFixed(3)}`);
  console.log(
    `agreement with the in-memory engine: identical top-10 for ${same}/${data.needs.length} needs, mean overlap@10 ${(overlap / Math.max(1, data.needs.length)).toFixed(3)}`,
  );
  return engine.groups;
}

try {
  const groups = await evaluate(single);
  fs.writeFileSync(args('--groups-out')[0] ?? path.join(root, 'groups.json'), JSON.stringify(groups));
} finally {
  await closeDb();
  if (!flag('--keep')) fs.rmSync(root, { recursive: true, force: true });
  else console.log(`database kept in ${root}`);
}
