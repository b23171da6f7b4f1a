import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { organisations } from '@/db/schema/accounts';
import { fundingShareEvents, fundingShares } from '@/db/schema/funding';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { calendarDayIn } from '@/lib/i18n/time-zone';
import { transactionWithMail } from '@/lib/mail/transaction';
import { recordOutcomeFor } from '@/lib/programme/record';
import type { FundingShareStatus } from '@/db/vocabulary/funding';
import { nameIn, tell } from './announce';
import { loadProposalHead, type ProposalHead } from './head';
import { coordinatorsOfOrganisation, lenderUsersOf, smeUsersOf } from './people';
import { decideShare, type ShareEventInput, type ShareSide } from './rules';

export type ShareTransitionResult = {
  shareId: string;
  proposalId: string;
  from: FundingShareStatus;
  to: FundingShareStatus;
  version: number;
};

const invalidKey: Partial<Record<ShareEventInput['type'], [string, string]>> = {
  request_info: ['question', 'validation.required'],
  resubmit: ['answer', 'validation.required'],
  decline: ['text', 'funding.errors.reason_text_required'],
  approve: ['amountJpy', 'funding.errors.amount_range'],
};

/**
 * Applies one step of a lender's review for `viewer`: in ONE transaction, a single conditional
 * UPDATE of the share (expected status AND version), its timeline event, the audit row, and a
 * notice and mail to the other side. Zero rows updated → AppError('conflict'); nothing else is
 * written. A lender acts only on its institution's shares that are not withdrawn; the SME on
 * its organisation's; anyone else gets not_found (a withdrawn share is gone for its lender).
 */
export async function transitionShare(
  db: Db,
  viewer: Viewer,
  shareId: string,
  event: ShareEventInput,
  options: { expectedVersion?: number; ip?: string | null; now?: Date } = {},
): Promise<ShareTransitionResult> {
  return transactionWithMail(db, async (tx) => {
    const now = options.now ?? new Date();
    const [share] = await tx.select().from(fundingShares).where(eq(fundingShares.id, shareId));
    if (!share) throw new AppError('not_found');
    const head = (await loadProposalHead(tx, share.proposalId))!;
    const side = sideOf(viewer, share, head);
    if (!side) throw new AppError('not_found');
    if (options.expectedVersion !== undefined && options.expectedVersion !== share.version)
      throw new AppError('conflict', 'funding.errors.changed_since');

    const decision = decideShare(share.status, side, event);
    if (!decision.ok) {
      if (decision.error === 'forbidden') throw new AppError('forbidden');
      if (decision.error === 'invalid') {
        const [field, key] = invalidKey[event.type] ?? ['_form', 'errors.invalid'];
        throw new AppError('invalid', 'errors.invalid', { [field]: [key] });
      }
      throw new AppError(
        'conflict',
        share.status === 'approved' || share.status === 'declined'
          ? 'funding.errors.already_decided'
          : 'funding.errors.illegal',
      );
    }

    const set: Partial<typeof fundingShares.$inferInsert> = { status: decision.to, updatedAt: now };
    let note: string | null = null;
    let details: Record<string, unknown> = {};
    switch (event.type) {
      case 'request_info':
        note = event.question.trim();
        break;
      case 'resubmit':
        note = event.answer.trim();
        break;
      case 'approve':
        Object.assign(set, {
          decidedAt: now,
          decidedBy: viewer.userId,
          approvedAmountJpy: event.terms.amountJpy,
          interestRatePercent: event.terms.interestRatePercent,
          approvedTermMonths: event.terms.termMonths,
          conditions: event.terms.conditions.trim() || null,
          collateral: event.terms.collateral.trim() || null,
        });
        details = { ...event.terms };
        break;
      case 'decline':
        note = event.text?.trim() || null;
        Object.assign(set, {
          decidedAt: now,
          decidedBy: viewer.userId,
          declineReason: event.reason,
          declineText: note,
        });
        details = { reason: event.reason };
        break;
      case 'reshare':
        // a fresh start with this lender: an earlier decision no longer stands
        Object.assign(set, {
          sharedAt: now,
          decidedAt: null,
          decidedBy: null,
          approvedAmountJpy: null,
          interestRatePercent: null,
          approvedTermMonths: null,
          conditions: null,
          collateral: null,
          declineReason: null,
          declineText: null,
        });
        break;
    }

    // The gate: concurrent callers block on the row lock, then see a new version and match nothing.
    const updated = await tx
      .update(fundingShares)
      .set({ ...set, version: sql`${fundingShares.version} + 1` })
      .where(
        and(
          eq(fundingShares.id, shareId),
          eq(fundingShares.status, share.status),
          eq(fundingShares.version, share.version),
        ),
      )
      .returning({ version: fundingShares.version });
    if (updated.length !== 1) throw new AppError('conflict', 'funding.errors.changed_since');

    await tx.insert(fundingShareEvents).values({
      shareId,
      type: event.type,
      actorId: viewer.userId,
      actorSide: side,
      fromStatus: share.status,
      toStatus: decision.to,
      note,
      details,
    });
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: `funding.${event.type}`,
      subjectType: 'funding_share',
      subjectId: shareId,
      details: { proposalId: share.proposalId, from: share.status, to: decision.to, version: updated[0].version },
      ip: options.ip ?? null,
    });
    if (event.type === 'approve') {
      // approved funding is a result the programme office counts: on the introduction the
      // proposal came from, else credited to the proposing company (dated on Japan's calendar)
      await recordOutcomeFor(tx, {
        kind: 'funding_obtained',
        occurredOn: calendarDayIn(now, 'Asia/Tokyo'),
        amountJpy: event.terms.amountJpy,
        actorId: viewer.userId,
        actorRole: 'lender',
        matchId: head.matchId,
        organisationId: head.organisationId,
        ip: options.ip ?? null,
      });
    }
    await announce(tx, head, share.lenderOrganisationId, event);
    return { shareId, proposalId: share.proposalId, from: share.status, to: decision.to, version: updated[0].version };
  });
}

function sideOf(
  viewer: Viewer,
  share: { lenderOrganisationId: string; status: FundingShareStatus },
  head: ProposalHead,
): ShareSide | null {
  if (viewer.role === 'lender' && viewer.organisationId === share.lenderOrganisationId && share.status !== 'withdrawn')
    return 'lender';
  if (viewer.role === 'sme' && viewer.organisationId === head.organisationId) return 'sme';
  return null;
}

/** Notices and mails of a step: to the other side; decisions also to the cluster's coordinators (in-app). */
async function announce(tx: Db, head: ProposalHead, lenderOrganisationId: string, event: ShareEventInput) {
  const href = `/funding/${head.id}`;
  const [lender] = await tx
    .select({ nameJa: organisations.nameJa, nameEn: organisations.nameEn })
    .from(organisations)
    .where(eq(organisations.id, lenderOrganisationId));
  const toSme = async (kind: string, extra: Record<string, string | number> = {}) =>
    tell(
      tx,
      await smeUsersOf(tx, head.organisationId),
      kind,
      (locale) => ({ proposal: head.title, lender: nameIn(locale, lender), ...extra }),
      href,
    );
  const toLender = async (kind: string, to = href) =>
    tell(
      tx,
      await lenderUsersOf(tx, lenderOrganisationId),
      kind,
      (locale) => ({ proposal: head.title, sme: nameIn(locale, head.sme) }),
      to,
    );
  const toCoordinators = async (kind: string) =>
    tell(
      tx,
      await coordinatorsOfOrganisation(tx, head.organisationId),
      kind,
      (locale) => ({ proposal: head.title, lender: nameIn(locale, lender), sme: nameIn(locale, head.sme) }),
      href,
      { inAppOnly: true },
    );
  switch (event.type) {
    case 'start_review':
      return toSme('funding_review_started');
    case 'request_info':
      return toSme('funding_info_requested');
    case 'resubmit':
      return toLender('funding_resubmitted');
    case 'approve':
      await toSme('funding_approved', { amount: event.terms.amountJpy });
      return toCoordinators('funding_decided');
    case 'decline':
      await toSme('funding_declined', { reason: event.reason });
      return toCoordinators('funding_decided');
    case 'withdraw':
      // the proposal is gone for this lender: the notice leads to its inbox
      return toLender('funding_withdrawn', '/funding');
    case 'reshare':
      return toLender('funding_shared');
  }
}
