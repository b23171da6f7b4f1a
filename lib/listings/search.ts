import 'server-only';
import { and, arrayContains, asc, count, desc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { clusters, organisationClusters, organisations } from '@/db/schema/accounts';
import { needs, seeds } from '@/db/schema/listings';
import type { Viewer } from '@/lib/auth/policy';
import { browsableSql, liveSql, needColumns, seedColumns, type ListingTable } from './access';
import { needCard, seedCard, type NeedRow, type NeedView, type SeedRow, type SeedView } from './disclosure';
import { buildTsQuery } from './search-text';
import type { SearchParams } from './validation';

export const PAGE_SIZE = 20;

export type SearchResult<V> = { items: V[]; total: number; page: number; totalPages: number; pageSize: number };

const tsvector = (t: ListingTable) => sql`to_tsvector('simple', ${t.searchText})`;

/** Text condition and rank expression for what the user typed (null when nothing typed). */
function textMatch(t: ListingTable, q: string | undefined): { where: SQL; rank: SQL<number> } | null {
  if (!q) return null;
  const tsq = buildTsQuery(q);
  if (tsq) {
    const query = sql`to_tsquery('simple', ${tsq})`;
    return { where: sql`${tsvector(t)} @@ ${query}`, rank: sql<number>`ts_rank(${tsvector(t)}, ${query})` };
  }
  // a single kanji or katakana: the index cannot answer, a substring match on title/summary can
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return { where: or(ilike(t.title, pattern), ilike(t.summary, pattern))!, rank: sql<number>`0` };
}

function commonFilters(t: ListingTable, p: SearchParams): SQL[] {
  const where: SQL[] = [];
  if (p.domain) where.push(eq(t.domain, p.domain));
  if (p.prefecture) where.push(sql`coalesce(${t.prefecture}, ${organisations.prefecture}) = ${p.prefecture}`);
  if (p.orgKind) where.push(eq(organisations.kind, p.orgKind));
  if (p.cluster) {
    where.push(sql`exists (select 1 from ${organisationClusters} where ${organisationClusters.organisationId} = ${t.organisationId} and ${organisationClusters.clusterId} = ${p.cluster})`);
  }
  if (p.posted) where.push(sql`${t.publishedAt} >= now() - ${sql.raw(`interval '${Number(p.posted)} days'`)}`);
  return where;
}

function orderOf(t: ListingTable, p: SearchParams, rank: SQL<number> | undefined) {
  const newest = [desc(t.publishedAt), desc(t.id)];
  return p.sort !== 'newest' && rank ? [desc(rank), ...newest] : newest;
}

function paged<V>(items: V[], total: number, page: number): SearchResult<V> {
  return { items, total, page, totalPages: Math.max(1, Math.ceil(total / PAGE_SIZE)), pageSize: PAGE_SIZE };
}

/**
 * Open, unexpired needs the viewer may see, filtered and ranked. TRL filter: the need's
 * desired range contains it. Returns card views (no details, no people).
 */
export async function searchNeeds(viewer: Viewer, p: SearchParams): Promise<SearchResult<NeedView>> {
  const db = await getDb();
  const text = textMatch(needs, p.q);
  const where = and(
    browsableSql(needs, viewer),
    ...commonFilters(needs, p),
    ...(text ? [text.where] : []),
    ...(p.trl ? [or(sql`${needs.trlMin} is null`, lte(needs.trlMin, p.trl))!, or(sql`${needs.trlMax} is null`, gte(needs.trlMax, p.trl))!] : []),
  );
  const [{ total }] = await db.select({ total: count() }).from(needs).innerJoin(organisations, eq(organisations.id, needs.organisationId)).where(where);
  const rows = await db
    .select(needColumns(viewer))
    .from(needs)
    .innerJoin(organisations, eq(organisations.id, needs.organisationId))
    .where(where)
    .orderBy(...orderOf(needs, p, text?.rank))
    .limit(PAGE_SIZE)
    .offset((p.page - 1) * PAGE_SIZE);
  return paged(rows.map((r) => needCard(viewer, r as NeedRow)), total, p.page);
}

/**
 * Seeds: for a verified member everything live they may see; for a signed-out visitor
 * (viewer null) public teasers only. TRL filter: the seed's TRL is at least the value.
 */
export async function searchSeeds(viewer: Viewer | null, p: SearchParams): Promise<SearchResult<SeedView>> {
  const db = await getDb();
  const text = textMatch(seeds, p.q);
  const where = and(
    viewer ? browsableSql(seeds, viewer) : and(liveSql(seeds), eq(seeds.visibility, 'public_teaser')),
    ...commonFilters(seeds, p),
    ...(text ? [text.where] : []),
    ...(p.trl ? [gte(seeds.trl, p.trl)] : []),
    ...(p.ipStatus ? [eq(seeds.ipStatus, p.ipStatus)] : []),
    ...(p.licensing ? [arrayContains(seeds.licensing, [p.licensing])] : []),
  );
  const [{ total }] = await db.select({ total: count() }).from(seeds).innerJoin(organisations, eq(organisations.id, seeds.organisationId)).where(where);
  const rows = await db
    .select(seedColumns(viewer))
    .from(seeds)
    .innerJoin(organisations, eq(organisations.id, seeds.organisationId))
    .where(where)
    .orderBy(...orderOf(seeds, p, text?.rank))
    .limit(PAGE_SIZE)
    .offset((p.page - 1) * PAGE_SIZE);
  return paged(rows.map((r) => seedCard(viewer, r as SeedRow)), total, p.page);
}

/** Options of the cluster filter. */
export async function listClusterOptions() {
  const db = await getDb();
  return db.select({ id: clusters.id, nameJa: clusters.nameJa, nameEn: clusters.nameEn }).from(clusters).orderBy(asc(clusters.nameEn));
}
