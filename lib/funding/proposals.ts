import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { fundingProposals } from '@/db/schema/funding';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { replacePatents, requireFundableIntroduction } from './patents';
import type { SaveProposalInput } from './validation';

// Writing a proposal: a draft is created with a title (alone, or from an introduction), then
// autosaved; only drafts change, and only the version the form was loaded with.

/**
 * Creates a draft. With the form's `requestKey`, the same submission twice (a double click, a
 * retry, two at once) makes one draft: the unique (organisation, key) index lets the first
 * insert win and the others get that draft back.
 */
export async function createProposal(
  db: Db,
  viewer: Viewer,
  input: { title: string; matchId: string; requestKey?: string },
  ip: string | null = null,
): Promise<{ id: string; version: number }> {
  return db.transaction(async (tx) => {
    const intro = input.matchId ? await requireFundableIntroduction(tx, viewer, input.matchId) : null;
    const [row] = await tx
      .insert(fundingProposals)
      .values({
        organisationId: viewer.organisationId,
        createdBy: viewer.userId,
        title: input.title,
        matchId: intro?.matchId ?? null,
        partnerOrganisationId: intro?.partnerOrganisationId ?? null,
        requestKey: input.requestKey ?? null,
      })
      .onConflictDoNothing({ target: [fundingProposals.organisationId, fundingProposals.requestKey] })
      .returning({ id: fundingProposals.id, version: fundingProposals.version });
    if (!row) {
      // this form was submitted already (the other insert has committed; we waited for it)
      if (!input.requestKey) throw new AppError('conflict');
      const [first] = await tx
        .select({ id: fundingProposals.id, version: fundingProposals.version })
        .from(fundingProposals)
        .where(
          and(
            eq(fundingProposals.organisationId, viewer.organisationId),
            eq(fundingProposals.requestKey, input.requestKey),
          ),
        );
      if (!first) throw new AppError('conflict');
      return first;
    }
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'funding.create',
      subjectType: 'funding_proposal',
      subjectId: row.id,
      details: { matchId: intro?.matchId ?? null },
      ip,
    });
    return row;
  });
}

/** Why a conditional write on the viewer's own proposal matched nothing: unknown, no longer a draft, or stale. */
export async function ownProposalConflict(db: Db, viewer: Viewer, proposalId: string): Promise<AppError> {
  const [row] = await db
    .select({ status: fundingProposals.status })
    .from(fundingProposals)
    .where(and(eq(fundingProposals.id, proposalId), eq(fundingProposals.organisationId, viewer.organisationId)));
  if (!row) return new AppError('not_found');
  if (row.status !== 'draft') return new AppError('conflict', 'funding.errors.not_draft');
  return new AppError('conflict');
}

/** Saves a draft's content and patents if nobody changed it since `version` (autosave and "save"). */
export async function saveProposal(
  db: Db,
  viewer: Viewer,
  input: SaveProposalInput,
  ip: string | null = null,
): Promise<{ id: string; version: number; status: 'draft' }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(fundingProposals)
      .set({
        title: input.title,
        purpose: input.purpose || null,
        purposeDetails: input.purposeDetails,
        amountJpy: input.amountJpy ?? null,
        termMonths: input.termMonths ?? null,
        repaymentMethod: input.repaymentMethod || null,
        gracePeriodMonths: input.gracePeriodMonths ?? null,
        repaymentPlan: input.repaymentPlan,
        businessPlan: input.businessPlan,
        projectedRevenue: [...input.projectedRevenue]
          .sort((a, b) => a.year - b.year)
          .map((y) => ({ year: y.year, revenueJpy: y.revenueJpy, profitJpy: y.profitJpy ?? null })),
        version: sql`${fundingProposals.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(fundingProposals.id, input.id),
          eq(fundingProposals.organisationId, viewer.organisationId),
          eq(fundingProposals.status, 'draft'),
          eq(fundingProposals.version, input.version),
        ),
      )
      .returning({ id: fundingProposals.id, version: fundingProposals.version, matchId: fundingProposals.matchId });
    if (!row) throw await ownProposalConflict(tx, viewer, input.id);
    await replacePatents(tx, viewer, row, input.patents);
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'funding.update',
      subjectType: 'funding_proposal',
      subjectId: row.id,
      details: { version: row.version },
      ip,
    });
    return { id: row.id, version: row.version, status: 'draft' };
  });
}
