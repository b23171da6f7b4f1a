import 'server-only';
import { and, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { organisationClusters } from '@/db/schema/accounts';
import { fundingProposals, fundingShares } from '@/db/schema/funding';
import type { Viewer } from '@/lib/auth/policy';

// Who sees a funding proposal (DESIGN §4): the proposing organisation; its university partner
// once asked for consent (and while it has not refused); the lenders it is shared with, until
// withdrawn; the coordinators of the proposing organisation's clusters once it is submitted.
// Always decided in the SQL `where`, never by reading a row and then checking.

/** How a viewer stands to a proposal; null = sees nothing. */
export type ProposalRelation = 'owner' | 'partner' | 'lender' | 'coordinator';

/** The proposing organisation is in one of the clusters this viewer coordinates. */
export function coordinatedProposalSql(viewer: Viewer): SQL {
  const ids = viewer.role === 'coordinator' ? viewer.coordinatorClusterIds : [];
  if (!ids.length) return sql`false`;
  return and(
    ne(fundingProposals.status, 'draft'),
    sql`exists (select 1 from ${organisationClusters} where ${organisationClusters.organisationId} = ${fundingProposals.organisationId} and ${inArray(organisationClusters.clusterId, ids)})`,
  )!;
}

/** A share with the viewer's institution that has not been withdrawn (lenders only). */
export function lenderShareSql(viewer: Viewer): SQL {
  if (viewer.role !== 'lender') return sql`false`;
  return sql`exists (select 1 from ${fundingShares} where ${fundingShares.proposalId} = ${fundingProposals.id} and ${fundingShares.lenderOrganisationId} = ${viewer.organisationId} and ${fundingShares.status} <> 'withdrawn')`;
}

export function partnerSql(viewer: Viewer): SQL {
  return and(
    eq(fundingProposals.partnerOrganisationId, viewer.organisationId),
    inArray(fundingProposals.partnerConsent, ['requested', 'given']),
  )!;
}

/** Every proposal this viewer may see. */
export function proposalVisibleSql(viewer: Viewer): SQL {
  return or(
    eq(fundingProposals.organisationId, viewer.organisationId),
    partnerSql(viewer),
    lenderShareSql(viewer),
    coordinatedProposalSql(viewer),
  )!;
}

/**
 * The viewer's relation to one proposal, decided in one query; null when the proposal does
 * not exist or the viewer may not see it (the caller answers 404 either way).
 */
export async function relationTo(db: Db, viewer: Viewer, proposalId: string): Promise<ProposalRelation | null> {
  const [row] = await db
    .select({
      owner: sql<boolean>`${fundingProposals.organisationId} = ${viewer.organisationId}`,
      partner: sql<boolean>`${partnerSql(viewer)}`,
      lender: sql<boolean>`${lenderShareSql(viewer)}`,
      coordinator: sql<boolean>`${coordinatedProposalSql(viewer)}`,
    })
    .from(fundingProposals)
    .where(and(eq(fundingProposals.id, proposalId), proposalVisibleSql(viewer)));
  if (!row) return null;
  if (row.owner) return 'owner';
  if (row.partner) return 'partner';
  if (row.lender) return 'lender';
  if (row.coordinator) return 'coordinator';
  return null;
}
