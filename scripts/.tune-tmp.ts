// temporary tuning harness (not committed)
import { readFileSync } from 'node:fs';
import { buildIndex } from '../lib/matching/engine';
import { represent } from '../lib/matching/represent';
import { vectorize, pairFeatures, combine, textSimilarity } from '../lib/matching/score';
import { evaluateRun } from '../lib/matching/metrics';
import { DEFAULT_WEIGHTS, type MatchWeights } from '../lib/matching/weights';
const data = JSON.parse(readFileSync('/work/shared/data/match-eval-dev.json', 'utf8'));
type F = ReturnType<typeof pairFeatures>;
function feats(w: MatchWeights) {
  const idx = buildIndex(data.seeds, { weights: w });
  const out: Record<string, Array<{ id: string; f: F }>> = {};
  for (const n of data.needs) {
    const r = represent(n, w); const v = vectorize(r, idx.stats, w);
    out[n.id] = data.seeds.map((s: any, i: number) => ({ id: s.id, f: pairFeatures(n, s, v, idx.vectors[i], r.lang === idx.reps[i].lang, w) }));
  }
  return out;
}
function evalW(F: Record<string, Array<{ id: string; f: F }>>, w: MatchWeights) {
  const run: Record<string, string[]> = {};
  for (const [nid, arr] of Object.entries(F)) {
    run[nid] = arr.map((x) => ({ id: x.id, s: combine({ ...x.f, text: textSimilarity(x.f, w) }, w), t: textSimilarity(x.f, w) }))
      .filter((x) => x.t > 0).sort((a, b) => b.s - a.s).slice(0, 10).map((x) => x.id);
  }
  const res: Record<string, number> = {};
  for (const half of [0, 1]) {
    const ids = new Set(data.needs.filter((_: any, i: number) => i % 2 === half).map((n: any) => n.id));
    res['h' + half] = evaluateRun(data.needs.filter((n: any) => ids.has(n.id)), data.judgments.filter((j: any) => ids.has(j.needId)), run).groups.overall.ndcg10;
  }
  const g = evaluateRun(data.needs, data.judgments, run).groups;
  res.all = g.overall.ndcg10; res.ja = g.ja.ndcg10; res.en = g.en.ndcg10;
  return res;
}
const base = { ...DEFAULT_WEIGHTS };
const grid: MatchWeights[] = [];
for (const fieldT of [1, 1.5]) for (const gcf of [0.3, 0.5, 1]) {
  const w0 = { ...base, field: { title: fieldT, keywords: fieldT, summary: 1 }, generalConceptFactor: gcf };
  grid.push(w0);
}
const results: Array<{ w: MatchWeights; r: Record<string, number> }> = [];
for (const w0 of grid) {
  const F = feats(w0);
  for (const ls of [0.6, 0.7, 0.8, 0.9]) for (const lc of [0, 0.1, 0.2]) for (const lo of [0, 0.1, 0.2]) for (const dom of [0, 0.03, 0.05, 0.1]) for (const trl of [0, 0.03]) for (const ip of [0, 0.03]) {
    if (lc + lo > 0.9) continue;
    const w = { ...w0, lexicalSameLang: ls, lexicalCrossLang: lc, loanCrossLang: lo, domain: dom, trl, ip };
    results.push({ w, r: evalW(F, w) });
  }
}
const show = (x: { w: MatchWeights; r: Record<string, number> }) => `f=${x.w.field.title} gcf=${x.w.generalConceptFactor} ls=${x.w.lexicalSameLang} lc=${x.w.lexicalCrossLang} lo=${x.w.loanCrossLang} dom=${x.w.domain} trl=${x.w.trl} ip=${x.w.ip} | all=${x.r.all.toFixed(3)} ja=${x.r.ja.toFixed(3)} en=${x.r.en.toFixed(3)} h0=${x.r.h0.toFixed(3)} h1=${x.r.h1.toFixed(3)}`;
const def = results.find((x) => JSON.stringify(x.w) === JSON.stringify(base));
console.log('default', def ? show(def) : show({ w: base, r: evalW(feats(base), base) }));
for (const key of ['h0', 'h1', 'all']) {
  const best = [...results].sort((a, b) => b.r[key] - a.r[key]);
  console.log(`best by ${key}:`); for (const x of best.slice(0, 4)) console.log('  ' + show(x));
}
