import 'server-only';
import {
  and,
  arrayContains,
  arrayOverlaps,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { getDb } from '@/db';
import { clusters, organisationClusters, organisations } from '@/db/schema/accounts';
import { needs, seeds } from '@/db/schema/listings';
import type { Viewer } from '@/lib/auth/policy';
import { browsableSql, liveSql, needColumns, seedColumns, type ListingTable } from './access';
import { needCard, seedCard, type NeedRow, type NeedView, type SeedRow, type SeedView } from './listing-views';
import { buildExpandedTsQuery, buildTsQuery } from './search-text';
import { territoriesCovering } from '@/lib/matching/licence-fit';
import type { SearchParams } from './validation';

export const PAGE_SIZE = 20;
/**
 * Matches are counted up to this many (then shown as "1,000+"): an exact count of a broad
 * search (every open seed) costs a scan of all of them, a capped one stops early.
 */
export const COUNT_CAP = 1000;

/** `total` is exact unless `totalCapped`, when there are more than COUNT_CAP matches. */
export type SearchResult<V> = {
  items: V[];
  total: number;
  totalCapped: boolean;
  page: number;
  totalPages: number;
  pageSize: number;
};

/** Text condition and rank expression for what the user typed (null when nothing typed). */
function textMatch(t: ListingTable, q: string | undefined): { where: SQL; rank?: SQL<number> } | null {
  if (!q) return null;
  const tsq = buildExpandedTsQuery(q);
  if (tsq && buildTsQuery(q)) {
    const query = sql`to_tsquery('simple', ${tsq})`;
    return { where: sql`${t.searchVector} @@ ${query}`, rank: sql<number>`ts_rank(${t.searchVector}, ${query})` };
  }
  // a single kanji or katakana, a stop word, a sign: the index cannot answer, a substring match on title/summary
  // can. No rank: every hit is equal, so newest first (a constant `order by 0` would be a column position).
  const words = q.split(/\s+/).filter(Boolean);
  const contains = (word: string) => {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return or(ilike(t.title, pattern), ilike(t.summary, pattern))!;
  };
  const asTyped = and(...words.map(contains))!;
  // … unless it is a glossary term (X線, 鋼): then also its translations (x-ray, steel) through the index
  return { where: tsq ? or(asTyped, sql`${t.searchVector} @@ to_tsquery('simple', ${tsq})`)! : asTyped };
}

function commonFilters(t: ListingTable, p: SearchParams): SQL[] {
  const where: SQL[] = [];
  if (p.domain) where.push(eq(t.domain, p.domain));
  if (p.prefecture) where.push(sql`coalesce(${t.prefecture}, ${organisations.prefecture}) = ${p.prefecture}`);
  if (p.orgKind) where.push(eq(organisations.kind, p.orgKind));
  if (p.cluster) {
    where.push(
      sql`exists (select 1 from ${organisationClusters} where ${organisationClusters.organisationId} = ${t.organisationId} and ${organisationClusters.clusterId} = ${p.cluster})`,
    );
  }
  if (p.posted) where.push(sql`${t.publishedAt} >= now() - ${sql.raw(`interval '${Number(p.posted)} days'`)}`);
  return where;
}

/** Newest first in the order of the partial index *_open_newest_idx (so a browse without text walks it). */
function orderOf(t: ListingTable, p: SearchParams, rank: SQL<number> | undefined) {
  const newest = [sql`${t.publishedAt} desc nulls last`, sql`${t.id} desc nulls last`];
  return p.sort !== 'newest' && rank ? [desc(rank), ...newest] : newest;
}

/** Needs the organisations join only when a filter reads the organisation. */
const filtersReadOrganisation = (p: SearchParams) => Boolean(p.prefecture || p.orgKind);

/** Matches counted up to COUNT_CAP + 1, in one cheap query (no ranking, no columns). */
async function countCapped(t: ListingTable, where: SQL | undefined, joinOrganisation: boolean): Promise<number> {
  const db = await getDb();
  const base = db.select({ one: sql`1` }).from(t);
  const inner = (joinOrganisation ? base.innerJoin(organisations, eq(organisations.id, t.organisationId)) : base)
    .where(where)
    .limit(COUNT_CAP + 1);
  const [{ total }] = await db.select({ total: count() }).from(inner.as('m'));
  return total;
}

function paged<V>(items: V[], counted: number, page: number): SearchResult<V> {
  const totalCapped = counted > COUNT_CAP;
  const total = totalCapped ? COUNT_CAP : counted;
  return {
    items,
    total,
    totalCapped,
    page,
    totalPages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    pageSize: PAGE_SIZE,
  };
}

type Window = { limit: number; offset: number };
type Cards<V> = { items: V[]; matches: number };

/** Number of matching rows, computed in the page query itself (the rows are all read to rank them anyway). */
const matchesInQuery = sql<number>`count(*) over ()`.mapWith(Number);
const noCount = sql<number>`0`.mapWith(Number);

/**
 * A page and its count. With text the ranked query reads and sorts every match anyway, so it
 * counts them too (one query); without text the page walks the newest-first index and stops
 * early, and a capped count runs beside it.
 */
async function searchPage<V>(
  p: SearchParams,
  cards: (w: Window, count: boolean) => Promise<Cards<V>>,
  countMatches: () => Promise<number>,
): Promise<SearchResult<V>> {
  const window = { limit: PAGE_SIZE, offset: (p.page - 1) * PAGE_SIZE };
  if (p.q) {
    const { items, matches } = await cards(window, true);
    if (items.length || p.page === 1) return paged(items, matches, p.page);
    return paged(items, await countMatches(), p.page); // past the last page: no row carried the count
  }
  const [total, { items }] = await Promise.all([countMatches(), cards(window, false)]);
  return paged(items, total, p.page);
}

/**
 * Open, unexpired needs the viewer may see, filtered; ordered by relevance or newest. TRL
 * filter: the need's desired range contains it.
 */
function needsQuery(viewer: Viewer, p: SearchParams) {
  const text = textMatch(needs, p.q);
  const where = and(
    browsableSql(needs, viewer),
    ...commonFilters(needs, p),
    ...(text ? [text.where] : []),
    ...(p.trl
      ? [
          or(sql`${needs.trlMin} is null`, lte(needs.trlMin, p.trl))!,
          or(sql`${needs.trlMax} is null`, gte(needs.trlMax, p.trl))!,
        ]
      : []),
  );
  return { where, order: orderOf(needs, p, text?.rank) };
}

async function needCards(
  viewer: Viewer,
  p: SearchParams,
  { limit, offset }: Window,
  count = false,
): Promise<Cards<NeedView>> {
  const db = await getDb();
  const { where, order } = needsQuery(viewer, p);
  const rows = await db
    .select({ ...needColumns(viewer), matches: count ? matchesInQuery : noCount })
    .from(needs)
    .innerJoin(organisations, eq(organisations.id, needs.organisationId))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  return { items: rows.map((r) => needCard(viewer, r as NeedRow)), matches: rows[0]?.matches ?? 0 };
}

/** One page of needs as card views (no details, no people), with the (capped) count. */
export async function searchNeeds(viewer: Viewer, p: SearchParams): Promise<SearchResult<NeedView>> {
  return searchPage(
    p,
    (w, count) => needCards(viewer, p, w, count),
    () => countCapped(needs, needsQuery(viewer, p).where, filtersReadOrganisation(p)),
  );
}

/**
 * Seeds: for a verified member everything live they may see; for a signed-out visitor
 * (viewer null) public teasers only. TRL filter: the seed's TRL is at least the value.
 */
function seedsQuery(viewer: Viewer | null, p: SearchParams) {
  const text = textMatch(seeds, p.q);
  const where = and(
    viewer ? browsableSql(seeds, viewer) : and(liveSql(seeds), eq(seeds.visibility, 'public_teaser')),
    ...commonFilters(seeds, p),
    ...(text ? [text.where] : []),
    ...(p.trl ? [gte(seeds.trl, p.trl)] : []),
    ...(p.ipStatus ? [eq(seeds.ipStatus, p.ipStatus)] : []),
    ...(p.licensing ? [arrayContains(seeds.licensing, [p.licensing])] : []),
    ...(p.royaltyMax !== undefined ? [lte(seeds.royaltyMinPct, p.royaltyMax)] : []),
    ...(p.territory ? [arrayOverlaps(seeds.licenceTerritories, territoriesCovering(p.territory))] : []),
    ...(p.sublicensing ? [eq(seeds.sublicensing, true)] : []),
    ...(p.option ? [eq(seeds.optionAgreement, true)] : []),
  );
  return { where, order: orderOf(seeds, p, text?.rank) };
}

async function seedCards(
  viewer: Viewer | null,
  p: SearchParams,
  { limit, offset }: Window,
  count = false,
): Promise<Cards<SeedView>> {
  const db = await getDb();
  const { where, order } = seedsQuery(viewer, p);
  const rows = await db
    .select({ ...seedColumns(viewer), matches: count ? matchesInQuery : noCount })
    .from(seeds)
    .innerJoin(organisations, eq(organisations.id, seeds.organisationId))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  return { items: rows.map((r) => seedCard(viewer, r as SeedRow)), matches: rows[0]?.matches ?? 0 };
}

/** One page of seeds as card views, with the (capped) count. */
export async function searchSeeds(viewer: Viewer | null, p: SearchParams): Promise<SearchResult<SeedView>> {
  return searchPage(
    p,
    (w, count) => seedCards(viewer, p, w, count),
    () => countCapped(seeds, seedsQuery(viewer, p).where, filtersReadOrganisation(p)),
  );
}

/** The first `limit` results of a search across all pages, in its order, in one query (CSV export). */
export async function searchAll(
  viewer: Viewer,
  kind: 'needs' | 'seeds',
  p: SearchParams,
  limit: number,
): Promise<NeedView[] | SeedView[]> {
  return (
    kind === 'needs'
      ? await needCards(viewer, p, { limit, offset: 0 })
      : await seedCards(viewer, p, { limit, offset: 0 })
  ).items;
}

/** Options of the cluster filter. */
export async function listClusterOptions() {
  const db = await getDb();
  return db
    .select({ id: clusters.id, nameJa: clusters.nameJa, nameEn: clusters.nameEn })
    .from(clusters)
    .orderBy(asc(clusters.nameEn));
}
