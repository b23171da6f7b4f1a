import 'server-only';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Db } from '@/db';
import { organisations } from '@/db/schema/accounts';
import { fundingProposals, fundingShareEvents, fundingShares } from '@/db/schema/funding';
import { seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import { listAttachments } from '@/lib/attachments/data';
import type { Viewer } from '@/lib/auth/policy';
import { relationTo, type ProposalRelation } from './access';
import { logAccess } from './access-log';
import { listProposalPatents } from './patents';
import { availableShareEvents, consentSatisfied, missingForSubmission, remainingMonths, type ShareSide } from './rules';

const partnerOrg = alias(organisations, 'partner_org');

/** A proposal's content and parties (no shares): what every viewer who may see it sees. */
async function loadProposal(db: Db, proposalId: string) {
  const [row] = await db
    .select({
      id: fundingProposals.id,
      status: fundingProposals.status,
      version: fundingProposals.version,
      title: fundingProposals.title,
      purpose: fundingProposals.purpose,
      purposeDetails: fundingProposals.purposeDetails,
      amountJpy: fundingProposals.amountJpy,
      termMonths: fundingProposals.termMonths,
      repaymentMethod: fundingProposals.repaymentMethod,
      gracePeriodMonths: fundingProposals.gracePeriodMonths,
      repaymentPlan: fundingProposals.repaymentPlan,
      businessPlan: fundingProposals.businessPlan,
      projectedRevenue: fundingProposals.projectedRevenue,
      submittedAt: fundingProposals.submittedAt,
      updatedAt: fundingProposals.updatedAt,
      organisationId: fundingProposals.organisationId,
      sme: { nameJa: organisations.nameJa, nameEn: organisations.nameEn, prefecture: organisations.prefecture },
      matchId: fundingProposals.matchId,
      partnerOrganisationId: fundingProposals.partnerOrganisationId,
      partner: { nameJa: partnerOrg.nameJa, nameEn: partnerOrg.nameEn },
      partnerConsent: fundingProposals.partnerConsent,
      partnerConsentVersion: fundingProposals.partnerConsentVersion,
      partnerConsentAt: fundingProposals.partnerConsentAt,
      partnerConsentNote: fundingProposals.partnerConsentNote,
      seedTitle: seeds.title,
    })
    .from(fundingProposals)
    .innerJoin(organisations, eq(organisations.id, fundingProposals.organisationId))
    .leftJoin(partnerOrg, eq(partnerOrg.id, fundingProposals.partnerOrganisationId))
    .leftJoin(matches, eq(matches.id, fundingProposals.matchId))
    .leftJoin(seeds, eq(seeds.id, matches.seedId))
    .where(eq(fundingProposals.id, proposalId));
  return row ?? null;
}

const shareColumns = {
  id: fundingShares.id,
  status: fundingShares.status,
  version: fundingShares.version,
  sharedAt: fundingShares.sharedAt,
  decidedAt: fundingShares.decidedAt,
  approvedAmountJpy: fundingShares.approvedAmountJpy,
  interestRatePercent: fundingShares.interestRatePercent,
  approvedTermMonths: fundingShares.approvedTermMonths,
  conditions: fundingShares.conditions,
  collateral: fundingShares.collateral,
  declineReason: fundingShares.declineReason,
  declineText: fundingShares.declineText,
  lenderOrganisationId: fundingShares.lenderOrganisationId,
  lender: { nameJa: organisations.nameJa, nameEn: organisations.nameEn },
};

/**
 * The shares a viewer may see: the SME and its partner every lender's; a coordinator every
 * lender's status and decision (not the questions); a lender ONLY its own institution's, so it
 * never learns which other lenders were asked nor their terms.
 */
async function loadShares(db: Db, viewer: Viewer, proposalId: string, relation: ProposalRelation) {
  const where =
    relation === 'lender'
      ? and(
          eq(fundingShares.proposalId, proposalId),
          eq(fundingShares.lenderOrganisationId, viewer.organisationId),
          ne(fundingShares.status, 'withdrawn'),
        )
      : eq(fundingShares.proposalId, proposalId);
  const shares = await db
    .select(shareColumns)
    .from(fundingShares)
    .innerJoin(organisations, eq(organisations.id, fundingShares.lenderOrganisationId))
    .where(where)
    .orderBy(asc(fundingShares.sharedAt), asc(organisations.nameEn));
  const withTimeline = relation !== 'coordinator';
  const events =
    withTimeline && shares.length
      ? await db
          .select({
            id: fundingShareEvents.id,
            shareId: fundingShareEvents.shareId,
            type: fundingShareEvents.type,
            actorSide: fundingShareEvents.actorSide,
            toStatus: fundingShareEvents.toStatus,
            note: fundingShareEvents.note,
            createdAt: fundingShareEvents.createdAt,
          })
          .from(fundingShareEvents)
          .where(
            inArray(
              fundingShareEvents.shareId,
              shares.map((s) => s.id),
            ),
          )
          .orderBy(asc(fundingShareEvents.createdAt), asc(fundingShareEvents.id))
      : [];
  const side: ShareSide | null =
    relation === 'owner' && viewer.role === 'sme' ? 'sme' : relation === 'lender' ? 'lender' : null;
  return shares.map((s) => ({
    ...s,
    declineText: relation === 'coordinator' ? null : s.declineText,
    events: events.filter((e) => e.shareId === s.id),
    available: side ? availableShareEvents(s.status, side) : [],
  }));
}

export type ProposalView = NonNullable<Awaited<ReturnType<typeof getProposalForViewer>>>;

/**
 * Everything the proposal page shows to this viewer, or null when the viewer may not see it.
 * A view by anyone outside the proposing organisation is written to the access log.
 */
export async function getProposalForViewer(viewer: Viewer, proposalId: string, today = new Date()) {
  const db = await getDb();
  const relation = await relationTo(db, viewer, proposalId);
  if (!relation) return null;
  const proposal = await loadProposal(db, proposalId);
  if (!proposal) return null;
  const day = today.toISOString().slice(0, 10);
  const [patents, documents, shares] = await Promise.all([
    listProposalPatents(db, proposalId),
    listAttachments(db, { type: 'funding_proposal', id: proposalId }),
    loadShares(db, viewer, proposalId, relation),
  ]);
  await logAccess(db, viewer, proposalId, relation, 'viewed');
  const owner = relation === 'owner';
  return {
    relation,
    ...proposal,
    partner: proposal.partnerOrganisationId ? proposal.partner : null,
    partnerConsentNote: owner || relation === 'partner' ? proposal.partnerConsentNote : null,
    consentSatisfied: consentSatisfied(proposal),
    missing:
      owner && proposal.status === 'draft' ? missingForSubmission({ ...proposal, patentCount: patents.length }) : [],
    patents: patents.map((p) => ({ ...p, remainingMonths: remainingMonths(p, day) })),
    documents,
    shares,
  };
}
