/**
 * OFFLINE ONLY (evaluation: tests and scripts/match-eval*): the live path is represent → store →
 * retrieve → score → reasons → proposals; `npm run deps` keeps app/, components/ and lib/ from importing this.
 *
 * Plain TF-IDF baseline for comparison: English words (lower-case, no stemming, no
 * stopwords) plus Japanese character bigrams, cosine over title + summary + keywords.
 */
import type { MatchText } from './types';

function baselineTokens(text: string): string[] {
  const t = text.normalize('NFKC').toLowerCase();
  const out: string[] = [];
  for (const m of t.matchAll(/[a-z0-9]+/g)) out.push(m[0]);
  for (const m of t.matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu)) {
    const s = m[0];
    if (s.length === 1) out.push(s);
    for (let i = 0; i + 2 <= s.length; i++) out.push(s.slice(i, i + 2));
  }
  return out;
}

function vec(doc: MatchText): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of baselineTokens(`${doc.title} ${doc.summary ?? ''} ${(doc.keywords ?? []).join(' ')}`))
    m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Ranks `docs` for each query by TF-IDF cosine; returns query id → top-k doc ids. */
export function tfidfBaselineRun(
  queries: readonly MatchText[],
  docs: readonly MatchText[],
  k = 10,
): Record<string, string[]> {
  const dvs = docs.map(vec);
  const df = new Map<string, number>();
  for (const v of dvs) for (const t of v.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const weigh = (v: Map<string, number>) => {
    const w = new Map<string, number>();
    let sq = 0;
    for (const [t, tf] of v) {
      const x = (1 + Math.log(tf)) * Math.log((n + 1) / ((df.get(t) ?? 0) + 1));
      w.set(t, x);
      sq += x * x;
    }
    const inv = sq ? 1 / Math.sqrt(sq) : 0;
    for (const [t, x] of w) w.set(t, x * inv);
    return w;
  };
  const dw = dvs.map(weigh);
  const run: Record<string, string[]> = {};
  for (const q of queries) {
    const qw = weigh(vec(q));
    const scored = dw.map((d, i) => {
      let s = 0;
      for (const [t, x] of qw) s += x * (d.get(t) ?? 0);
      return { id: docs[i].id, s };
    });
    scored.sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : 1));
    run[q.id] = scored.slice(0, k).map((x) => x.id);
  }
  return run;
}
