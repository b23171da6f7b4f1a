import 'server-only';

// The per-kind part of the listing data module (data.ts): for a need and for a seed, the table and its
// columns, the content a form writes, a seed's IP records (a need has none), how a row becomes the
// form's values and the viewer's view.
import { asc, desc, eq, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Db } from '@/db';
import { organisations } from '@/db/schema/accounts';
import { ipRecords, needs, seeds } from '@/db/schema/listings';
import type { ListingKind } from '@/db/vocabulary/listings';
import type { Viewer } from '@/lib/auth/policy';
import { type ListingTable, needColumns, seedColumns } from './access';
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
import { strongestIpStatus } from './rules';
import { buildSearchText } from './search-text';
import type { NeedFormValues, NeedInput, SeedFormValues, SeedInput } from './validation';

/** The columns a form writes (the owner and the status are the save's). */
type Content<T extends ListingTable> = Omit<
  T['$inferInsert'],
  'organisationId' | 'createdBy' | 'contactUserId' | 'status'
>;
export type ByKind = {
  need: { input: NeedInput; content: Content<typeof needs>; values: NeedFormValues; row: NeedRow; view: NeedView };
  seed: { input: SeedInput; content: Content<typeof seeds>; values: SeedFormValues; row: SeedRow; view: SeedView };
};
export type ListingView<K extends ListingKind> = ByKind[K]['view'];

export interface KindData<K extends ListingKind> {
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

export const kinds: { [K in ListingKind]: KindData<K> } = {
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
