/**
 * Pair scoring: text similarity (lexical TF-IDF cosine + glossary-concept cosine) combined
 * with structure (domain, TRL fit, IP, freshness) into one score in [0, 1].
 */
import { DEFAULT_WEIGHTS, type MatchWeights } from './weights';
import { DICTIONARY_KEY, getGlossary, type Glossary } from './glossary';
import { represent, type DocRepresentation } from './represent';
import type { NeedInput, SeedInput } from './types';

/** Document frequencies of a corpus (the side being ranked). */
export interface CorpusStats {
  n: number;
  termDf: ReadonlyMap<string, number>;
  conceptDf: ReadonlyMap<string, number>;
  loanDf: ReadonlyMap<string, number>;
}

export const EMPTY_STATS: CorpusStats = { n: 0, termDf: new Map(), conceptDf: new Map(), loanDf: new Map() };

/** BM25-style IDF, always > 0; with an empty corpus every term weighs ln 2. */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export interface DocVectors {
  /** L2-normalised TF-IDF term vector */
  terms: Map<string, number>;
  /** L2-normalised TF-IDF concept vector */
  concepts: Map<string, number>;
  /** L2-normalised TF-IDF loanword-key vector */
  loan: Map<string, number>;
}

/** Sublinear term frequency; fractional frequencies (a shared or partial dictionary sense) stay linear. */
const tfWeight = (tf: number) => (tf >= 1 ? 1 + Math.log(tf) : tf);

function normalise(m: Map<string, number>): Map<string, number> {
  let sq = 0;
  for (const v of m.values()) sq += v * v;
  if (sq === 0) return m;
  const inv = 1 / Math.sqrt(sq);
  for (const [k, v] of m) m.set(k, v * inv);
  return m;
}

export function vectorize(
  rep: DocRepresentation,
  stats: CorpusStats,
  weights: MatchWeights = DEFAULT_WEIGHTS,
  glossary: Glossary = getGlossary(),
): DocVectors {
  const terms = new Map<string, number>();
  for (const [t, tf] of Object.entries(rep.terms)) {
    terms.set(t, tfWeight(tf) * idf(stats.termDf.get(t) ?? 0, stats.n));
  }
  const concepts = new Map<string, number>();
  for (const [c, tf] of Object.entries(rep.concepts)) {
    const general = glossary.entries.get(c)?.domain === 'general' ? weights.generalConceptFactor : 1;
    concepts.set(c, tfWeight(tf) * idf(stats.conceptDf.get(c) ?? 0, stats.n) * general);
  }
  const loan = new Map<string, number>();
  for (const [k, tf] of Object.entries(rep.loan ?? {})) {
    loan.set(k, tfWeight(tf) * idf(stats.loanDf.get(k) ?? 0, stats.n));
  }
  return { terms: normalise(terms), concepts: normalise(concepts), loan: normalise(loan) };
}

/**
 * A document's vectors as the index stores them, weights to six significant digits: its bridge
 * keeps only its most informative dictionary senses (the largest tf·idf weights), the vector's
 * length unchanged. A document has dozens of senses (every sense of every word and of its
 * parts); the common ones add postings to read and entries to probe for a few thousandths of a
 * cosine. Queries keep all of theirs, so a sense that weighs much in the query still meets a
 * document that kept it.
 */
export function indexVectors(
  rep: DocRepresentation,
  stats: CorpusStats,
  weights: MatchWeights = DEFAULT_WEIGHTS,
  glossary: Glossary = getGlossary(),
): DocVectors {
  const v = vectorize(rep, stats, weights, glossary);
  const senses = [...v.loan].filter(([k]) => k.startsWith(DICTIONARY_KEY));
  if (senses.length > weights.maxBridgeKeys) {
    senses.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    for (const [k] of senses.slice(weights.maxBridgeKeys)) v.loan.delete(k);
  }
  for (const m of [v.terms, v.concepts, v.loan]) for (const [k, x] of m) m.set(k, storedWeight(x));
  return v;
}

/**
 * A stored weight: six significant digits (a cosine moves by about 1e-6; both labelled sets rank
 * as before). Full doubles print 17 digits: at 100,000 seeds a stored vector took 3.1 kB as text
 * (1.5 kB compressed), now 2.1 kB (1.2 kB) — less to read, send and parse per candidate.
 */
const storedWeight = (x: number) => Number(x.toPrecision(6));

export function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [k, v] of small) {
    const w = big.get(k);
    if (w !== undefined) s += v * w;
  }
  return s;
}

export interface TextFeatures {
  /** cosine of TF-IDF term vectors, 0..1 */
  lexical: number;
  /** cosine of TF-IDF concept vectors, 0..1 */
  concept: number;
  /** cosine of loanword-key vectors, 0..1 (used across languages only) */
  loan: number;
  sameLang: boolean;
}

/** Blend of lexical and concept similarity, weighted by whether the languages match. */
export function textSimilarity(f: TextFeatures, w: MatchWeights = DEFAULT_WEIGHTS): number {
  const s = f.sameLang
    ? w.lexicalSameLang * f.lexical + (1 - w.lexicalSameLang) * f.concept
    : w.crossLangScale *
      (w.lexicalCrossLang * f.lexical +
        w.loanCrossLang * f.loan +
        (1 - w.lexicalCrossLang - w.loanCrossLang) * f.concept);
  return Math.min(1, Math.max(0, w.textGamma === 1 ? s : s ** w.textGamma));
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const validTrl = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 1 && x <= 9;

/** 1 when the seed's TRL meets the need's desired TRL; falls off below, gently above. 0.5 if unknown. */
export function trlFit(
  seedTrl: number | null | undefined,
  needTrl: number | null | undefined,
  w: MatchWeights = DEFAULT_WEIGHTS,
): number {
  if (!validTrl(seedTrl) || !validTrl(needTrl)) return 0.5;
  const d = seedTrl - needTrl;
  return clamp01(d >= 0 ? 1 - w.trlAbovePenalty * d : 1 + w.trlBelowPenalty * d);
}

/** 1 same domain, 0 different, 0.5 when either side is unknown or "general". */
export function domainFit(a: string | null | undefined, b: string | null | undefined): number {
  if (!a || !b || a === 'general' || b === 'general') return 0.5;
  return a === b ? 1 : 0;
}

export function ipFit(seed: SeedInput, w: MatchWeights = DEFAULT_WEIGHTS): number {
  const st = seed.ip?.status;
  return st === 'granted' ? w.ipValue.granted : st === 'filed' ? w.ipValue.filed : st === 'none' ? w.ipValue.none : 0.5;
}

export function freshness(
  updatedAt: string | Date | null | undefined,
  now: Date,
  w: MatchWeights = DEFAULT_WEIGHTS,
): number {
  if (!updatedAt) return 0.5;
  const t = updatedAt instanceof Date ? updatedAt.getTime() : Date.parse(updatedAt);
  if (!Number.isFinite(t)) return 0.5;
  const days = Math.max(0, (now.getTime() - t) / 86_400_000);
  return 0.5 ** (days / w.freshnessHalfLifeDays);
}

export interface MatchFeatures extends TextFeatures {
  text: number;
  domain: number;
  trl: number;
  ip: number;
  freshness: number;
}

/** Weighted mean of the features: always in [0, 1]. */
export function combine(f: Omit<MatchFeatures, 'text'> & { text?: number }, w: MatchWeights = DEFAULT_WEIGHTS): number {
  const text = f.text ?? textSimilarity(f, w);
  const total = w.text + w.domain + w.trl + w.ip + w.freshness;
  if (total <= 0) return 0;
  const s = w.text * text + w.domain * f.domain + w.trl * f.trl + w.ip * f.ip + w.freshness * f.freshness;
  return clamp01(s / total);
}

/** Structure-only features of a pair (no text). */
export function structuralFeatures(
  need: NeedInput,
  seed: SeedInput,
  w: MatchWeights = DEFAULT_WEIGHTS,
  now: Date = new Date(),
): Pick<MatchFeatures, 'domain' | 'trl' | 'ip' | 'freshness'> {
  return {
    domain: domainFit(need.domain, seed.domain),
    trl: trlFit(seed.trl, need.desiredTrl, w),
    ip: ipFit(seed, w),
    freshness: freshness(seed.updatedAt, now, w),
  };
}

/** Features from precomputed text similarities (the engine gets these from its postings). */
export function featuresFromText(
  need: NeedInput,
  seed: SeedInput,
  tf: TextFeatures,
  w: MatchWeights = DEFAULT_WEIGHTS,
  now: Date = new Date(),
): MatchFeatures {
  const t: TextFeatures = {
    lexical: clamp01(tf.lexical),
    concept: clamp01(tf.concept),
    loan: clamp01(tf.loan),
    sameLang: tf.sameLang,
  };
  return { ...t, text: textSimilarity(t, w), ...structuralFeatures(need, seed, w, now) };
}

/** All features of a (need, seed) pair given their vectors. */
export function pairFeatures(
  need: NeedInput,
  seed: SeedInput,
  nv: DocVectors,
  sv: DocVectors,
  sameLang: boolean,
  w: MatchWeights = DEFAULT_WEIGHTS,
  now: Date = new Date(),
): MatchFeatures {
  const tf: TextFeatures = {
    lexical: dot(nv.terms, sv.terms),
    concept: dot(nv.concepts, sv.concepts),
    loan: dot(nv.loan, sv.loan),
    sameLang,
  };
  return featuresFromText(need, seed, tf, w, now);
}

export interface PairScore {
  score: number;
  features: MatchFeatures;
  need: DocRepresentation;
  seed: DocRepresentation;
}

/**
 * Scores one pair without a corpus (IDF from the pair itself, or from `stats` if given).
 * For ranking many seeds use engine.ts, which shares IDF and vectors across the corpus.
 */
export function scorePair(
  need: NeedInput,
  seed: SeedInput,
  opts: { stats?: CorpusStats; weights?: MatchWeights; glossary?: Glossary; now?: Date } = {},
): PairScore {
  const w = opts.weights ?? DEFAULT_WEIGHTS;
  const g = opts.glossary ?? getGlossary();
  const nr = represent(need, w, g);
  const sr = represent(seed, w, g);
  const stats = opts.stats ?? EMPTY_STATS;
  const features = pairFeatures(
    need,
    seed,
    vectorize(nr, stats, w, g),
    vectorize(sr, stats, w, g),
    nr.lang === sr.lang,
    w,
    opts.now,
  );
  return { score: combine(features, w), features, need: nr, seed: sr };
}
