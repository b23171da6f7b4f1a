import 'server-only';
import { and, asc, desc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '@/db';
import { organisations } from '@/db/schema/accounts';
import { fundingProposals, fundingShares } from '@/db/schema/funding';
import type { Viewer } from '@/lib/auth/policy';
import type { FundingShareStatus } from '@/db/vocabulary/funding';
import { coordinatedProposalSql, partnerSql } from './access';

// The lists of the funding feature, one per way of standing to proposals (the page shows the viewer's).

const LIMIT = 200;

const proposalColumns = {
  id: fundingProposals.id,
  title: fundingProposals.title,
  status: fundingProposals.status,
  amountJpy: fundingProposals.amountJpy,
  updatedAt: fundingProposals.updatedAt,
  submittedAt: fundingProposals.submittedAt,
  partnerConsent: fundingProposals.partnerConsent,
  sme: { nameJa: organisations.nameJa, nameEn: organisations.nameEn },
};

async function proposalsWhere(db: Db, where: SQL) {
  return db
    .select(proposalColumns)
    .from(fundingProposals)
    .innerJoin(organisations, eq(organisations.id, fundingProposals.organisationId))
    .where(where)
    .orderBy(desc(fundingProposals.updatedAt))
    .limit(LIMIT);
}

/** Each proposal's lenders and where each stands (for those who may see all of a proposal's shares). */
async function withShares<T extends { id: string }>(db: Db, proposals: T[]) {
  const shares = proposals.length
    ? await db
        .select({
          proposalId: fundingShares.proposalId,
          status: fundingShares.status,
          approvedAmountJpy: fundingShares.approvedAmountJpy,
          lender: { nameJa: organisations.nameJa, nameEn: organisations.nameEn },
        })
        .from(fundingShares)
        .innerJoin(organisations, eq(organisations.id, fundingShares.lenderOrganisationId))
        .where(
          inArray(
            fundingShares.proposalId,
            proposals.map((p) => p.id),
          ),
        )
        .orderBy(asc(organisations.nameEn))
    : [];
  return proposals.map((p) => ({ ...p, shares: shares.filter((s) => s.proposalId === p.id) }));
}

/** The viewer's organisation's proposals, drafts included. */
export async function listOwnProposals(viewer: Viewer) {
  const db = await getDb();
  return withShares(db, await proposalsWhere(db, eq(fundingProposals.organisationId, viewer.organisationId)));
}

/** Proposals offering the viewer's organisation's patents, whose consent was asked. */
export async function listPartnerProposals(viewer: Viewer) {
  const db = await getDb();
  return withShares(db, await proposalsWhere(db, partnerSql(viewer)));
}

/** Submitted proposals of the organisations in the clusters the viewer coordinates, with each lender's decision. */
export async function listClusterProposals(viewer: Viewer) {
  const db = await getDb();
  return withShares(db, await proposalsWhere(db, coordinatedProposalSql(viewer)));
}

/** The lender's inbox: its institution's shares (never another lender's), newest first; withdrawn ones are gone. */
export async function listLenderInbox(viewer: Viewer, status?: FundingShareStatus) {
  if (viewer.role !== 'lender') return [];
  const db = await getDb();
  return db
    .select({
      shareId: fundingShares.id,
      status: fundingShares.status,
      sharedAt: fundingShares.sharedAt,
      updatedAt: fundingShares.updatedAt,
      proposalId: fundingProposals.id,
      title: fundingProposals.title,
      amountJpy: fundingProposals.amountJpy,
      termMonths: fundingProposals.termMonths,
      sme: { nameJa: organisations.nameJa, nameEn: organisations.nameEn },
    })
    .from(fundingShares)
    .innerJoin(fundingProposals, eq(fundingProposals.id, fundingShares.proposalId))
    .innerJoin(organisations, eq(organisations.id, fundingProposals.organisationId))
    .where(
      and(
        eq(fundingShares.lenderOrganisationId, viewer.organisationId),
        ne(fundingShares.status, 'withdrawn'),
        status ? eq(fundingShares.status, status) : undefined,
      ),
    )
    .orderBy(desc(fundingShares.updatedAt))
    .limit(LIMIT);
}
