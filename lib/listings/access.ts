import 'server-only';
import { and, eq, gt, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { organisationClusters, organisations } from '@/db/schema/accounts';
import { needs, seeds } from '@/db/schema/listings';
import type { Viewer } from '@/lib/auth/policy';
import type { ListingKind } from '@/db/vocabulary/listings';

/** SQL building blocks that scope every listing read and write to what the viewer may touch. */
export type ListingTable = typeof needs | typeof seeds;

/** A listing kind's table. */
export const tableOf = (kind: ListingKind): ListingTable => (kind === 'need' ? needs : seeds);

/** The listing's organisation belongs to a cluster this viewer coordinates. */
export function coordinatedSql(table: ListingTable, viewer: Viewer | null): SQL<boolean> {
  const ids = viewer?.role === 'coordinator' ? viewer.coordinatorClusterIds : [];
  if (!ids.length) return sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from ${organisationClusters} where ${organisationClusters.organisationId} = ${table.organisationId} and ${inArray(organisationClusters.clusterId, ids)})`;
}

/** Owner organisation or a coordinator of one of its clusters: may see everything, edit, moderate. */
export function manageableSql(table: ListingTable, viewer: Viewer): SQL {
  return or(eq(table.organisationId, viewer.organisationId), coordinatedSql(table, viewer))!;
}

/** Published and not expired (expired listings leave search until renewed). */
export function liveSql(table: ListingTable): SQL {
  return and(eq(table.status, 'open'), gt(table.expiresAt, sql`now()`))!;
}

/** What a verified member may read: live and not private, or anything they manage. */
export function readableSql(table: ListingTable, viewer: Viewer): SQL {
  return or(and(liveSql(table), ne(table.visibility, 'private')), manageableSql(table, viewer))!;
}

/** Browse/search: live listings only, private ones only for those who manage them. */
export function browsableSql(table: ListingTable, viewer: Viewer): SQL {
  return and(liveSql(table), or(ne(table.visibility, 'private'), manageableSql(table, viewer)))!;
}

/** Columns shared by needs and seeds, plus the organisation's, as the disclosure module wants them. */
export function commonColumns(table: ListingTable, viewer: Viewer | null) {
  return {
    id: table.id,
    organisationId: table.organisationId,
    organisationNameJa: organisations.nameJa,
    organisationNameEn: organisations.nameEn,
    organisationKind: organisations.kind,
    organisationPrefecture: organisations.prefecture,
    coordinated: coordinatedSql(table, viewer),
    contactUserId: table.contactUserId,
    language: table.language,
    title: table.title,
    summary: table.summary,
    details: table.details,
    domain: table.domain,
    keywords: table.keywords,
    prefecture: table.prefecture,
    status: table.status,
    closedReason: table.closedReason,
    reviewComment: table.reviewComment,
    disclosure: table.disclosure,
    expiresAt: table.expiresAt,
    publishedAt: table.publishedAt,
    createdAt: table.createdAt,
    updatedAt: table.updatedAt,
    version: table.version,
  };
}

export const needColumns = (viewer: Viewer | null) => ({
  ...commonColumns(needs, viewer),
  trlMin: needs.trlMin,
  trlMax: needs.trlMax,
  budgetMinJpy: needs.budgetMinJpy,
  budgetMaxJpy: needs.budgetMaxJpy,
  timeline: needs.timeline,
  partnerKinds: needs.partnerKinds,
  regionPreference: needs.regionPreference,
  visibility: needs.visibility,
  anonymousLabel: needs.anonymousLabel,
  acceptTerms: {
    royaltyMaxPct: needs.acceptRoyaltyMaxPct,
    upfrontMaxJpy: needs.acceptUpfrontMaxJpy,
    territories: needs.acceptTerritories,
    exclusive: needs.wantsExclusive,
    sublicensing: needs.needsSublicensing,
  },
});

export const seedColumns = (viewer: Viewer | null) => ({
  ...commonColumns(seeds, viewer),
  trl: seeds.trl,
  leadResearcher: seeds.leadResearcher,
  licensing: seeds.licensing,
  terms: {
    royaltyMinPct: seeds.royaltyMinPct,
    royaltyMaxPct: seeds.royaltyMaxPct,
    upfrontFeeMinJpy: seeds.upfrontFeeMinJpy,
    upfrontFeeMaxJpy: seeds.upfrontFeeMaxJpy,
    milestoneFeeMinJpy: seeds.milestoneFeeMinJpy,
    milestoneFeeMaxJpy: seeds.milestoneFeeMaxJpy,
    licenceTerritories: seeds.licenceTerritories,
    fieldOfUse: seeds.fieldOfUse,
    exclusivityMonths: seeds.exclusivityMonths,
    sublicensing: seeds.sublicensing,
    optionAgreement: seeds.optionAgreement,
  },
  advantages: seeds.advantages,
  visibility: seeds.visibility,
  ipStatus: seeds.ipStatus,
});
