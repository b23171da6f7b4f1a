import 'server-only';
import { and, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { fundingProposals } from '@/db/schema/funding';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { transactionWithMail } from '@/lib/mail/transaction';
import { nameIn, tell } from './announce';
import { loadProposalHead } from './head';
import { partnerPersonOf, smeUsersOf } from './people';
import { ownProposalConflict } from './proposals';

// A proposal built on an introduction offers the partner's patents: the university partner
// consents in the portal, to one version of the draft; a later edit needs a new answer.

const href = (id: string) => `/funding/${id}`;

/** The SME asks its partner (again) for consent to the draft as it stands. */
export async function requestConsent(db: Db, viewer: Viewer, proposalId: string, ip: string | null = null) {
  return transactionWithMail(db, async (tx) => {
    const [row] = await tx
      .update(fundingProposals)
      .set({ partnerConsent: 'requested', partnerConsentVersion: null, partnerConsentAt: null, updatedAt: new Date() })
      .where(
        and(
          eq(fundingProposals.id, proposalId),
          eq(fundingProposals.organisationId, viewer.organisationId),
          eq(fundingProposals.status, 'draft'),
          isNotNull(fundingProposals.partnerOrganisationId),
          // not while a request is open, nor when the current version is consented to already
          sql`${fundingProposals.partnerConsent} is distinct from 'requested'`,
          or(
            sql`${fundingProposals.partnerConsent} is distinct from 'given'`,
            sql`${fundingProposals.partnerConsentVersion} is distinct from ${fundingProposals.version}`,
          ),
        ),
      )
      .returning({ id: fundingProposals.id, matchId: fundingProposals.matchId });
    if (!row) {
      const why = await ownProposalConflict(tx, viewer, proposalId);
      throw why.messageKey === 'errors.conflict' ? new AppError('conflict', 'funding.errors.consent_pending') : why;
    }
    const head = (await loadProposalHead(tx, proposalId))!;
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'funding.consent_request',
      subjectType: 'funding_proposal',
      subjectId: proposalId,
      ip,
    });
    await tell(
      tx,
      await partnerPersonOf(tx, row.matchId!),
      'funding_consent_requested',
      (locale) => ({ proposal: head.title, sme: nameIn(locale, head.sme) }),
      href(proposalId),
    );
  });
}

/** The partner answers for the version it was shown; if the SME changed the draft since, it is told. */
export async function answerConsent(
  db: Db,
  viewer: Viewer,
  input: { proposalId: string; version: number; decision: 'given' | 'refused'; note: string },
  ip: string | null = null,
) {
  return transactionWithMail(db, async (tx) => {
    const mine = and(
      eq(fundingProposals.id, input.proposalId),
      eq(fundingProposals.partnerOrganisationId, viewer.organisationId),
    );
    const [row] = await tx
      .update(fundingProposals)
      .set({
        partnerConsent: input.decision,
        partnerConsentVersion: input.version,
        partnerConsentBy: viewer.userId,
        partnerConsentAt: new Date(),
        partnerConsentNote: input.note || null,
      })
      .where(and(mine, eq(fundingProposals.partnerConsent, 'requested'), eq(fundingProposals.version, input.version)))
      .returning({ id: fundingProposals.id });
    if (!row) {
      const [current] = await tx
        .select({ consent: fundingProposals.partnerConsent })
        .from(fundingProposals)
        .where(mine);
      if (!current || current.consent === null || current.consent === 'refused') throw new AppError('not_found');
      throw new AppError(
        'conflict',
        current.consent === 'requested' ? 'funding.errors.changed_since' : 'funding.errors.consent_answered',
      );
    }
    const head = (await loadProposalHead(tx, input.proposalId))!;
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: input.decision === 'given' ? 'funding.consent_given' : 'funding.consent_refused',
      subjectType: 'funding_proposal',
      subjectId: input.proposalId,
      details: { version: input.version },
      ip,
    });
    await tell(
      tx,
      await smeUsersOf(tx, head.organisationId),
      input.decision === 'given' ? 'funding_consent_given' : 'funding_consent_refused',
      () => ({ proposal: head.title }),
      href(input.proposalId),
    );
  });
}
