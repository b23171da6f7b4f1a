/**
 * Database-backed ranking: index-backed candidate retrieval in Postgres, exact re-ranking
 * with the engine's scorer on the candidates only.
 *
 * 1. The query is vectorised with the target corpus' document frequencies (one small lookup).
 * 2. Its keys are taken most informative first (query weight × IDF) while the sum of their
 *    document frequencies stays within a budget: rare keys find the documents that can score
 *    high; very common keys add little score and many rows, so they are left to re-ranking.
 * 3. Postgres finds documents sharing any chosen key through the GIN index on
 *    match_documents.keys and orders them by a cheap estimate of the engine's text similarity
 *    (Σ query weight × IDF × blend coefficient / document norm, summed per document in one
 *    pass; the blend is the engine's same- / cross-language one).
 * 4. For the best `candidates` rows Postgres computes the exact cosines against the stored
 *    TF-IDF vectors (only three numbers per candidate travel; parsing the vectors in Node
 *    cost more than everything else), and they are re-scored with structure here.
 * 5. The best few are checked to be open and unexpired (closed listings leave the index in
 *    the background), and only the final top k get reasons (their vectors fetched then).
 * `rankManyStored` does the same for many queries with one statistics lookup, one open check
 * and (lib/matching/bulk.ts) one proposal upsert per batch.
 * On a corpus smaller than the budget every shared key is used and every candidate is
 * re-scored, which gives the in-memory engine's ranking.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { DEFAULT_WEIGHTS, type MatchWeights } from './weights';
import { getGlossary } from './glossary';
import { combine, featuresFromText, idf, textSimilarity, vectorize, type CorpusStats, type DocVectors, type MatchFeatures } from './score';
import { explainMatch, type MatchReason } from './reasons';
import type { DocRepresentation } from './represent';
import { factsToInput, fromStored, keysOf, loadStats, rowsOf, statsFromRows, type DocFacts, type ListingKind, type StoredVectors } from './store';
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
  /** rankManyStored: candidate queries in flight at once (default 1) */
  pipeline?: number;
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

/** Loads stored documents (the query side) by listing id, in one round trip. */
export async function loadQueryDocs(db: Db, kind: ListingKind, ids: readonly string[]): Promise<Map<string, QueryDoc>> {
  const out = new Map<string, QueryDoc>();
  if (!ids.length) return out;
  const rows = rowsOf<{ listing_id: string; lang: Lang; rep: Omit<DocRepresentation, 'id'>; facts: DocFacts }>(
    await db.execute(sql`
      select listing_id, lang, rep, facts from match_documents
      where kind = ${kind} and listing_id = any(string_to_array(${ids.join(SEP)}, chr(31))::uuid[])`),
  );
  for (const r of rows) out.set(r.listing_id, { id: r.listing_id, lang: r.lang, rep: { id: r.listing_id, ...r.rep, lang: r.lang } as DocRepresentation, facts: r.facts });
  return out;
}

/** Loads a stored document (the query side) by listing id. */
export async function loadQueryDoc(db: Db, kind: ListingKind, id: string): Promise<QueryDoc | null> {
  return (await loadQueryDocs(db, kind, [id])).get(id) ?? null;
}

const SEP = '\u001f';

/**
 * Ranks listings of the other kind for a query document (`kind` is the query's kind).
 * Only open, unexpired listings are returned.
 */
export async function rankStored(db: Db, kind: ListingKind, query: QueryDoc, k = 10, opts: RetrievalOptions = {}): Promise<DbMatch[]> {
  if (k <= 0) return [];
  const qKeys = keysOf(query.rep);
  if (!qKeys.length) return [];
  return rankWithStats(db, kind, query, await loadStats(db, target(kind), qKeys), k, opts);
}

async function rankWithStats(db: Db, kind: ListingKind, query: QueryDoc, stats: CorpusStats, k: number, opts: RetrievalOptions): Promise<DbMatch[]> {
  const scored = await scoreCandidates(db, kind, query, stats, k, opts);
  const open = await openAmong(db, target(kind), scored, k, opts.withReasons !== false);
  return finish(kind, query, scored.filter((m) => open.has(m.id)).slice(0, k), open, opts);
}

/**
 * Ranks for many query documents of one kind with shared work: one statistics lookup for all
 * of them, one candidate query each, one open-listing check for all. The same results as
 * `rankStored` for each (each query's own listing is excluded).
 */
export async function rankManyStored(db: Db, kind: ListingKind, queries: readonly QueryDoc[], k = 10, opts: RetrievalOptions = {}): Promise<Map<string, DbMatch[]>> {
  const out = new Map<string, DbMatch[]>();
  if (k <= 0 || !queries.length) return out;
  const stats = await loadStats(db, target(kind), queries.flatMap((q) => keysOf(q.rep)));
  // candidate queries `pipeline` at a time: Postgres runs one while this process re-scores another
  const scoredAll: Array<[QueryDoc, Scored[]]> = queries.map((q) => [q, []]);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, opts.pipeline ?? 1) }, async () => {
      while (next < queries.length) {
        const i = next++;
        const q = queries[i];
        scoredAll[i][1] = await scoreCandidates(db, kind, q, stats, k, { ...opts, excludeIds: [...(opts.excludeIds ?? []), q.id] });
      }
    }),
  );
  const reasons = opts.withReasons !== false;
  const open = await openAmong(db, target(kind), scoredAll.flatMap(([, s]) => s.slice(0, k + OPEN_MARGIN)), Infinity, reasons);
  for (const [q, scored] of scoredAll) {
    let list = scored.filter((m) => open.has(m.id));
    // more closed listings among the first ones than the margin allows for: check the rest
    if (list.length < k && scored.length > k + OPEN_MARGIN) {
      for (const [id, vec] of await openAmong(db, target(kind), scored.slice(k + OPEN_MARGIN), k, reasons)) open.set(id, vec);
      list = scored.filter((m) => open.has(m.id));
    }
    out.set(q.id, finish(kind, q, list.slice(0, k), open, opts));
  }
  return out;
}

/** A candidate re-scored exactly (before the open-listing check and reasons). */
interface Scored {
  id: string;
  score: number;
  features: MatchFeatures;
  lang: Lang;
  input: NeedInput & SeedInput;
  qVec: DocVectors;
}

/** A listing's stored vectors and facts (for the reasons of the final top k). */
interface StoredDoc {
  vec: StoredVectors;
  facts: DocFacts;
}

/** Closed / expired listings leave the index in the background; this many extra are checked. */
const OPEN_MARGIN = 5;

/**
 * Which of the best-scored listings are open and unexpired: the first `k + margin`, then
 * further ones only while fewer than `k` are open (`k` = Infinity: all given, at once).
 * With `vectors`, also their stored vectors (for the reasons of the final top k).
 */
async function openAmong(db: Db, kind: ListingKind, scored: readonly Scored[], k: number, vectors: boolean): Promise<Map<string, StoredDoc | null>> {
  const open = new Map<string, StoredDoc | null>();
  const table = kind === 'need' ? sql`needs` : sql`seeds`;
  const kindLit = sql.raw(kind === 'seed' ? `'seed'` : `'need'`);
  let from = 0;
  let step = k === Infinity ? scored.length : k + OPEN_MARGIN;
  while (from < scored.length && open.size < k) {
    const ids = [...new Set(scored.slice(from, from + step).map((m) => m.id))];
    from += step;
    step *= 4;
    const rows = rowsOf<{ id: string; doc: StoredDoc | string | null }>(
      await db.execute(sql`
        select l.id, ${vectors ? sql`(select jsonb_build_object('vec', d.vec, 'facts', d.facts) from match_documents d where d.kind = ${kindLit} and d.listing_id = l.id)` : sql`null::jsonb`} as doc
        from ${table} l where l.id = any(string_to_array(${ids.join(SEP)}, chr(31))::uuid[]) and l.status = 'open' and l.expires_at > now()`),
    );
    for (const r of rows) open.set(r.id, typeof r.doc === 'string' ? (JSON.parse(r.doc) as StoredDoc) : r.doc);
  }
  return open;
}

async function scoreCandidates(db: Db, kind: ListingKind, query: QueryDoc, stats: CorpusStats, k: number, opts: RetrievalOptions): Promise<Scored[]> {
  const w = opts.weights ?? DEFAULT_WEIGHTS;
  const g = getGlossary();
  const other = target(kind);
  const qKeys = keysOf(query.rep);
  if (!qKeys.length || !stats.n) return [];
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
  const qKeysSql = chosen.map((x) => x.key).join(SEP);
  const kindLit = sql.raw(other === 'seed' ? `'seed'` : `'need'`); // a literal, so the partial index applies
  const exclude = opts.excludeIds?.length ? sql`and h.listing_id <> all(string_to_array(${opts.excludeIds.join(',')}, ',')::uuid[])` : sql``;
  const limit = Math.max(k + OPEN_MARGIN, opts.candidates ?? RETRIEVAL_DEFAULTS.candidates);
  // the whole query vector, for the exact cosines of the candidates (computed in SQL: the
  // stored vectors never travel, only three numbers per candidate)
  const vecParams = (m: ReadonlyMap<string, number>) => [[...m.keys()].join(SEP), [...m.values()].join(',')] as const;
  const [tk, tw] = vecParams(qVec.terms);
  const [ck, cw] = vecParams(qVec.concepts);
  const [lk, lw] = vecParams(qVec.loan);
  const same = [w.lexicalSameLang, 0, 1 - w.lexicalSameLang];
  const cross = [w.lexicalCrossLang, w.loanCrossLang, 1 - w.lexicalCrossLang - w.loanCrossLang];

  // per key: its weight times the blend coefficient of its group, for a document in the
  // query's language (ps) or in the other one (px)
  const coef = (key: string, sameLang: boolean) => (sameLang ? same : cross)[key[0] === 't' ? 0 : key[0] === 'l' ? 1 : 2];
  const ps = chosen.map((x) => (inRank.has(x.key) ? x.p * coef(x.key, true) : 0)).join(',');
  const px = chosen.map((x) => (inRank.has(x.key) ? x.p * coef(x.key, false) : 0)).join(',');

  const mainQ = sql`
      with q as (
        select left(k, 1) as g, ps::float8 as ps, px::float8 as px,
               ('''' || replace(replace(k, '\\', '\\\\'), '''', '''''') || '''')::tsquery as tq
        from unnest(string_to_array(${qKeysSql}, chr(31)), string_to_array(${ps}, ','), string_to_array(${px}, ',')) as x(k, ps, px)
      ), h as (
        select d.listing_id, sum(d.part) as pre
        from q cross join lateral (
          select listing_id,
                 (case when lang = ${query.lang} then q.ps else q.px end)
                 / (case q.g when 't' then term_norm when 'c' then concept_norm else loan_norm end) as part
          from match_documents
          where kind = ${kindLit} and keys @@ q.tq
        ) d
        group by d.listing_id
      ), top as materialized (
        select h.listing_id, h.pre from h where true ${exclude}
        order by h.pre desc, h.listing_id limit ${limit}
      ),
      qt as materialized (select x.k, x.w::float8 as w from unnest(string_to_array(${tk}, chr(31)), string_to_array(${tw}, ',')) as x(k, w)),
      qc as materialized (select x.k, x.w::float8 as w from unnest(string_to_array(${ck}, chr(31)), string_to_array(${cw}, ',')) as x(k, w)),
      ql as materialized (select x.k, x.w::float8 as w from unnest(string_to_array(${lk}, chr(31)), string_to_array(${lw}, ',')) as x(k, w))
      select top.listing_id, d.lang, d.facts ->> 'domain' as domain, (d.facts ->> 'trl')::float8 as trl,
        (d.facts ->> 'desiredTrl')::float8 as desired_trl, d.facts -> 'ip' ->> 'status' as ip_status, d.facts ->> 'updatedAt' as updated_at,
        coalesce((select sum((v.t ->> qt.k)::float8 * qt.w) from qt), 0) as lexical,
        coalesce((select sum((v.c ->> qc.k)::float8 * qc.w) from qc), 0) as concept,
        coalesce((select sum((v.l ->> ql.k)::float8 * ql.w) from ql), 0) as loan
      from top
      join match_documents d on d.kind = ${kindLit} and d.listing_id = top.listing_id
      -- each stored vector is read (detoasted) once per candidate; offset 0 keeps it so
      cross join lateral (select d.vec -> 't' as t, d.vec -> 'c' as c, d.vec -> 'l' as l offset 0) v`;
  if (process.env.MATCH_EXPLAIN && Math.random() < 0.05) console.log(rowsOf<Record<string, string>>(await db.execute(sql`explain (analyze, buffers) ${mainQ}`)).map((r) => Object.values(r)[0]).join('\n'));
  const rows = rowsOf<CandidateRow>(await db.execute(mainQ));
  return rescore(kind, query, qVec, rows, w, opts);
}

/** A candidate with its exact cosines and the facts the scorer reads (not the whole facts jsonb). */
interface CandidateRow {
  listing_id: string;
  lang: Lang;
  domain: string | null;
  trl: number | string | null;
  desired_trl: number | string | null;
  ip_status: string | null;
  updated_at: string | null;
  lexical: number | string;
  concept: number | string;
  loan: number | string;
}

function rescore(kind: ListingKind, query: QueryDoc, qVec: DocVectors, rows: readonly CandidateRow[], w: MatchWeights, opts: RetrievalOptions): Scored[] {
  const now = opts.now ?? new Date();
  const qInput = { id: query.id, title: '', ...factsToInput(query.facts) };
  const out: Scored[] = [];
  for (const r of rows) {
    const sameLang = r.lang === query.lang;
    const tf = { lexical: Number(r.lexical), concept: Number(r.concept), loan: Number(r.loan), sameLang };
    if (textSimilarity(tf, w) < w.minTextSim) continue;
    const num = (x: number | string | null) => (x === null ? null : Number(x));
    const input = {
      id: r.listing_id,
      title: '',
      domain: r.domain,
      trl: num(r.trl),
      desiredTrl: num(r.desired_trl),
      ip: r.ip_status ? { status: r.ip_status, jurisdictions: [] } : null,
      updatedAt: r.updated_at,
    } as NeedInput & SeedInput;
    const [need, seed] = kind === 'need' ? [qInput as NeedInput, input as SeedInput] : [input as NeedInput, qInput as SeedInput];
    const features = featuresFromText(need, seed, tf, w, now);
    out.push({ id: r.listing_id, score: combine(features, w), features, lang: r.lang, input, qVec });
  }
  return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

/** The final top k: reasons are built for these only (from the vectors the open check fetched). */
function finish(kind: ListingKind, query: QueryDoc, top: readonly Scored[], docs: ReadonlyMap<string, StoredDoc | null>, opts: RetrievalOptions): DbMatch[] {
  const qInput = { id: query.id, title: '', ...factsToInput(query.facts) };
  return top.map((m) => {
    let reasons: MatchReason[] = [];
    const stored = docs.get(m.id);
    if (opts.withReasons !== false && stored) {
      const dv = fromStored(stored.vec);
      const input = { id: m.id, title: '', ...factsToInput(stored.facts) } as NeedInput & SeedInput;
      const [need, seed] = kind === 'need' ? [qInput as NeedInput, input as SeedInput] : [input as NeedInput, qInput as SeedInput];
      const [nv, sv] = kind === 'need' ? [m.qVec, dv] : [dv, m.qVec];
      const langs = { q: { lang: query.lang } as DocRepresentation, d: { lang: m.lang } as DocRepresentation };
      const [nr, sr] = kind === 'need' ? [langs.q, langs.d] : [langs.d, langs.q];
      reasons = explainMatch(need, seed, m.features, nv, sv, nr, sr, getGlossary());
    }
    return { id: m.id, score: m.score, features: m.features, reasons };
  });
}

/** Top-k listings of the other kind for a stored listing (its own document must exist). */
export async function rankForListing(db: Db, kind: ListingKind, id: string, k = 10, opts: RetrievalOptions = {}): Promise<DbMatch[]> {
  if (k <= 0) return [];
  // the document and the other corpus' statistics of its keys in one round trip
  const rows = rowsOf<{ lang: Lang; rep: Omit<DocRepresentation, 'id'>; facts: DocFacts; stats: Array<[string, number]> | string | null }>(
    await db.execute(sql`
      select d.lang, d.rep, d.facts,
        (select json_agg(json_build_array(s.key, s.df)) from match_corpus_stats s
          where s.kind = ${target(kind)} and (s.key = '*' or s.key = any(tsvector_to_array(d.keys)))) as stats
      from match_documents d where d.kind = ${kind} and d.listing_id = ${id}::uuid`),
  );
  if (!rows.length) return [];
  const r = rows[0];
  const query: QueryDoc = { id, lang: r.lang, rep: { id, ...r.rep, lang: r.lang } as DocRepresentation, facts: r.facts };
  const pairs = (typeof r.stats === 'string' ? JSON.parse(r.stats) : (r.stats ?? [])) as Array<[string, number]>;
  const stats = statsFromRows(pairs.map(([key, df]) => ({ key, df })));
  return rankWithStats(db, kind, query, stats, k, { ...opts, excludeIds: [...(opts.excludeIds ?? []), id] });
}

/** Top-k for many stored listings of one kind, batched (see rankManyStored). */
export async function rankForListings(db: Db, kind: ListingKind, ids: readonly string[], k = 10, opts: RetrievalOptions = {}): Promise<Map<string, DbMatch[]>> {
  const docs = await loadQueryDocs(db, kind, ids);
  const queries = ids.map((id) => docs.get(id)).filter((q): q is QueryDoc => !!q);
  const out = await rankManyStored(db, kind, queries, k, opts);
  for (const id of ids) if (!out.has(id)) out.set(id, []);
  return out;
}
