/**
 * Database-backed ranking: index-backed candidate retrieval in Postgres, exact re-ranking
 * with the engine's scorer on the candidates only.
 *
 * 1. The query is vectorised with the target corpus' document frequencies (one small lookup).
 * 2. Its keys are taken most informative first (query weight × IDF) while the sum of their
 *    document frequencies stays within a budget: rare keys find the documents that can score
 *    high; very common keys add little score and many rows, so they are left to re-ranking.
 * 3. Postgres reads the chosen keys' postings (match_postings: document, language and exact
 *    vector weight, from the index alone) and orders documents by their text similarity over
 *    the chosen keys (Σ query weight × document weight × the engine's same- / cross-language
 *    blend coefficient of the key's group), summed per document in one pass.
 * 4. For the best `candidates` rows that are open and unexpired (closed listings leave the
 *    index in the background; a join keeps them out meanwhile), Postgres returns their packed
 *    vectors (packed.ts) and words (words.ts); here they give the exact cosines, the feedback
 *    documents (the candidates most like the query, which widen it: feedback.ts), the re-score
 *    with the widened query and structure and, for the final top k, the reasons (shared concepts
 *    and terms, in the listings' own words: feedback never adds a reason).
 * `rankManyStored` does the same for many queries with one statistics lookup (and
 * lib/matching/bulk.ts one proposal upsert per batch).
 * On a corpus smaller than the budget every shared key is used and every candidate is
 * re-scored, which gives the in-memory engine's ranking (it too widens the query with the
 * best of `candidates` listings by own similarity and re-scores those).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { DEFAULT_WEIGHTS, RETRIEVAL_DEFAULTS, type MatchWeights } from './weights';
import { getGlossary } from './glossary';
import {
  combine,
  featuresFromText,
  idf,
  textSimilarity,
  vectorize,
  type CorpusStats,
  type DocVectors,
  type MatchFeatures,
} from './score';
import { explainMatch, type MatchReason } from './reasons';
import { feedbackPicks, feedbackSet, widenedCosines, type GroupDots } from './feedback';
import { decodePacked, packedVectorOps, packVectors, sharedWith, type PackedVectors } from './packed';
import type { DocRepresentation } from './represent';
import { decodeWords } from './words';
import { rowsOf } from '@/db/rows';
import { factsToInput, fromStored, keysOf, loadStats, statsFromRows, type DocFacts, type StoredVectors } from './store';
import type { Lang, NeedInput, SeedInput } from './types';
import type { ListingKind } from '@/db/vocabulary/listings';

export interface RetrievalOptions {
  /** documents re-scored exactly after the SQL pre-rank */
  candidates?: number;
  /** upper bound of Σ document frequency of the keys whose postings are read */
  dfBudget?: number;
  /** at most this many keys in the index query */
  maxKeys?: number;
  /** listings never returned (e.g. the query's own) */
  excludeIds?: string[];
  withReasons?: boolean;
  /** reasons only for matches scoring at least this (bulk re-match: the others are never stored) */
  reasonsFrom?: number;
  /** rankManyStored: candidate queries in flight at once (default 1) */
  pipeline?: number;
  now?: Date;
  weights?: MatchWeights;
}

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

/** Loads stored documents (the query side) by listing id, in one round trip. */
export async function loadQueryDocs(db: Db, kind: ListingKind, ids: readonly string[]): Promise<Map<string, QueryDoc>> {
  const out = new Map<string, QueryDoc>();
  if (!ids.length) return out;
  const rows = rowsOf<{ listing_id: string; lang: Lang; rep: Omit<DocRepresentation, 'id'>; facts: DocFacts }>(
    await db.execute(sql`
      select listing_id, lang, rep, facts from match_documents
      where kind = ${kind} and listing_id = any(string_to_array(${ids.join(SEP)}, chr(31))::uuid[])`),
  );
  for (const r of rows)
    out.set(r.listing_id, {
      id: r.listing_id,
      lang: r.lang,
      rep: { id: r.listing_id, ...r.rep, lang: r.lang } as DocRepresentation,
      facts: r.facts,
    });
  return out;
}

const SEP = '\u001f';

/**
 * Ranks listings of the other kind for a query document (`kind` is the query's kind).
 * Only open, unexpired listings are returned.
 */
export async function rankStored(
  db: Db,
  kind: ListingKind,
  query: QueryDoc,
  k = 10,
  opts: RetrievalOptions = {},
): Promise<DbMatch[]> {
  if (k <= 0) return [];
  const qKeys = keysOf(query.rep);
  if (!qKeys.length) return [];
  return rankWithStats(db, kind, query, await loadStats(db, target(kind), qKeys), k, opts);
}

async function rankWithStats(
  db: Db,
  kind: ListingKind,
  query: QueryDoc,
  stats: CorpusStats,
  k: number,
  opts: RetrievalOptions,
): Promise<DbMatch[]> {
  return finish(kind, query, (await scoreCandidates(db, kind, query, stats, k, opts)).slice(0, k), opts);
}

/**
 * Ranks for many query documents of one kind with shared work: one statistics lookup for all
 * of them, then one candidate query each. The same results as `rankStored` for each (each
 * query's own listing is excluded).
 */
export async function rankManyStored(
  db: Db,
  kind: ListingKind,
  queries: readonly QueryDoc[],
  k = 10,
  opts: RetrievalOptions = {},
): Promise<Map<string, DbMatch[]>> {
  const out = new Map<string, DbMatch[]>();
  if (k <= 0 || !queries.length) return out;
  const stats = await loadStats(
    db,
    target(kind),
    queries.flatMap((q) => keysOf(q.rep)),
  );
  // candidate queries `pipeline` at a time: Postgres runs one while this process re-scores another
  const tops = new Map<string, Scored[]>();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, opts.pipeline ?? 1) }, async () => {
      while (next < queries.length) {
        const q = queries[next++];
        const scored = await scoreCandidates(db, kind, q, stats, k, {
          ...opts,
          excludeIds: [...(opts.excludeIds ?? []), q.id],
        });
        tops.set(q.id, scored.slice(0, k));
      }
    }),
  );
  for (const q of queries) out.set(q.id, finish(kind, q, tops.get(q.id) ?? [], opts));
  return out;
}

/** An open candidate re-scored exactly, with what its reasons need. */
interface Scored {
  id: string;
  score: number;
  features: MatchFeatures;
  lang: Lang;
  facts: DocFacts;
  vec: PackedVectors;
  /** its words as written (words.ts), read only for the final top k */
  words: string;
  /** the query's own vectors (reasons compare these, never the feedback's) */
  qVec: DocVectors;
  qPacked: PackedVectors;
}

async function scoreCandidates(
  db: Db,
  kind: ListingKind,
  query: QueryDoc,
  stats: CorpusStats,
  k: number,
  opts: RetrievalOptions,
): Promise<Scored[]> {
  const w = opts.weights ?? DEFAULT_WEIGHTS;
  const g = getGlossary();
  const other = target(kind);
  const qKeys = keysOf(query.rep);
  if (!qKeys.length || !stats.n) return [];
  const qVec = vectorize(query.rep, stats, w, g);

  // the blend coefficient of a key's group in the text similarity (score.ts textSimilarity), for
  // a document in the query's language or in the other one
  const same = [w.lexicalSameLang, 0, 1 - w.lexicalSameLang];
  const cross = [w.lexicalCrossLang, w.loanCrossLang, 1 - w.lexicalCrossLang - w.loanCrossLang].map(
    (c) => c * w.crossLangScale,
  );
  const coef = (key: string, sameLang: boolean) =>
    (sameLang ? same : cross)[key[0] === 't' ? 0 : key[0] === 'l' ? 1 : 2];

  // keys by how much they can contribute, within the budget
  const dfOf = (key: string) =>
    (key[0] === 't' ? stats.termDf : key[0] === 'c' ? stats.conceptDf : stats.loanDf).get(key.slice(2)) ?? 0;
  const weightOf = (key: string) =>
    (key[0] === 't' ? qVec.terms : key[0] === 'c' ? qVec.concepts : qVec.loan).get(key.slice(2)) ?? 0;
  // a key's expected contribution: a document's weight of it is (1 + log tf) · idf (· the
  // general-concept factor) / its norm, here with tf = 1
  const docFactor = (key: string) =>
    key[0] === 'c' && g.entries.get(key.slice(2))?.domain === 'general' ? w.generalConceptFactor : 1;
  // … times the most its group weighs in the text similarity, for a document of either language:
  // a bridge key counts only across languages and then for a fifth, a term mostly within one
  const groupMax = (key: string) => Math.max(coef(key, true), coef(key, false));
  const scored = qKeys
    .map((key) => ({ key, df: dfOf(key), p: weightOf(key) * idf(dfOf(key), stats.n) * docFactor(key) * groupMax(key) }))
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

  // Pre-rank in SQL from the postings alone (index-only scans of match_postings): per
  // document, Σ over the chosen keys of its exact weight × the query's weight × the blend
  // coefficient of the key's group for the document's language — its exact text similarity
  // restricted to the chosen keys.
  const qKeysSql = chosen.map((x) => x.key).join(SEP);
  const kindLit = sql.raw(other === 'seed' ? `'seed'` : `'need'`);
  const exclude = opts.excludeIds?.length
    ? sql`and h.listing_id <> all(string_to_array(${opts.excludeIds.join(',')}, ',')::uuid[])`
    : sql``;
  const limit = Math.max(k, opts.candidates ?? RETRIEVAL_DEFAULTS.candidates);
  const table = other === 'need' ? sql`needs` : sql`seeds`;
  // per key: the query's weight times its coefficient, for a document in the query's language
  // (ps) or in the other one (px)
  const ps = chosen.map((x) => weightOf(x.key) * coef(x.key, true)).join(',');
  const px = chosen.map((x) => weightOf(x.key) * coef(x.key, false)).join(',');

  const mainQ = sql`
      with q as (
        -- the weights cast once here, not once per posting in the sum below (~0.7 ms a query)
        select k, ps, px from unnest(string_to_array(${qKeysSql}, chr(31)),
          string_to_array(${ps}, ',')::float8[], string_to_array(${px}, ',')::float8[]) as x(k, ps, px)
      ), h as (
        select p.listing_id, sum(p.weight * case when p.lang = ${query.lang} then q.ps else q.px end) as pre
        from q join match_postings p on p.kind = ${kindLit} and p.key = q.k
        group by p.listing_id
      ), top as materialized (
        select h.listing_id, h.pre from h where true ${exclude}
        order by h.pre desc, h.listing_id limit ${limit}
      )
      -- a document written before its packed form existed (migration 0031) is read from its jsonb
      select top.listing_id, d.lang, d.facts, d.words, d.packed, case when d.packed is null then d.vec end as vec
      from top
      -- one index probe per candidate (a lateral join kept apart by offset 0): flattened, the planner
      -- hash-joined the candidates with a scan of every document of the kind (EXPLAIN ANALYZE)
      cross join lateral (select d.lang, d.packed, d.vec, d.facts, d.words from match_documents d
        where d.kind = ${kindLit} and d.listing_id = top.listing_id offset 0) d
      -- closed or expired listings leave the index in the background: never returned meanwhile
      join ${table} listing on listing.id = top.listing_id and listing.status = 'open' and listing.expires_at > now()`;
  const qPacked = packVectors(qVec);
  const candidates = rowsOf<CandidateRow>(await db.execute(mainQ)).map((r) =>
    parseCandidate(r, qPacked, query.lang, w),
  );
  return rescore(kind, query, qVec, qPacked, candidates, w, opts);
}

/** A candidate row: its facts, words and packed vectors (or, not yet packed, its jsonb vectors). */
interface CandidateRow {
  listing_id: string;
  lang: Lang;
  facts: DocFacts | string;
  words: string;
  packed: Uint8Array | null;
  vec: StoredVectors | string | null;
}

interface Candidate {
  id: string;
  lang: Lang;
  facts: DocFacts;
  vec: PackedVectors;
  words: string;
  sameLang: boolean;
  /** q·d per group */
  qd: GroupDots;
  /** its own text similarity (the query's, without feedback) */
  text: number;
}

function parseCandidate(r: CandidateRow, q: PackedVectors, lang: Lang, w: MatchWeights): Candidate {
  const vec = r.packed ? decodePacked(r.packed) : packVectors(fromStored(json(r.vec)));
  const qd = packedVectorOps.dots(q, vec);
  const sameLang = r.lang === lang;
  return {
    id: r.listing_id,
    lang: r.lang,
    facts: json(r.facts)!,
    vec,
    words: r.words,
    sameLang,
    qd,
    text: textSimilarity(textFeatures(qd, sameLang), w),
  };
}

const json = <T>(x: T | string | null): T | null => (typeof x === 'string' ? (JSON.parse(x) as T) : x);

/**
 * The candidates scored with the query widened by feedback (feedback.ts) and with structure,
 * best first: the same arithmetic as the in-memory engine.
 */
function rescore(
  kind: ListingKind,
  query: QueryDoc,
  qVec: DocVectors,
  qPacked: PackedVectors,
  candidates: readonly Candidate[],
  w: MatchWeights,
  opts: RetrievalOptions,
): Scored[] {
  const now = opts.now ?? new Date();
  const qInput = { id: query.id, title: '', ...factsToInput(query.facts) };
  const picks = feedbackPicks(candidates, w.feedback.docs);
  const fb = feedbackSet(
    qPacked,
    picks.map((p) => p.vec),
    w.feedback.weight,
    packedVectorOps,
  );
  const out: Scored[] = [];
  for (const c of candidates) {
    const fd = picks.map((p) => packedVectorOps.dots(p.vec, c.vec));
    const tf = textFeatures(widenedCosines(c.qd, fd, picks.indexOf(c), fb), c.sameLang);
    if (textSimilarity(tf, w) < w.minTextSim) continue;
    const input = { id: c.id, title: '', ...factsToInput(c.facts) } as NeedInput & SeedInput;
    const [need, seed] = kind === 'need' ? [qInput as NeedInput, input] : [input as NeedInput, qInput as SeedInput];
    const features = featuresFromText(need, seed, tf, w, now);
    out.push({
      id: c.id,
      score: combine(features, w),
      features,
      lang: c.lang,
      facts: c.facts,
      vec: c.vec,
      words: c.words,
      qVec,
      qPacked,
    });
  }
  return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

const textFeatures = ([lexical, concept, loan]: GroupDots, sameLang: boolean) => ({ lexical, concept, loan, sameLang });

const wantsReasons = (m: Scored, opts: RetrievalOptions) =>
  opts.withReasons !== false && m.score >= (opts.reasonsFrom ?? -Infinity);

/** The final top k, with reasons (built for these only). */
function finish(kind: ListingKind, query: QueryDoc, top: readonly Scored[], opts: RetrievalOptions): DbMatch[] {
  const qInput = { id: query.id, title: '', ...factsToInput(query.facts) };
  return top.map((m) => {
    let reasons: MatchReason[] = [];
    if (wantsReasons(m, opts)) {
      const input = { id: m.id, title: '', ...factsToInput(m.facts) } as NeedInput & SeedInput;
      const [need, seed] =
        kind === 'need' ? [qInput as NeedInput, input as SeedInput] : [input as NeedInput, qInput as SeedInput];
      // reasons read only the keys both listings have: the match's, by the query's keys
      const vec = sharedWith(m.vec, m.qPacked);
      const [nv, sv] = kind === 'need' ? [m.qVec, vec] : [vec, m.qVec];
      const langs = {
        q: query.rep,
        d: { lang: m.lang, ...decodeWords(m.words) } as DocRepresentation,
      };
      const [nr, sr] = kind === 'need' ? [langs.q, langs.d] : [langs.d, langs.q];
      reasons = explainMatch(need, seed, m.features, nv, sv, nr, sr, getGlossary());
    }
    return { id: m.id, score: m.score, features: m.features, reasons };
  });
}

/** Top-k listings of the other kind for a stored listing (its own document must exist). */
export async function rankForListing(
  db: Db,
  kind: ListingKind,
  id: string,
  k = 10,
  opts: RetrievalOptions = {},
): Promise<DbMatch[]> {
  if (k <= 0) return [];
  // the document and the other corpus' statistics of its keys in one round trip
  const rows = rowsOf<{
    lang: Lang;
    rep: Omit<DocRepresentation, 'id'>;
    facts: DocFacts;
    stats: Array<[string, number]> | string | null;
  }>(
    await db.execute(sql`
      select d.lang, d.rep, d.facts,
        (select json_agg(json_build_array(s.key, s.df)) from match_corpus_stats s
          where s.kind = ${target(kind)} and (s.key = '*' or s.key = any(tsvector_to_array(d.keys)))) as stats
      from match_documents d where d.kind = ${kind} and d.listing_id = ${id}::uuid`),
  );
  if (!rows.length) return [];
  const r = rows[0];
  const query: QueryDoc = {
    id,
    lang: r.lang,
    rep: { id, ...r.rep, lang: r.lang } as DocRepresentation,
    facts: r.facts,
  };
  const pairs = json(r.stats) ?? [];
  const stats = statsFromRows(pairs.map(([key, df]) => ({ key, df })));
  return rankWithStats(db, kind, query, stats, k, { ...opts, excludeIds: [...(opts.excludeIds ?? []), id] });
}

/** Top-k for many stored listings of one kind, batched (see rankManyStored). */
export async function rankForListings(
  db: Db,
  kind: ListingKind,
  ids: readonly string[],
  k = 10,
  opts: RetrievalOptions = {},
): Promise<Map<string, DbMatch[]>> {
  const docs = await loadQueryDocs(db, kind, ids);
  const queries = ids.map((id) => docs.get(id)).filter((q): q is QueryDoc => !!q);
  const out = await rankManyStored(db, kind, queries, k, opts);
  for (const id of ids) if (!out.has(id)) out.set(id, []);
  return out;
}
