/**
 * Offline evaluation of the matching engine on a labelled dataset.
 *
 *   npx tsx scripts/match-eval-offline.ts --dataset /work/shared/data/match-eval-dev.json --out /tmp/run.json [--per-need] [--split]
 *
 * Runs the engine for every need (top 10), writes the run file, prints nDCG@10, R@10(g2)
 * and MRR overall and per language (lib/matching/metrics.ts, same definitions as
 * score-eval.mjs), compared with a plain TF-IDF baseline. --split also evaluates the two
 * halves of the needs (even / odd positions) separately. --thresholds prints, per score
 * cut-off, the precision of the proposals above it (share graded 1 or 2) and the recall of the
 * grade-2 pairs (how lib/matching/weights.ts PROPOSAL_SETTINGS.minScore was chosen), and beside
 * them the honesty check: each need ranked again with its relevant seeds (graded 1 or 2) taken
 * out of the corpus — a need nobody answers — and how many of those matches still score at or
 * above the cut-off (none of them is a right answer, so a scoring change that raises this count
 * inflates weak matches). --answers-removed prints that check alone for the proposal cut-off.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildIndex, rankSeedsForNeed } from '../lib/matching/engine';
import { evaluateRun, formatGroups, type Judgment, type Run } from '../lib/matching/metrics';
import { tfidfBaselineRun } from '../lib/matching/baseline';
import { getGlossary } from '../lib/matching/glossary';
import { PROPOSAL_SETTINGS } from '../lib/matching/weights';
import type { NeedInput, SeedInput } from '../lib/matching/types';

interface Dataset {
  needs: NeedInput[];
  seeds: SeedInput[];
  judgments: Judgment[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(name);

const datasetPath = arg('--dataset') ?? '/work/shared/data/match-eval-dev.json';
const outPath = arg('--out') ?? '/tmp/match-run.json';
const k = Number(arg('--k') ?? 10);
const data = JSON.parse(readFileSync(datasetPath, 'utf8')) as Dataset;

const g = getGlossary();
if (g.problems.length)
  console.error(`glossary: ${g.problems.length} problem(s), e.g. ${g.problems.slice(0, 3).join('; ')}`);
console.log(`glossary: ${g.entries.size} concepts; dataset: ${data.needs.length} needs, ${data.seeds.length} seeds`);

const t0 = performance.now();
const index = buildIndex(data.seeds);
const t1 = performance.now();
const run: Run = {};
const scored: Array<{ needId: string; seedId: string; score: number }> = [];
for (const need of data.needs) {
  const ranked = rankSeedsForNeed(need, index, k, { withReasons: false });
  run[need.id] = ranked.map((m) => m.id);
  for (const m of ranked) scored.push({ needId: need.id, seedId: m.id, score: m.score });
}
const t2 = performance.now();
writeFileSync(outPath, JSON.stringify(run, null, 1));
console.log(`index ${(t1 - t0).toFixed(0)} ms, ranking ${(t2 - t1).toFixed(0)} ms; run written to ${outPath}\n`);

const engine = evaluateRun(data.needs, data.judgments, run);
console.log('ENGINE');
console.log(formatGroups(engine.groups));
if (flag('--per-need')) {
  for (const r of engine.perNeed)
    console.log(`${r.needId} ${r.lang} ndcg=${r.ndcg.toFixed(3)} r=${r.recall.toFixed(2)} mrr=${r.mrr.toFixed(2)}`);
}

const base = evaluateRun(data.needs, data.judgments, tfidfBaselineRun(data.needs, data.seeds, k));
console.log('\nBASELINE (TF-IDF, English words + Japanese bigrams)');
console.log(formatGroups(base.groups));

/** Top-k scores of every need ranked over the corpus without its relevant seeds. */
function answersRemovedScores(): number[][] {
  return data.needs.map((need) => {
    const relevant = new Set(data.judgments.filter((j) => j.needId === need.id && j.grade >= 1).map((j) => j.seedId));
    const others = buildIndex(data.seeds.filter((s) => !relevant.has(s.id)));
    return rankSeedsForNeed(need, others, k, { withReasons: false }).map((m) => m.score);
  });
}
const removed = flag('--thresholds') || flag('--answers-removed') ? answersRemovedScores() : [];

if (flag('--answers-removed')) {
  const cut = PROPOSAL_SETTINGS.minScore;
  const above = removed.map((scores) => scores.filter((x) => x >= cut).length);
  const tops = removed.map((scores) => scores[0] ?? 0).sort((a, b) => a - b);
  console.log(
    `\nANSWERS REMOVED (each need's relevant seeds out of the corpus), cut-off ${cut}: ` +
      `${above.reduce((a, b) => a + b, 0)} matches at or above it, for ${above.filter((n) => n > 0).length} of ` +
      `${data.needs.length} needs; median top score ${tops[Math.floor(tops.length / 2)].toFixed(3)}`,
  );
}

if (flag('--thresholds')) {
  const grade = new Map(data.judgments.map((j) => [`${j.needId} ${j.seedId}`, j.grade]));
  const g2 = data.judgments.filter((j) => j.grade === 2).length;
  console.log(
    '\nTHRESHOLDS (top-10 per need)  cut-off  proposals  precision(g>=1)  precision(g2)  recall(g2)  answers removed: above',
  );
  const removedFlat = removed.flat();
  for (let t = 0.1; t <= 0.401; t += 0.025) {
    const above = scored.filter((x) => x.score >= t);
    const rel = above.filter((x) => (grade.get(`${x.needId} ${x.seedId}`) ?? 0) >= 1).length;
    const two = above.filter((x) => grade.get(`${x.needId} ${x.seedId}`) === 2).length;
    const f = (x: number) => x.toFixed(3).padStart(8);
    console.log(
      `${''.padEnd(30)}${t.toFixed(3).padStart(7)}  ${String(above.length).padStart(9)}  ${f(above.length ? rel / above.length : 0)}        ${f(above.length ? two / above.length : 0)}      ${f(g2 ? two / g2 : 0)}  ${String(removedFlat.filter((x) => x >= t).length).padStart(22)}`,
    );
  }
}

if (flag('--split')) {
  for (const half of [0, 1]) {
    const ids = new Set(data.needs.filter((_, i) => i % 2 === half).map((n) => n.id));
    const needs = data.needs.filter((n) => ids.has(n.id));
    const r = evaluateRun(
      needs,
      data.judgments.filter((j) => ids.has(j.needId)),
      run,
    );
    console.log(`\nSPLIT half ${half === 0 ? 'A (even)' : 'B (odd)'}`);
    console.log(formatGroups(r.groups));
  }
}

// Cross-check with the shared scorer when it is present next to the dataset.
const scorer = path.join(path.dirname(datasetPath), 'score-eval.mjs');
if (existsSync(scorer) && !flag('--no-check')) {
  const res = spawnSync(process.execPath, [scorer, datasetPath, outPath], { encoding: 'utf8' });
  console.log(`\nscore-eval.mjs says:\n${(res.stdout || res.stderr).trim()}`);
}
