/**
 * OFFLINE ONLY (evaluation: tests and scripts/match-eval*): the live path is represent → store →
 * retrieve → score → reasons → proposals; `npm run deps` keeps app/, components/ and lib/ from importing this.
 *
 * In-memory ranking over a precomputed corpus index.
 *
 * The index holds, per document, its L2-normalised TF-IDF term and concept vectors, plus
 * inverted postings (term → [(doc, weight)], concept → [(doc, weight)]). Ranking a query
 * walks only the postings of the query's terms and concepts, which yields the exact
 * cosine similarities of every document sharing anything with the query; the most similar
 * (RETRIEVAL_DEFAULTS.candidates, as the database path retrieves them) are scored again with the
 * query widened by feedback (feedback.ts) and with structure (domain, TRL, IP).
 */
import { DEFAULT_WEIGHTS, RETRIEVAL_DEFAULTS, type MatchWeights } from './weights';
import { getGlossary, type Glossary } from './glossary';
import { represent, type DocRepresentation } from './represent';
import {
  combine,
  featuresFromText,
  indexVectors,
  textSimilarity,
  vectorize,
  type CorpusStats,
  type DocVectors,
  type MatchFeatures,
} from './score';
import { feedbackPicks, feedbackSet, mapVectorOps, widenedCosines, type GroupDots } from './feedback';
import { explainMatch, type MatchReason } from './reasons';
import type { MatchText, NeedInput, SeedInput } from './types';

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
export function buildIndex<T extends MatchText>(
  docs: readonly T[],
  opts: IndexOptions & { reps?: DocRepresentation[] } = {},
): CorpusIndex<T> {
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
  const vectors = reps.map((r) => indexVectors(r, stats, weights, glossary));
  const termPostings = new Map<string, Array<[number, number]>>();
  const conceptPostings = new Map<string, Array<[number, number]>>();
  const loanPostings = new Map<string, Array<[number, number]>>();
  const post = (m: Map<string, Array<[number, number]>>, key: string, i: number, w: number) => {
    const p = m.get(key);
    if (p) p.push([i, w]);
    else m.set(key, [[i, w]]);
  };
  vectors.forEach((v, i) => {
    for (const [k, w] of v.loan) post(loanPostings, k, i, w);
    for (const [t, w] of v.terms) post(termPostings, t, i, w);
    for (const [c, w] of v.concepts) post(conceptPostings, c, i, w);
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
    indexCache.set(arr, idx);
  }
  return idx;
}

/**
 * Exact cosine accumulation over postings into dense arrays: for every document sharing a
 * term, concept or loanword key with the query, its lexical / concept / loan cosines.
 */
function accumulate(q: DocVectors, index: CorpusIndex<MatchText>) {
  const n = index.docs.length;
  const lex = new Float64Array(n);
  const con = new Float64Array(n);
  const loan = new Float64Array(n);
  const seen = new Uint8Array(n);
  const touched: number[] = [];
  const walk = (vec: Map<string, number>, postings: Map<string, Array<[number, number]>>, acc: Float64Array) => {
    for (const [key, qw] of vec) {
      const p = postings.get(key);
      if (!p) continue;
      for (let j = 0; j < p.length; j++) {
        const i = p[j][0];
        acc[i] += qw * p[j][1];
        if (!seen[i]) {
          seen[i] = 1;
          touched.push(i);
        }
      }
    }
  };
  walk(q.terms, index.termPostings, lex);
  walk(q.concepts, index.conceptPostings, con);
  walk(q.loan, index.loanPostings, loan);
  return { lex, con, loan, touched };
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
  const own = accumulate(qVec, index);
  const sameLang = (i: number) => index.reps[i].lang === qRep.lang;
  const dots = (acc: ReturnType<typeof accumulate>, i: number): GroupDots => [acc.lex[i], acc.con[i], acc.loan[i]];

  // the candidates as the database path retrieves them (retrieve.ts): the listings of highest
  // own text similarity
  const candidates = own.touched
    .map((i) => ({
      i,
      id: index.docs[i].id,
      text: textSimilarity({ lexical: own.lex[i], concept: own.con[i], loan: own.loan[i], sameLang: sameLang(i) }, w),
    }))
    .sort((a, b) => b.text - a.text || (a.id < b.id ? -1 : 1))
    .slice(0, RETRIEVAL_DEFAULTS.candidates);
  const picks = feedbackPicks(candidates, w.feedback.docs);
  const fbVecs = picks.map((p) => index.vectors[p.i]);
  const fromPicks = fbVecs.map((v) => accumulate(v, index));
  const fb = feedbackSet(qVec, fbVecs, w.feedback.weight, mapVectorOps);

  const scored: Array<{ i: number; score: number; features: MatchFeatures }> = [];
  for (const { i } of candidates) {
    const [lexical, concept, loan] = widenedCosines(
      dots(own, i),
      fromPicks.map((acc) => dots(acc, i)),
      picks.findIndex((p) => p.i === i),
      fb,
    );
    const tf = { lexical, concept, loan, sameLang: sameLang(i) };
    if (textSimilarity(tf, w) < w.minTextSim) continue;
    const doc = index.docs[i];
    const [need, seed] =
      role === 'need' ? [query as NeedInput, doc as SeedInput] : [doc as NeedInput, query as SeedInput];
    const features = featuresFromText(need, seed, tf, w, now);
    scored.push({ i, score: combine(features, w), features });
  }
  scored.sort((a, b) => b.score - a.score || (index.docs[a.i].id < index.docs[b.i].id ? -1 : 1));
  return scored.slice(0, k).map(({ i, score, features }) => {
    const doc = index.docs[i];
    let reasons: MatchReason[] = [];
    if (opts.withReasons !== false) {
      const [need, seed] =
        role === 'need' ? [query as NeedInput, doc as SeedInput] : [doc as NeedInput, query as SeedInput];
      // reasons compare the listings' own words, never the feedback's
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
