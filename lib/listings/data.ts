import 'server-only';
import { and, asc, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { type Db, getDb } from '@/db';
import { organisations } from '@/db/schema/accounts';
import { ipRecords, needs, seeds } from '@/db/schema/listings';
import type { ListingKind, ListingStatus } from '@/db/vocabulary/listings';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { enqueueRematch, prepareRematch } from '@/lib/matching/jobs';
import { type ListingTable, manageableSql, needColumns, readableSql, seedColumns } from './access';
import { changedParts } from './changes';
import { presentNeed, presentSeed } from './disclosure';
import { fromTri, toTri } from './licence-terms';
import {
  type IpRow,
  needCard,
  type NeedRow,
  type NeedView,
  seedCard,
  type SeedRow,
  type SeedView,
} from './listing-views';
import { resolveOwnerOrganisation } from './owner-org';
import { EDITABLE_STATUSES, strongestIpStatus } from './rules';
import { buildSearchText } from './search-text';
import type { NeedFormValues, NeedInput, SeedFormValues, SeedInput } from './validation';

// Needs and seeds: one data module. What is the same (the save with its optimistic lock, status
// rules, audit and re-match; the scoped reads; the owner's list) is written once below; what differs
// is the per-kind descriptor `kinds`: the table and its columns, the content a form writes, a seed's
// IP records (a need has none), how a row becomes the form's values and the viewer's view.

/** The columns a form writes (the owner and the status are the save's). */
type Content<T extends ListingTable> = Omit<
  T['$inferInsert'],
  'organisationId' | 'createdBy' | 'contactUserId' | 'status'
>;
type ByKind = {
  need: { input: NeedInput; content: Content<typeof needs>; values: NeedFormValues; row: NeedRow; view: NeedView };
  seed: { input: SeedInput; content: Content<typeof seeds>; values: SeedFormValues; row: SeedRow; view: SeedView };
};
export type ListingView<K extends ListingKind> = ByKind[K]['view'];
type Saved = { id: string; version: number; status: ListingStatus };
type Edit<K extends ListingKind> = { values: ByKind[K]['values']; status: ListingStatus; reviewComment: string | null };

interface KindData<K extends ListingKind> {
  table: ListingTable;
  /** the listing's rows with their organisation (scope and order in `where`/`order`) */
  rows(
    db: Db,
    viewer: Viewer | null,
    where: SQL | undefined,
    opts?: { newestFirst: boolean; limit: number },
  ): Promise<ByKind[K]['row'][]>;
  contentOf(input: ByKind[K]['input']): ByKind[K]['content'];
  /** a seed's IP records, kept beside the row (a need has none) */
  ipRecords: typeof seedIpRecords | null;
  formValues(row: ByKind[K]['row'], ips: IpRow[]): ByKind[K]['values'];
  present(db: Db, viewer: Viewer, row: ByKind[K]['row'], ips: IpRow[], ip: string | null): Promise<ByKind[K]['view']>;
  card(viewer: Viewer | null, row: ByKind[K]['row']): ByKind[K]['view'];
}

/** A listing query joined to its organisation (the columns read it), scoped by `where`. */
function withOwner<Q extends PgSelect>(
  query: Q,
  table: ListingTable,
  where: SQL | undefined,
  opts = { newestFirst: false, limit: 1 },
) {
  return query
    .innerJoin(organisations, eq(organisations.id, table.organisationId))
    .where(where)
    .orderBy(...(opts.newestFirst ? [desc(table.updatedAt)] : []))
    .limit(opts.limit);
}

const ipColumns = {
  number: ipRecords.number,
  jurisdiction: ipRecords.jurisdiction,
  status: ipRecords.status,
  title: ipRecords.title,
  filedOn: ipRecords.filedOn,
  grantedOn: ipRecords.grantedOn,
};

const seedIpRecords = {
  /** as stored (number and dates null when not given), for the insert and the change list */
  rowsOf: (records: SeedInput['ipRecords']) =>
    records.map((r) => ({
      number: r.number || null,
      jurisdiction: r.jurisdiction.toUpperCase(),
      status: r.status,
      title: r.title,
      filedOn: r.filedOn || null,
      grantedOn: r.grantedOn || null,
    })),
  async load(db: Db, seedId: string): Promise<IpRow[]> {
    return db.select(ipColumns).from(ipRecords).where(eq(ipRecords.seedId, seedId)).orderBy(asc(ipRecords.createdAt));
  },
  async replace(tx: Db, seedId: string, records: SeedInput['ipRecords']) {
    await tx.delete(ipRecords).where(eq(ipRecords.seedId, seedId));
    if (!records.length) return;
    await tx.insert(ipRecords).values(seedIpRecords.rowsOf(records).map((r) => ({ seedId, ...r })));
  },
  /** order-free, to compare before and after an edit */
  fingerprint: (records: IpRow[]) => records.map((r) => JSON.stringify(r)).sort(),
};

const kinds: { [K in ListingKind]: KindData<K> } = {
  need: {
    table: needs,
    rows: (db, viewer, where, opts) =>
      withOwner(db.select(needColumns(viewer)).from(needs).$dynamic(), needs, where, opts),
    contentOf: (input) => ({
      ...commonContent(input),
      trlMin: input.trlMin ?? null,
      trlMax: input.trlMax ?? null,
      budgetMinJpy: input.budgetMinJpy ?? null,
      budgetMaxJpy: input.budgetMaxJpy ?? null,
      timeline: input.timeline || null,
      partnerKinds: input.partnerKinds,
      regionPreference: input.regionPreference || null,
      visibility: input.visibility,
      anonymousLabel: input.anonymousLabel || null,
      acceptRoyaltyMaxPct: input.acceptRoyaltyMaxPct ?? null,
      acceptUpfrontMaxJpy: input.acceptUpfrontMaxJpy ?? null,
      acceptTerritories: [...new Set(input.acceptTerritories ?? [])],
      wantsExclusive: input.wantsExclusive ?? false,
      needsSublicensing: input.needsSublicensing ?? false,
      searchText: buildSearchText({ ...input, anonymousLabel: input.anonymousLabel }),
    }),
    ipRecords: null,
    formValues: (row) => ({
      ...commonValues(row),
      trlMin: row.trlMin ?? undefined,
      trlMax: row.trlMax ?? undefined,
      budgetMinJpy: row.budgetMinJpy ?? undefined,
      budgetMaxJpy: row.budgetMaxJpy ?? undefined,
      timeline: row.timeline ?? '',
      partnerKinds: row.partnerKinds,
      regionPreference: row.regionPreference ?? '',
      visibility: row.visibility,
      anonymousLabel: row.anonymousLabel ?? '',
      acceptRoyaltyMaxPct: row.acceptTerms.royaltyMaxPct ?? undefined,
      acceptUpfrontMaxJpy: row.acceptTerms.upfrontMaxJpy ?? undefined,
      acceptTerritories: row.acceptTerms.territories,
      wantsExclusive: row.acceptTerms.exclusive,
      needsSublicensing: row.acceptTerms.sublicensing,
    }),
    present: (db, viewer, row, _ips, ip) => presentNeed(db, viewer, row, ip),
    card: needCard,
  },
  seed: {
    table: seeds,
    rows: (db, viewer, where, opts) =>
      withOwner(db.select(seedColumns(viewer)).from(seeds).$dynamic(), seeds, where, opts),
    contentOf: (input) => ({
      ...commonContent(input),
      trl: input.trl ?? null,
      leadResearcher: input.leadResearcher || null,
      licensing: input.licensing,
      royaltyMinPct: input.royaltyMinPct ?? null,
      royaltyMaxPct: input.royaltyMaxPct ?? null,
      upfrontFeeMinJpy: input.upfrontFeeMinJpy ?? null,
      upfrontFeeMaxJpy: input.upfrontFeeMaxJpy ?? null,
      milestoneFeeMinJpy: input.milestoneFeeMinJpy ?? null,
      milestoneFeeMaxJpy: input.milestoneFeeMaxJpy ?? null,
      licenceTerritories: [...new Set(input.licenceTerritories)],
      fieldOfUse: input.fieldOfUse || null,
      exclusivityMonths: input.exclusivityMonths ?? null,
      sublicensing: fromTri(input.sublicensing),
      optionAgreement: fromTri(input.optionAgreement),
      advantages: input.advantages,
      visibility: input.visibility,
      ipStatus: strongestIpStatus(input.ipRecords.map((r) => r.status)),
      searchText: buildSearchText({ ...input, ipTitles: input.ipRecords.map((r) => r.title) }),
    }),
    ipRecords: seedIpRecords,
    formValues: (row, ips) => ({
      ...commonValues(row),
      trl: row.trl ?? undefined,
      leadResearcher: row.leadResearcher ?? '',
      licensing: row.licensing,
      royaltyMinPct: row.terms.royaltyMinPct ?? undefined,
      royaltyMaxPct: row.terms.royaltyMaxPct ?? undefined,
      upfrontFeeMinJpy: row.terms.upfrontFeeMinJpy ?? undefined,
      upfrontFeeMaxJpy: row.terms.upfrontFeeMaxJpy ?? undefined,
      milestoneFeeMinJpy: row.terms.milestoneFeeMinJpy ?? undefined,
      milestoneFeeMaxJpy: row.terms.milestoneFeeMaxJpy ?? undefined,
      licenceTerritories: row.terms.licenceTerritories,
      fieldOfUse: row.terms.fieldOfUse ?? '',
      exclusivityMonths: row.terms.exclusivityMonths ?? undefined,
      sublicensing: toTri(row.terms.sublicensing),
      optionAgreement: toTri(row.terms.optionAgreement),
      advantages: row.advantages,
      visibility: row.visibility,
      ipRecords: ips.map((r) => ({
        ...r,
        number: r.number ?? '',
        filedOn: r.filedOn ?? '',
        grantedOn: r.grantedOn ?? '',
      })),
    }),
    present: (db, viewer, row, ips, ip) => presentSeed(db, viewer, row, ips, ip),
    card: seedCard,
  },
};

function commonContent(input: NeedInput | SeedInput) {
  return {
    language: input.language,
    title: input.title,
    summary: input.summary,
    details: input.details,
    domain: input.domain,
    keywords: input.keywords,
    prefecture: input.prefecture || null,
    disclosure: input.disclosure,
  };
}

function commonValues(row: NeedRow | SeedRow) {
  return {
    id: row.id,
    version: row.version,
    intent: 'draft' as const,
    language: row.language,
    title: row.title,
    summary: row.summary,
    details: row.details,
    domain: row.domain,
    keywords: row.keywords,
    prefecture: row.prefecture ?? '',
    disclosure: row.disclosure,
  };
}

/**
 * Creates (no id) or updates (id + version) a need or a seed (with its IP records). 'draft' keeps a
 * draft a draft (autosave); 'submit', or any edit of a listing already under review or published,
 * goes to review.
 */
export async function saveListing<K extends ListingKind>(
  viewer: Viewer,
  kind: K,
  input: ByKind[K]['input'],
  ip: string | null = null,
): Promise<Saved> {
  const d: KindData<K> = kinds[kind];
  const table = d.table;
  const ips = d.ipRecords;
  const records = 'ipRecords' in input ? input.ipRecords : [];
  const db = await getDb();
  if (!input.id) {
    const owner = await resolveOwnerOrganisation(db, viewer, kind, input.organisationId);
    const content: ByKind[ListingKind]['content'] = d.contentOf(input);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(table)
        .values({
          ...content,
          organisationId: owner.organisationId,
          createdBy: viewer.userId,
          contactUserId: owner.onBehalf ? null : viewer.userId,
          status: input.intent === 'submit' ? 'pending_review' : 'draft',
        })
        .returning({ id: table.id, version: table.version, status: table.status });
      await ips?.replace(tx, row.id, records);
      await writeAudit(tx, {
        actorId: viewer.userId,
        action: `${kind}.create`,
        subjectType: kind,
        subjectId: row.id,
        details: { status: row.status, onBehalf: owner.onBehalf },
        ip,
      });
      return row;
    });
  }
  const { id, version } = input;
  if (!version) throw new AppError('invalid', 'errors.invalid', { version: ['validation.required'] });
  const status =
    input.intent === 'submit'
      ? sql`'pending_review'::listing_status`
      : sql`(case when ${table.status} = 'draft' then 'draft' else 'pending_review' end)::listing_status`;
  const mine = and(eq(table.id, id), manageableSql(table, viewer));
  await prepareRematch(); // the re-match job is enqueued inside the transaction
  return db.transaction(async (tx) => {
    // what the edit changes, for followers (kept in the audit entry)
    const [before] = await tx.select().from(table).where(mine);
    const content = d.contentOf(input);
    const changed = ips
      ? changedParts(
          { ...before, ipRecords: ips.fingerprint(await ips.load(tx, id)) },
          { ...content, ipRecords: ips.fingerprint(ips.rowsOf(records)) },
        )
      : changedParts(before ?? {}, content);
    const updated = await tx
      .update(table)
      .set({
        ...content,
        status,
        closedReason: null,
        version: sql`${table.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(mine, eq(table.version, version), inArray(table.status, [...EDITABLE_STATUSES])))
      .returning({ id: table.id, version: table.version, status: table.status });
    if (!updated.length) {
      const [exists] = await tx.select({ id: table.id }).from(table).where(mine);
      throw exists ? new AppError('conflict', 'listings.errors.conflict') : new AppError('not_found');
    }
    await ips?.replace(tx, id, records);
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: `${kind}.update`,
      subjectType: kind,
      subjectId: id,
      details: { status: updated[0].status, intent: input.intent, changed },
      ip,
    });
    await enqueueRematch({ kind, id }, { tx }); // an edit of an open listing leaves matching until re-published
    return updated[0];
  });
}

/** One listing with its IP records (a need: none). */
async function selectOne<K extends ListingKind>(kind: K, viewer: Viewer | null, where: SQL | undefined) {
  const d: KindData<K> = kinds[kind];
  const db = await getDb();
  const [row] = await d.rows(db, viewer, where);
  const ips = row && d.ipRecords ? await d.ipRecords.load(db, row.id) : [];
  return { db, d, row, ips };
}

/** Detail view for a verified member; null (→ 404) when it does not exist or is not theirs to see. */
export async function getListingForViewer<K extends ListingKind>(
  viewer: Viewer,
  kind: K,
  id: string,
  ip: string | null = null,
): Promise<ListingView<K> | null> {
  const table = kinds[kind].table;
  const { db, d, row, ips } = await selectOne(kind, viewer, and(eq(table.id, id), readableSql(table, viewer)));
  return row ? d.present(db, viewer, row, ips, ip) : null;
}

/** Form values of a listing the viewer may edit (owner org or its coordinators); null → 404. */
export async function getListingForEdit<K extends ListingKind>(
  viewer: Viewer,
  kind: K,
  id: string,
): Promise<Edit<K> | null> {
  const table = kinds[kind].table;
  const { d, row, ips } = await selectOne(kind, viewer, and(eq(table.id, id), manageableSql(table, viewer)));
  if (!row || !EDITABLE_STATUSES.includes(row.status)) return null;
  return { status: row.status, reviewComment: row.reviewComment, values: d.formValues(row, ips) };
}

/** The viewer's organisation's listings of a kind, every status but archived, newest first. */
export async function listMyListings<K extends ListingKind>(viewer: Viewer, kind: K): Promise<ListingView<K>[]> {
  const d: KindData<K> = kinds[kind];
  const rows = await d.rows(
    await getDb(),
    viewer,
    and(eq(d.table.organisationId, viewer.organisationId), ne(d.table.status, 'archived')),
    { newestFirst: true, limit: 200 },
  );
  return rows.map((r) => d.card(viewer, r));
}

/** Signed-out visitors: a public teaser of a live seed, nothing else (needs have no public page). */
export async function getPublicSeedTeaser(id: string): Promise<SeedView | null> {
  const { row } = await selectOne(
    'seed',
    null,
    and(
      eq(seeds.id, id),
      eq(seeds.visibility, 'public_teaser'),
      eq(seeds.status, 'open'),
      sql`${seeds.expiresAt} > now()`,
    ),
  );
  return row ? seedCard(null, row) : null;
}
