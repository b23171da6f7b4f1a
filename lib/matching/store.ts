/**
 * Postgres storage of the engine's documents (table match_documents, with its inverted index
 * match_postings kept in step by a trigger) and corpus statistics (match_corpus_stats), kept in
 * step with the needs / seeds tables.
 *
 * - `indexListings` (re)represents listings, updates document frequencies by the difference of
 *   old and new keys (so the statistics stay exact under edits), and weighs each document's
 *   TF-IDF vectors with the statistics of the moment.
 * - As the corpus grows IDF drifts; `reweigh` recomputes vectors whose corpus size changed by
 *   more than a fraction (the background job runs it; scripts run it after a bulk load, which
 *   makes stored vectors identical to the in-memory engine's).
 * Framework-free: takes a `Db`, so scripts, jobs and tests use it alike.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { rowsOf } from '@/db/rows';
import { DEFAULT_WEIGHTS } from './weights';
import { getGlossary } from './glossary';
import { represent, type DocRepresentation } from './represent';
import { indexVectors, type CorpusStats, type DocVectors } from './score';
import { encodePacked } from './packed';
import { encodeWords } from './words';
import type { AcceptableTerms, OfferedTerms } from './licence-fit';
import type { Lang, NeedInput, SeedInput } from './types';
import type { ListingKind } from '@/db/vocabulary/listings';

/** Structured fields the scorer reads (everything but text). */
export interface DocFacts {
  domain: string | null;
  region: string | null;
  updatedAt: string | null;
  desiredTrl?: number | null;
  trl?: number | null;
  ip?: { status: string; jurisdictions: string[] } | null;
  licensing?: string | null;
  acceptTerms?: AcceptableTerms | null;
  licenceTerms?: OfferedTerms | null;
}

export interface ListingText {
  id: string;
  kind: ListingKind;
  organisationId: string;
  input: NeedInput | SeedInput;
  facts: DocFacts;
}

/** Stored vectors: plain objects (jsonb) of the three L2-normalised vectors. */
export interface StoredVectors {
  t: Record<string, number>;
  c: Record<string, number>;
  l: Record<string, number>;
}

// Caps against huge texts: the engine's cost is linear in text length.
export const TEXT_CAPS = { title: 300, summary: 4000, keyword: 100, keywords: 30, keys: 1500, keyLength: 200 } as const;

export function capInput<T extends NeedInput | SeedInput>(doc: T): T {
  return {
    ...doc,
    title: (doc.title ?? '').slice(0, TEXT_CAPS.title),
    summary: (doc.summary ?? '').slice(0, TEXT_CAPS.summary),
    keywords: (doc.keywords ?? []).slice(0, TEXT_CAPS.keywords).map((k) => k.slice(0, TEXT_CAPS.keyword)),
  };
}

const SEP = '\u001f'; // unit separator: never inside a token
const joinKeys = (keys: string[]) => keys.join(SEP);

/** Index keys of a representation: terms `t:`, concepts `c:`, loanword keys `l:`. */
export function keysOf(rep: DocRepresentation): string[] {
  const out: string[] = [];
  for (const t of Object.keys(rep.terms)) out.push(`t:${t}`);
  for (const c of Object.keys(rep.concepts)) out.push(`c:${c}`);
  for (const l of Object.keys(rep.loan ?? {})) out.push(`l:${l}`);
  return out.filter((k) => k.length <= TEXT_CAPS.keyLength && !k.includes(SEP)).slice(0, TEXT_CAPS.keys);
}

/** Drops keys beyond the caps from a representation, so rep, vectors and keys agree. */
function trimRep(rep: DocRepresentation): DocRepresentation {
  const keep = new Set(keysOf(rep));
  const pick = (m: Record<string, number>, p: string) =>
    Object.fromEntries(Object.entries(m).filter(([k]) => keep.has(p + k)));
  return { ...rep, terms: pick(rep.terms, 't:'), concepts: pick(rep.concepts, 'c:'), loan: pick(rep.loan ?? {}, 'l:') };
}

function toStored(v: DocVectors): StoredVectors {
  return { t: Object.fromEntries(v.terms), c: Object.fromEntries(v.concepts), l: Object.fromEntries(v.loan) };
}

/** Stored vectors (jsonb) back to Maps; a missing group is empty. */
export function fromStored(v: StoredVectors | null): DocVectors {
  const asMap = (x: Record<string, number> | undefined) => new Map(Object.entries(x ?? {}));
  return { terms: asMap(v?.t), concepts: asMap(v?.c), loan: asMap(v?.l) };
}

/** A document's stored vectors (jsonb) and their packed form (bytea, here base64), weighed with `stats`. */
function storedVectors(rep: DocRepresentation, stats: CorpusStats) {
  const v = indexVectors(rep, stats, DEFAULT_WEIGHTS, getGlossary());
  return { vec: toStored(v), packed: Buffer.from(encodePacked(v)).toString('base64') };
}

/** Document frequencies of the given keys (and the corpus size) in one corpus. */
export async function loadStats(db: Db, kind: ListingKind, keys: Iterable<string>): Promise<CorpusStats> {
  const list = [...new Set(keys)];
  const rows = rowsOf<{ key: string; df: number }>(
    await db.execute(sql`
      select key, df from match_corpus_stats
      where kind = ${kind} and (key = '*' or key = any(string_to_array(${joinKeys(list)}, chr(31))))`),
  );
  return statsFromRows(rows);
}

/** Corpus statistics from (key, df) rows of match_corpus_stats (key '*' = corpus size). */
export function statsFromRows(rows: Iterable<{ key: string; df: number | string }>): CorpusStats {
  const termDf = new Map<string, number>();
  const conceptDf = new Map<string, number>();
  const loanDf = new Map<string, number>();
  let n = 0;
  for (const r of rows) {
    const df = Number(r.df);
    if (r.key === '*') n = df;
    else if (r.key.startsWith('t:')) termDf.set(r.key.slice(2), df);
    else if (r.key.startsWith('c:')) conceptDf.set(r.key.slice(2), df);
    else if (r.key.startsWith('l:')) loanDf.set(r.key.slice(2), df);
  }
  return { n, termDf, conceptDf, loanDf };
}

const IP_STATUS: Record<string, 'granted' | 'filed' | 'none'> = {
  granted: 'granted',
  filed: 'filed',
  unpublished_application: 'filed',
  expired: 'none',
};

/** Reads listings as engine inputs (text capped), with the facts the scorer needs. */
export async function loadListings(db: Db, kind: ListingKind, ids: readonly string[]): Promise<ListingText[]> {
  if (!ids.length) return [];
  const idList = joinKeys([...ids]);
  if (kind === 'need') {
    const rows = rowsOf<Record<string, unknown>>(
      await db.execute(sql`
        select id, organisation_id, language, title, summary, keywords, domain, prefecture, trl_min, updated_at,
               accept_royalty_max_pct, accept_upfront_max_jpy, accept_territories, wants_exclusive, needs_sublicensing
        from needs where id = any(string_to_array(${idList}, chr(31))::uuid[])`),
    );
    return rows.map((r) => {
      const facts: DocFacts = {
        domain: (r.domain as string) ?? null,
        region: (r.prefecture as string) ?? null,
        updatedAt: toIso(r.updated_at),
        desiredTrl: (r.trl_min as number) ?? null,
        acceptTerms: {
          royaltyMaxPct: numberOrNull(r.accept_royalty_max_pct),
          upfrontMaxJpy: numberOrNull(r.accept_upfront_max_jpy),
          territories: pgArray(r.accept_territories),
          exclusive: r.wants_exclusive === true,
          sublicensing: r.needs_sublicensing === true,
        },
      };
      const input: NeedInput = capInput({
        id: r.id as string,
        lang: r.language as Lang,
        title: r.title as string,
        summary: r.summary as string,
        keywords: pgArray(r.keywords),
        ...factsToInput(facts),
      });
      return { id: r.id as string, kind, organisationId: r.organisation_id as string, input, facts };
    });
  }
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select s.id, s.organisation_id, s.language, s.title, s.summary, s.keywords, s.domain, s.prefecture, s.trl,
             s.ip_status, s.licensing, s.updated_at, s.royalty_min_pct, s.royalty_max_pct, s.upfront_fee_min_jpy,
             s.upfront_fee_max_jpy, s.licence_territories, s.sublicensing,
             coalesce((select array_agg(distinct i.jurisdiction order by i.jurisdiction) from ip_records i where i.seed_id = s.id), '{}') as jurisdictions
      from seeds s where s.id = any(string_to_array(${idList}, chr(31))::uuid[])`),
  );
  return rows.map((r) => {
    const status = IP_STATUS[(r.ip_status as string) ?? ''] ?? 'none';
    const facts: DocFacts = {
      domain: (r.domain as string) ?? null,
      region: (r.prefecture as string) ?? null,
      updatedAt: toIso(r.updated_at),
      trl: (r.trl as number) ?? null,
      ip: { status, jurisdictions: pgArray(r.jurisdictions) },
      licensing: pgArray(r.licensing)[0] ?? null,
      licenceTerms: {
        types: pgArray(r.licensing),
        royaltyMinPct: numberOrNull(r.royalty_min_pct),
        royaltyMaxPct: numberOrNull(r.royalty_max_pct),
        upfrontMinJpy: numberOrNull(r.upfront_fee_min_jpy),
        upfrontMaxJpy: numberOrNull(r.upfront_fee_max_jpy),
        territories: pgArray(r.licence_territories),
        sublicensing: typeof r.sublicensing === 'boolean' ? r.sublicensing : null,
      },
    };
    const input: SeedInput = capInput({
      id: r.id as string,
      lang: r.language as Lang,
      title: r.title as string,
      summary: r.summary as string,
      keywords: pgArray(r.keywords),
      ...factsToInput(facts),
    });
    return { id: r.id as string, kind, organisationId: r.organisation_id as string, input, facts };
  });
}

/** Postgres arrays arrive as JS arrays (postgres.js, PGlite) or, for enum arrays, as '{a,b}' text. */
function pgArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string' && v.startsWith('{'))
    return v
      .slice(1, -1)
      .split(',')
      .filter(Boolean)
      .map((s) => s.replace(/^"|"$/g, ''));
  return [];
}

/** real and bigint columns arrive as numbers or, by driver, as text */
function numberOrNull(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function toIso(v: unknown): string | null {
  if (!v) return null;
  const d = v instanceof Date ? v : new Date(String(v));
  return Number.isFinite(d.getTime()) ? d.toISOString() : null;
}

/** The engine input's structured part from stored facts. */
export function factsToInput(f: DocFacts): Partial<NeedInput & SeedInput> {
  return {
    domain: f.domain,
    region: f.region,
    updatedAt: f.updatedAt,
    desiredTrl: f.desiredTrl ?? null,
    trl: f.trl ?? null,
    ip: f.ip ?? null,
    licensing: f.licensing ?? null,
    acceptTerms: f.acceptTerms ?? null,
    licenceTerms: f.licenceTerms ?? null,
  };
}

async function upsertStats(db: Db, kind: ListingKind, delta: Map<string, number>) {
  const entries = [...delta].filter(([, d]) => d !== 0);
  for (let i = 0; i < entries.length; i += 5000) {
    const part = entries.slice(i, i + 5000);
    await db.execute(sql`
      insert into match_corpus_stats (kind, key, df)
      select ${kind}::listing_kind, k, d::int from unnest(string_to_array(${joinKeys(part.map(([k]) => k))}, chr(31)), string_to_array(${part.map(([, d]) => d).join(',')}, ',')) as x(k, d)
      on conflict (kind, key) do update set df = match_corpus_stats.df + excluded.df`);
  }
}

/**
 * (Re)indexes listings of one kind: representation, document-frequency update, vectors.
 * Runs in one transaction; a per-listing advisory lock keeps concurrent re-indexing of the
 * same listing from counting its keys twice.
 */
export async function indexListings(db: Db, kind: ListingKind, ids: readonly string[]): Promise<number> {
  const listings = await loadListings(db, kind, ids);
  if (!listings.length) return 0;
  const reps = listings.map((l) => trimRep(represent(l.input)));
  const newKeys = reps.map(keysOf);
  await db.transaction(async (tx) => {
    const sorted = [...listings.map((l) => l.id)].sort();
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext('match_doc:' || ${kind} || ':' || x)) from unnest(string_to_array(${joinKeys(sorted)}, chr(31))) as x`,
    );
    const old = rowsOf<{ listing_id: string; keys: string[] | string }>(
      await tx.execute(sql`
        select listing_id, tsvector_to_array(keys) as keys from match_documents
        where kind = ${kind} and listing_id = any(string_to_array(${joinKeys(sorted)}, chr(31))::uuid[])`),
    );
    const oldKeys = new Map(old.map((r) => [r.listing_id, pgArray(r.keys)]));
    const delta = new Map<string, number>();
    const bump = (k: string, d: number) => delta.set(k, (delta.get(k) ?? 0) + d);
    listings.forEach((l, i) => {
      const before = oldKeys.get(l.id);
      if (!before) bump('*', 1);
      for (const k of before ?? []) bump(k, -1);
      for (const k of newKeys[i]) bump(k, 1);
    });
    await upsertStats(tx, kind, delta);
    const stats = await loadStats(tx, kind, newKeys.flat());
    const rows = listings.map((l, i) => docRow(kind, l, reps[i], newKeys[i], stats));
    await writeDocuments(tx, rows);
  });
  return listings.length;
}

type DocRow = ReturnType<typeof docRow>;

function docRow(kind: ListingKind, l: ListingText, rep: DocRepresentation, keys: string[], stats: CorpusStats) {
  const { id: _id, ...repBody } = rep;
  return {
    kind,
    listingId: l.id,
    lang: rep.lang,
    rep: repBody,
    words: encodeWords(rep),
    ...storedVectors(rep, stats),
    facts: l.facts,
    keys,
    weighedN: stats.n,
  };
}

async function writeDocuments(db: Db, rows: DocRow[]) {
  for (let i = 0; i < rows.length; i += 500) {
    const part = rows.slice(i, i + 500).map((r) => ({ ...r, keys: joinKeys(r.keys) }));
    await db.execute(sql`
      insert into match_documents (kind, listing_id, lang, rep, words, vec, packed, facts, keys, weighed_n, updated_at)
      select x.kind::listing_kind, x."listingId"::uuid, x.lang::locale, x.rep, x.words, x.vec, decode(x.packed, 'base64'), x.facts,
             array_to_tsvector(array_remove(string_to_array(x.keys, chr(31)), '')), x."weighedN", now()
      from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as x(kind text, "listingId" text, lang text, rep jsonb, words text, vec jsonb, packed text, facts jsonb, keys text, "weighedN" int)
      on conflict (kind, listing_id) do update set lang = excluded.lang, rep = excluded.rep, words = excluded.words, vec = excluded.vec, packed = excluded.packed, facts = excluded.facts,
        keys = excluded.keys, weighed_n = excluded.weighed_n, updated_at = now()`);
  }
}

/** Removes a listing's document (closed, archived, deleted) and its share of the statistics. */
export async function removeListing(db: Db, kind: ListingKind, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('match_doc:' || ${kind} || ':' || ${id}))`);
    const rows = rowsOf<{ keys: string[] | string }>(
      await tx.execute(
        sql`delete from match_documents where kind = ${kind} and listing_id = ${id}::uuid returning tsvector_to_array(keys) as keys`,
      ),
    );
    if (!rows.length) return false;
    const delta = new Map<string, number>([['*', -1]]);
    for (const k of pgArray(rows[0].keys)) delta.set(k, -1);
    await upsertStats(tx, kind, delta);
    return true;
  });
}

/** Recomputes the statistics of one corpus from its documents (repairs any drift). */
export async function rebuildCorpusStats(db: Db, kind: ListingKind): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from match_corpus_stats where kind = ${kind}`);
    await tx.execute(sql`
      insert into match_corpus_stats (kind, key, df)
      select ${kind}::listing_kind, k, count(*)::int from match_documents, unnest(tsvector_to_array(keys)) as k where kind = ${kind} group by k
      union all select ${kind}::listing_kind, '*', count(*)::int from match_documents where kind = ${kind}`);
  });
}

/**
 * Rebuilds the postings of every document from its vector in one statement (after a bulk load
 * with the postings trigger disabled; the same SQL as migration 0011's backfill).
 */
export async function rebuildPostings(db: Db): Promise<void> {
  await db.execute(sql`truncate match_postings`);
  await db.execute(sql`
    insert into match_postings (kind, key, listing_id, lang, weight)
    select d.kind, g.prefix || e.key, d.listing_id, d.lang, e.value::real
    from match_documents d
    cross join lateral (values ('t:', d.vec -> 't'), ('c:', d.vec -> 'c'), ('l:', d.vec -> 'l')) as g(prefix, entries)
    cross join lateral jsonb_each_text(coalesce(g.entries, '{}'::jsonb)) as e(key, value)`);
}

/**
 * Re-weighs stored vectors with the current statistics: all of them (`all`), or those whose
 * corpus size at weighing differs from today's by more than `drift` (default 10 %) or that lack
 * their packed form (written before migration 0031).
 */
export async function reweigh(
  db: Db,
  kind: ListingKind,
  opts: { all?: boolean; drift?: number; batch?: number } = {},
): Promise<number> {
  const drift = opts.drift ?? 0.1;
  const batch = opts.batch ?? 500;
  const n = (await loadStats(db, kind, [])).n;
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = rowsOf<{ listing_id: string; lang: Lang; rep: Omit<DocRepresentation, 'id'>; facts: DocFacts }>(
      await db.execute(sql`
        select listing_id, lang, rep, facts from match_documents
        where kind = ${kind} and listing_id > ${after}::uuid
          and (${opts.all ?? false}::boolean or abs(weighed_n - ${n}::int) > ${n * drift}::float8 or packed is null)
        order by listing_id limit ${batch}`),
    );
    if (!rows.length) break;
    after = rows[rows.length - 1].listing_id;
    const reps = rows.map((r) => ({ id: r.listing_id, ...r.rep, lang: r.lang }) as DocRepresentation);
    const stats = await loadStats(db, kind, reps.flatMap(keysOf));
    const out = reps.map((rep, i) => ({ listingId: rows[i].listing_id, ...storedVectors(rep, stats) }));
    await db.execute(sql`
      update match_documents d set vec = x.vec, packed = decode(x.packed, 'base64'), weighed_n = ${stats.n}::int
      from jsonb_to_recordset(${JSON.stringify(out)}::jsonb) as x("listingId" text, vec jsonb, packed text)
      where d.kind = ${kind} and d.listing_id = x."listingId"::uuid`);
    done += rows.length;
  }
  return done;
}

/**
 * Removes documents of listings that are no longer open or have expired (expiry fires no
 * event, so the background job sweeps). Returns how many were removed.
 */
export async function pruneIndex(db: Db, kind: ListingKind): Promise<number> {
  const table = kind === 'need' ? sql`needs` : sql`seeds`;
  const stale = rowsOf<{ id: string }>(
    await db.execute(sql`
      select d.listing_id as id from match_documents d left join ${table} l on l.id = d.listing_id
      where d.kind = ${kind} and (l.id is null or l.status <> 'open' or l.expires_at <= now())`),
  );
  for (const { id } of stale) await removeListing(db, kind, id);
  return stale.length;
}
