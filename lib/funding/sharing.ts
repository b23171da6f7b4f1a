import 'server-only';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { organisations } from '@/db/schema/accounts';
import { fundingPatents, fundingProposals, fundingShareEvents, fundingShares } from '@/db/schema/funding';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { transactionWithMail } from '@/lib/mail/transaction';
import { nameIn, tell } from './announce';
import { loadProposalHead } from './head';
import { lenderUsersOf } from './people';
import { consentSatisfied, missingForSubmission } from './rules';

/** Verified financial institutions: the lenders a proposal can be shared with. */
export async function listLenderInstitutions(db: Db) {
  return db
    .select({ id: organisations.id, nameJa: organisations.nameJa, nameEn: organisations.nameEn })
    .from(organisations)
    .where(and(eq(organisations.kind, 'financial_institution'), eq(organisations.verified, true)))
    .orderBy(asc(organisations.nameEn));
}

/**
 * Shares the viewer's proposal with more lenders. The first share submits the draft, which must
 * be complete and, when it comes from an introduction, consented to by the partner in its
 * current version. One transaction: the submission, a share per lender in its first state,
 * their timeline, audit, and a notice and mail to each lender's staff; a lender it is shared
 * with already (also a double submission racing this one) refuses the whole request.
 */
export async function shareProposal(
  db: Db,
  viewer: Viewer,
  input: { proposalId: string; version: number; lenderOrganisationIds: string[] },
  ip: string | null = null,
): Promise<{ shared: number }> {
  return transactionWithMail(db, async (tx) => {
    // lock the proposal row: concurrent submissions of one draft queue here
    const [proposal] = await tx
      .select()
      .from(fundingProposals)
      .where(and(eq(fundingProposals.id, input.proposalId), eq(fundingProposals.organisationId, viewer.organisationId)))
      .for('update');
    if (!proposal) throw new AppError('not_found');
    if (proposal.version !== input.version) throw new AppError('conflict', 'funding.errors.changed_since');

    const lenders = await tx
      .select({ id: organisations.id, nameJa: organisations.nameJa, nameEn: organisations.nameEn })
      .from(organisations)
      .where(
        and(
          inArray(organisations.id, input.lenderOrganisationIds),
          eq(organisations.kind, 'financial_institution'),
          eq(organisations.verified, true),
        ),
      );
    if (lenders.length !== input.lenderOrganisationIds.length)
      throw new AppError('invalid', 'errors.invalid', { lenderOrganisationIds: ['funding.errors.not_a_lender'] });

    const now = new Date();
    if (proposal.status === 'draft') {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(fundingPatents)
        .where(eq(fundingPatents.proposalId, proposal.id));
      const missing = missingForSubmission({ ...proposal, patentCount: Number(n) });
      if (missing.length)
        throw new AppError(
          'invalid',
          'funding.errors.incomplete',
          Object.fromEntries(missing.map((f) => [f, ['funding.errors.required_for_submission']])),
        );
      if (!consentSatisfied(proposal)) throw new AppError('conflict', 'funding.errors.consent_required');
      await tx
        .update(fundingProposals)
        .set({ status: 'submitted', submittedAt: now, updatedAt: now })
        .where(and(eq(fundingProposals.id, proposal.id), eq(fundingProposals.status, 'draft')));
    }

    const inserted = await tx
      .insert(fundingShares)
      .values(
        lenders.map((l) => ({ proposalId: proposal.id, lenderOrganisationId: l.id, sharedAt: now, updatedAt: now })),
      )
      .onConflictDoNothing()
      .returning({ id: fundingShares.id, lenderOrganisationId: fundingShares.lenderOrganisationId });
    if (inserted.length !== lenders.length) throw new AppError('conflict', 'funding.errors.already_shared');

    const head = (await loadProposalHead(tx, proposal.id))!;
    for (const share of inserted) {
      await tx.insert(fundingShareEvents).values({
        shareId: share.id,
        type: 'submit',
        actorId: viewer.userId,
        actorSide: 'sme',
        toStatus: 'submitted',
      });
      await writeAudit(tx, {
        actorId: viewer.userId,
        action: 'funding.submit',
        subjectType: 'funding_share',
        subjectId: share.id,
        details: { proposalId: proposal.id, lenderOrganisationId: share.lenderOrganisationId },
        ip,
      });
      await tell(
        tx,
        await lenderUsersOf(tx, share.lenderOrganisationId),
        'funding_shared',
        (locale) => ({ proposal: head.title, sme: nameIn(locale, head.sme) }),
        `/funding/${proposal.id}`,
      );
    }
    return { shared: inserted.length };
  });
}
