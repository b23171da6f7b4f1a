import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { organisations } from '@/db/schema/accounts';
import { fundingProposals } from '@/db/schema/funding';

/**
 * What every step needs to know of a proposal: its state and the proposing organisation's name
 * (both languages, for notices). Callers have already scoped the proposal to the viewer.
 */
export async function loadProposalHead(db: Db, proposalId: string) {
  const [row] = await db
    .select({
      id: fundingProposals.id,
      title: fundingProposals.title,
      status: fundingProposals.status,
      version: fundingProposals.version,
      organisationId: fundingProposals.organisationId,
      sme: { nameJa: organisations.nameJa, nameEn: organisations.nameEn },
      createdBy: fundingProposals.createdBy,
      matchId: fundingProposals.matchId,
      partnerOrganisationId: fundingProposals.partnerOrganisationId,
      partnerConsent: fundingProposals.partnerConsent,
      partnerConsentVersion: fundingProposals.partnerConsentVersion,
      amountJpy: fundingProposals.amountJpy,
    })
    .from(fundingProposals)
    .innerJoin(organisations, eq(organisations.id, fundingProposals.organisationId))
    .where(eq(fundingProposals.id, proposalId));
  return row ?? null;
}
export type ProposalHead = NonNullable<Awaited<ReturnType<typeof loadProposalHead>>>;
