/**
 * Database-backed ranking: index-backed candidate retrieval in Postgres, exact re-ranking
 * with the engine's scorer on the candidates only.
 *
 * 1. The query is vectorised with the target corpus' document frequencies (one small lookup).
 * 2. Its keys are taken most informative first (query weight × IDF) while the sum of their
 *    document frequencies stays within a budget: rare keys find the documents that can score
 *    high; very common keys add little score and many rows, so they are left to re-ranking.
 * 3. Postgres finds documents sharing any chosen key through the GIN index on
 *    match_documents.keys (open, unexpired listings only) and orders them by a cheap
 *    estimate of the engine's text similarity (Σ query weight × IDF / document norm per key
 *    group, blended as the engine blends same- and cross-language similarity).
 * 4. The best `candidates` rows are re-scored exactly (stored TF-IDF vectors, structure) and
 *    the top k returned with reasons.
 * On a corpus smaller than the budget every shared key is used and every candidate is
 * re-scored, which gives the in-memory engine's ranking.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { DEFAULT_WEIGHTS, type MatchWeights } from './weights';
import { getGlossary } from './glossary';
import { combine, dot, featuresFromText, idf, textSimilarity, vectorize, type DocVectors, type MatchFeatures } from './score';
import { explainMatch, type MatchReason } from './reasons';
import type { DocRepresentation } from './represent';
import { factsToInput, fromStored, keysOf, loadStats, rowsOf, type DocFacts, type ListingKind, type StoredVectors } from './store';
import type { Lang, NeedInput, SeedInput } from './types';

export interface RetrievalOptions {
  /** documents re-scored exactly after the SQL pre-rank */
  candidates?: number;
  /** upper bound of Σ document frequency of the keys sent to the GIN index */
  dfBudget?: number;
  /** at most this many keys in the index query */
  maxKeys?: number;
  /** the pre-rank expression uses only the most informative keys */
  rankKeys?: number;
  /** listings never returned (e.g. the query's own) */
  excludeIds?: string[];
  withReasons?: boolean;
  now?: Date;
  weights?: MatchWeights;
}

export const RETRIEVAL_DEFAULTS = { candidates: 150, dfBudget: 4_000, maxKeys: 80, rankKeys: 40 } as const;

export interface DbMatch {
  id: string;
  score: number;
  features: MatchFeatures;
  reasons: MatchReason[];
}

export interface QueryDoc {
  id: string;
  lang: Lang;
  rep: DocRepresentation;
  facts: DocFacts;
}

const target = (kind: ListingKind): ListingKind => (kind === 'need' ? 'seed' : 'need');

/** Loads a stored document (the query side) by listing id. */
export async function loadQueryDoc(db: Db, kind: ListingKind, id: string): Promise<QueryDoc | null> {
  const rows = rowsOf<{ lang: Lang; rep: Omit<DocRepresentation, 'id'>; facts: DocFacts }>(
    await db.execute(sql`select lang, rep, facts from match_documents where kind = ${kind} and listing_id = ${id}::uuid`),
  );
  if (!rows.length) return null;
  const r = rows[0];
  return { id, lang: r.lang, rep: { id, ...r.rep, lang: r.lang } as DocRepresentation, facts: r.facts };
}

const SEP = '\u001f';

/**
 * Ranks listings of the other kind for a query document (`kind` is the query's kind).
 * Only open, unexpired listings are candidates.
 */
export async function rankStored(db: Db, kind: ListingKind, query: QueryDoc, k = 10, opts: RetrievalOptions = {}): Promise<DbMatch[]> {
  if (k <= 0) return [];
  const w = opts.weights ?? DEFAULT_WEIGHTS;
  const g = getGlossary();
  const other = target(kind);
  const qKeys = keysOf(query.rep);
  if (!qKeys.length) return [];
  const stats = await loadStats(db, other, qKeys);
  if (!stats.n) return [];
  const qVec = vectorize(query.rep, stats, w, g);

  // keys by how much they can contribute, within the budget
  const dfOf = (key: string) => (key[0] === 't' ? stats.termDf : key[0] === 'c' ? stats.conceptDf : stats.loanDf).get(key.slice(2)) ?? 0;
  const weightOf = (key: string) => (key[0] === 't' ? qVec.terms : key[0] === 'c' ? qVec.concepts : qVec.loan).get(key.slice(2)) ?? 0;
  const scored = qKeys
    .map((key) => ({ key, df: dfOf(key), p: weightOf(key) * idf(dfOf(key), stats.n) }))
    .filter((x) => x.df > 0 && x.p > 0)
    .sort((a, b) => b.p - a.p || a.df - b.df);
  const budget = opts.dfBudget ?? RETRIEVAL_DEFAULTS.dfBudget;
  const maxKeys = opts.maxKeys ?? RETRIEVAL_DEFAULTS.maxKeys;
  const chosen: typeof scored = [];
  let sum = 0;
  for (const x of scored) {
    if (chosen.length >= maxKeys) break;
    if (chosen.length >= 2 && sum + x.df > budget) continue;
    chosen.push(x);
    sum += x.df;
  }
  if (!chosen.length) return [];

  // Pre-rank in SQL without evaluating a long expression per row: one GIN lookup per chosen
  // key (partial index of the target kind; a lone lexeme needs no recheck, so the keys are never
  // detoasted), the key's weight summed per document and group, divided by the document's norms.
  const rankKeys = chosen.slice(0, opts.rankKeys ?? RETRIEVAL_DEFAULTS.rankKeys);
  const inRank = new Set(rankKeys.map((x) => x.key));
  const enc = (list: string[]) => list.join(SEP);
  const qKeysSql = enc(chosen.map((x) => x.key));
  const qWeights = chosen.map((x) => (inRank.has(x.key) ? x.p : 0)).join(',');
  const kindLit = sql.raw(other === 'seed' ? `'seed'` : `'need'`); // a literal, so the partial index applies
  const listing = other === 'seed' ? sql`seeds` : sql`needs`;
  const exclude = opts.excludeIds?.length ? sql`and h.listing_id <> all(string_to_array(${opts.excludeIds.join(',')}, ',')::uuid[])` : sql``;
  const limit = Math.max(k, opts.candidates ?? RETRIEVAL_DEFAULTS.candidates);
  const same = [w.lexicalSameLang, 0, 1 - w.lexicalSameLang];
  const cross = [w.lexicalCrossLang, w.loanCrossLang, 1 - w.lexicalCrossLang - w.loanCrossLang];

  const rows = rowsOf<{ listing_id: string; lang: Lang; vec: StoredVectors; facts: DocFacts }>(
    await db.execute(sql`
      with q as (
        select k, p::float8 as p, ('''' || replace(replace(k, '\\', '\\\\'), '''', '''''') || '''')::tsquery as tq from unnest(string_to_array(${qKeysSql}, chr(31)), string_to_array(${qWeights}, ',')) as x(k, p)
      ), h as (
        select d.listing_id, d.lang, d.term_norm, d.concept_norm, d.loan_norm,
               sum(q.p) filter (where left(q.k, 1) = 't') as t,
               sum(q.p) filter (where left(q.k, 1) = 'c') as c,
               sum(q.p) filter (where left(q.k, 1) = 'l') as l
        from q cross join lateral (
          select listing_id, lang, term_norm, concept_norm, loan_norm from match_documents
          where kind = ${kindLit} and keys @@ q.tq
        ) d
        group by d.listing_id, d.lang, d.term_norm, d.concept_norm, d.loan_norm
      ), r as (
        select h.listing_id, h.lang,
          case when h.lang = ${query.lang}
            then ${same[0]}::float8 * coalesce(h.t, 0) / h.term_norm + ${same[2]}::float8 * coalesce(h.c, 0) / h.concept_norm
            else ${cross[0]}::float8 * coalesce(h.t, 0) / h.term_norm + ${cross[1]}::float8 * coalesce(h.l, 0) / h.loan_norm + ${cross[2]}::float8 * coalesce(h.c, 0) / h.concept_norm
          end as pre
        from h where true ${exclude}
      ), best as materialized (
        select r.listing_id, r.lang, r.pre from r order by r.pre desc, r.listing_id limit ${limit * 2}
      ), top as (
        -- closed / expired listings leave the index in the background; skip the few still in it
        select best.listing_id, best.lang, best.pre from best
        join ${listing} l on l.id = best.listing_id and l.status = 'open' and l.expires_at > now()
        order by best.pre desc, best.listing_id
        limit ${limit}
      )
      select top.listing_id, top.lang, d.vec, d.facts from top
      join match_documents d on d.kind = ${kindLit} and d.listing_id = top.listing_id
      order by top.pre desc, top.listing_id`),
  );

  return rerank(kind, query, qVec, rows, k, w, opts);
}

function rerank(
  kind: ListingKind,
  query: QueryDoc,
  qVec: DocVectors,
  rows: Array<{ listing_id: string; lang: Lang; vec: StoredVectors; facts: DocFacts }>,
  k: number,
  w: MatchWeights,
  opts: RetrievalOptions,
): DbMatch[] {
  const now = opts.now ?? new Date();
  const qInput = { id: query.id, title: '', ...factsToInput(query.facts) };
  const out: Array<DbMatch & { vec: DocVectors; lang: Lang; input: NeedInput & SeedInput }> = [];
  for (const r of rows) {
    const dv = fromStored(r.vec);
    const sameLang = r.lang === query.lang;
    const tf = { lexical: dot(qVec.terms, dv.terms), concept: dot(qVec.concepts, dv.concepts), loan: dot(qVec.loan, dv.loan), sameLang };
    if (textSimilarity(tf, w) < w.minTextSim) continue;
    const input = { id: r.listing_id, title: '', ...factsToInput(r.facts) } as NeedInput & SeedInput;
    const [need, seed] = kind === 'need' ? [qInput as NeedInput, input as SeedInput] : [input as NeedInput, qInput as SeedInput];
    const features = featuresFromText(need, seed, tf, w, now);
    out.push({ id: r.listing_id, score: combine(features, w), features, reasons: [], vec: dv, lang: r.lang, input });
  }
  out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return out.slice(0, k).map((m) => {
    let reasons: MatchReason[] = [];
    if (opts.withReasons !== false) {
      const [need, seed] = kind === 'need' ? [qInput as NeedInput, m.input as SeedInput] : [m.input as NeedInput, qInput as SeedInput];
      const [nv, sv] = kind === 'need' ? [qVec, m.vec] : [m.vec, qVec];
      const langs = { q: { lang: query.lang } as DocRepresentation, d: { lang: m.lang } as DocRepresentation };
      const [nr, sr] = kind === 'need' ? [langs.q, langs.d] : [langs.d, langs.q];
      reasons = explainMatch(need, seed, m.features, nv, sv, nr, sr, getGlossary());
    }
    return { id: m.id, score: m.score, features: m.features, reasons };
  });
}

/** Top-k listings of the other kind for a stored listing (its own document must exist). */
export async function rankForListing(db: Db, kind: ListingKind, id: string, k = 10, opts: RetrievalOptions = {}): Promise<DbMatch[]> {
  const query = await loadQueryDoc(db, kind, id);
  if (!query) return [];
  return rankStored(db, kind, query, k, { ...opts, excludeIds: [...(opts.excludeIds ?? []), id] });
}
