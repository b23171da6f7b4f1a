/**
 * In-memory ranking over a precomputed corpus index.
 *
 * The index holds, per document, its L2-normalised TF-IDF term and concept vectors, plus
 * inverted postings (term → [(doc, weight)], concept → [(doc, weight)]). Ranking a query
 * walks only the postings of the query's terms and concepts, which yields the exact
 * cosine similarities of every document sharing anything with the query (the candidates);
 * structure (domain, TRL, IP) is then scored on those candidates only.
 */
import { DEFAULT_WEIGHTS, type MatchWeights } from './weights';
import { getGlossary, type Glossary } from './glossary';
import { represent, type DocRepresentation } from './represent';
import { combine, pairFeatures, textSimilarity, vectorize, type CorpusStats, type DocVectors, type MatchFeatures } from './score';
import { explainMatch, type MatchReason } from './reasons';
import type { MatchText, NeedInput, SeedInput } from './types';

export { documentTerms, documentConcepts, represent } from './represent';

export interface IndexOptions {
  weights?: MatchWeights;
  glossary?: Glossary;
}

export interface CorpusIndex<T extends MatchText> {
  docs: T[];
  reps: DocRepresentation[];
  vectors: DocVectors[];
  stats: CorpusStats;
  termPostings: Map<string, Array<[number, number]>>;
  conceptPostings: Map<string, Array<[number, number]>>;
  loanPostings: Map<string, Array<[number, number]>>;
  weights: MatchWeights;
  glossary: Glossary;
}

/**
 * Builds an index. `reps` may be passed when representations were stored (e.g. in Postgres)
 * so documents need not be re-tokenised; they must be in the same order as `docs`.
 */
export function buildIndex<T extends MatchText>(docs: readonly T[], opts: IndexOptions & { reps?: DocRepresentation[] } = {}): CorpusIndex<T> {
  const weights = opts.weights ?? DEFAULT_WEIGHTS;
  const glossary = opts.glossary ?? getGlossary();
  const reps = opts.reps ?? docs.map((d) => represent(d, weights, glossary));
  const termDf = new Map<string, number>();
  const conceptDf = new Map<string, number>();
  const loanDf = new Map<string, number>();
  for (const r of reps) {
    for (const k of Object.keys(r.loan ?? {})) loanDf.set(k, (loanDf.get(k) ?? 0) + 1);
    for (const t of Object.keys(r.terms)) termDf.set(t, (termDf.get(t) ?? 0) + 1);
    for (const c of Object.keys(r.concepts)) conceptDf.set(c, (conceptDf.get(c) ?? 0) + 1);
  }
  const stats: CorpusStats = { n: reps.length, termDf, conceptDf, loanDf };
  const vectors = reps.map((r) => vectorize(r, stats, weights, glossary));
  const termPostings = new Map<string, Array<[number, number]>>();
  const conceptPostings = new Map<string, Array<[number, number]>>();
  const loanPostings = new Map<string, Array<[number, number]>>();
  const post = (m: Map<string, Array<[number, number]>>, key: string, i: number, w: number) => {
    let p = m.get(key);
    if (!p) m.set(key, (p = []));
    p.push([i, w]);
  };
  vectors.forEach((v, i) => {
    for (const [k, w] of v.loan) post(loanPostings, k, i, w);
    for (const [t, w] of v.terms) {
      let p = termPostings.get(t);
      if (!p) termPostings.set(t, (p = []));
      p.push([i, w]);
    }
    for (const [c, w] of v.concepts) {
      let p = conceptPostings.get(c);
      if (!p) conceptPostings.set(c, (p = []));
      p.push([i, w]);
    }
  });
  return { docs: [...docs], reps, vectors, stats, termPostings, conceptPostings, loanPostings, weights, glossary };
}

export interface RankedMatch<T extends MatchText> {
  id: string;
  item: T;
  score: number;
  features: MatchFeatures;
  reasons: MatchReason[];
}

export interface RankOptions {
  /** structured features are computed relative to this date (freshness) */
  now?: Date;
  /** skip building reasons (faster for bulk evaluation) */
  withReasons?: boolean;
}

const indexCache = new WeakMap<readonly MatchText[], CorpusIndex<MatchText>>();

function asIndex<T extends MatchText>(corpus: readonly T[] | CorpusIndex<T>): CorpusIndex<T> {
  if (!Array.isArray(corpus)) return corpus as CorpusIndex<T>;
  const arr = corpus as readonly T[];
  let idx = indexCache.get(arr) as CorpusIndex<T> | undefined;
  if (!idx) {
    idx = buildIndex(arr);
    indexCache.set(arr, idx as unknown as CorpusIndex<MatchText>);
  }
  return idx;
}

/** Exact cosine accumulation over postings: doc index → [lexical, concept, loan]. */
function candidates(q: DocVectors, index: CorpusIndex<MatchText>): Map<number, [number, number, number]> {
  const acc = new Map<number, [number, number, number]>();
  const walk = (vec: Map<string, number>, postings: Map<string, Array<[number, number]>>, slot: 0 | 1 | 2) => {
    for (const [key, qw] of vec) {
      const p = postings.get(key);
      if (!p) continue;
      for (const [i, dw] of p) {
        let a = acc.get(i);
        if (!a) acc.set(i, (a = [0, 0, 0]));
        a[slot] += qw * dw;
      }
    }
  };
  walk(q.terms, index.termPostings, 0);
  walk(q.concepts, index.conceptPostings, 1);
  walk(q.loan, index.loanPostings, 2);
  return acc;
}

function rank<Q extends MatchText, T extends MatchText>(
  query: Q,
  corpus: readonly T[] | CorpusIndex<T>,
  k: number,
  role: 'need' | 'seed',
  opts: RankOptions,
): RankedMatch<T>[] {
  if (k <= 0) return [];
  const index = asIndex(corpus);
  if (!index.docs.length) return [];
  const w = index.weights;
  const qRep = represent(query, w, index.glossary);
  const qVec = vectorize(qRep, index.stats, w, index.glossary);
  const now = opts.now ?? new Date();
  const scored: Array<{ i: number; score: number; features: MatchFeatures }> = [];
  for (const [i, [lex, con, loan]] of candidates(qVec, index as unknown as CorpusIndex<MatchText>)) {
    const doc = index.docs[i];
    const sameLang = index.reps[i].lang === qRep.lang;
    const text = textSimilarity({ lexical: lex, concept: con, loan, sameLang }, w);
    if (text < w.minTextSim) continue;
    const [need, seed] = role === 'need' ? [query as NeedInput, doc as SeedInput] : [doc as NeedInput, query as SeedInput];
    const [nv, sv] = role === 'need' ? [qVec, index.vectors[i]] : [index.vectors[i], qVec];
    const features = pairFeatures(need, seed, nv, sv, sameLang, w, now);
    scored.push({ i, score: combine(features, w), features });
  }
  scored.sort((a, b) => b.score - a.score || (index.docs[a.i].id < index.docs[b.i].id ? -1 : 1));
  return scored.slice(0, k).map(({ i, score, features }) => {
    const doc = index.docs[i];
    let reasons: MatchReason[] = [];
    if (opts.withReasons !== false) {
      const [need, seed] = role === 'need' ? [query as NeedInput, doc as SeedInput] : [doc as NeedInput, query as SeedInput];
      const [nv, sv] = role === 'need' ? [qVec, index.vectors[i]] : [index.vectors[i], qVec];
      const [nr, sr] = role === 'need' ? [qRep, index.reps[i]] : [index.reps[i], qRep];
      reasons = explainMatch(need, seed, features, nv, sv, nr, sr, index.glossary);
    }
    return { id: doc.id, item: doc, score, features, reasons };
  });
}

/** Top-k seeds for a need. `seeds` may be an array (indexed once and cached) or a prebuilt index. */
export function rankSeedsForNeed<S extends SeedInput>(
  need: NeedInput,
  seeds: readonly S[] | CorpusIndex<S>,
  k = 10,
  opts: RankOptions = {},
): RankedMatch<S>[] {
  return rank(need, seeds, k, 'need', opts);
}

/** Top-k needs for a seed. `needs` may be an array (indexed once and cached) or a prebuilt index. */
export function rankNeedsForSeed<N extends NeedInput>(
  seed: SeedInput,
  needs: readonly N[] | CorpusIndex<N>,
  k = 10,
  opts: RankOptions = {},
): RankedMatch<N>[] {
  return rank(seed, needs, k, 'seed', opts);
}
