/**
 * Evaluation of the portal's matching, end to end through the database:
 *
 *   npm run match:eval -- --dataset <file.json> --out <run.json> [--per-need] [--keep]
 *
 * Loads the dataset (format of shared/data/match-eval-dev.json) into a FRESH embedded
 * database in a temporary folder through the import path (lib/import/dataset.ts), builds the
 * match documents, ranks seeds for every need with the database-backed engine, writes
 * `{"<needId>": [seedId, … up to 10]}`, and prints nDCG@10 / R@10(g2) / MRR overall and by
 * language, beside two baselines: plain TF-IDF (lib/matching/baseline.ts) and Postgres
 * `ts_rank` over the listings' search text. Also reports agreement with the in-memory engine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(name);

const datasetPath = arg('--dataset');
const outPath = arg('--out') ?? path.join(os.tmpdir(), 'match-run.json');
const K = 10;
if (!datasetPath) {
  console.error('usage: npm run match:eval -- --dataset <file.json> --out <run.json>');
  process.exit(2);
}

// A fresh embedded database, whatever the environment says.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-match-eval-'));
delete process.env.DATABASE_URL;
process.env.PGLITE_DIR = path.join(dir, 'db');

const { getDb, closeDb } = await import('@/db');
const { parseDataset, importDataset } = await import('@/lib/import/dataset');
const { indexListings, rebuildCorpusStats, reweigh, rowsOf } = await import('@/lib/matching/store');
const { rankForListing } = await import('@/lib/matching/retrieve');
const { buildIndex, rankSeedsForNeed } = await import('@/lib/matching/engine');
const { evaluateRun, formatGroups } = await import('@/lib/matching/metrics');
const { tfidfBaselineRun } = await import('@/lib/matching/baseline');
const { buildSearchText } = await import('@/lib/listings/search-text');

try {
  const data = parseDataset(JSON.parse(fs.readFileSync(datasetPath, 'utf8')));
  console.log(`dataset: ${data.needs.length} needs, ${data.seeds.length} seeds, ${data.judgments.length} judgments`);
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
} finally {
  await closeDb();
  if (!flag('--keep')) fs.rmSync(dir, { recursive: true, force: true });
  else console.log(`database kept in ${dir}`);
}
