import { describe, expect, it } from 'vitest';
import { fundingShareStatuses } from '@/db/vocabulary/funding';
import {
  availableShareEvents,
  collateralCoverage,
  consentSatisfied,
  decideShare,
  expiryOf,
  missingForSubmission,
  remainingMonths,
  type ShareEventInput,
} from './rules';
import { approveSchema, saveProposalSchema, shareProposalSchema } from './validation';

const terms = { amountJpy: 30_000_000, interestRatePercent: 1.2, termMonths: 60, conditions: '', collateral: '' };

describe('a lender review as a state machine', () => {
  it('walks submitted → under review → information requested ↔ answered → approved', () => {
    expect(decideShare('submitted', 'lender', { type: 'start_review' })).toEqual({ ok: true, to: 'under_review' });
    expect(decideShare('under_review', 'lender', { type: 'request_info', question: 'Cash flow?' })).toEqual({
      ok: true,
      to: 'info_requested',
    });
    expect(decideShare('info_requested', 'sme', { type: 'resubmit', answer: 'See sheet' })).toEqual({
      ok: true,
      to: 'resubmitted',
    });
    expect(decideShare('resubmitted', 'lender', { type: 'request_info', question: 'And 2028?' })).toEqual({
      ok: true,
      to: 'info_requested',
    });
    expect(decideShare('resubmitted', 'lender', { type: 'approve', terms })).toEqual({ ok: true, to: 'approved' });
  });

  it('refuses a second decision, and each side the other side’s steps', () => {
    expect(decideShare('approved', 'lender', { type: 'decline', reason: 'other', text: 'x' })).toEqual({
      ok: false,
      error: 'illegal',
    });
    expect(decideShare('declined', 'lender', { type: 'approve', terms })).toEqual({ ok: false, error: 'illegal' });
    expect(decideShare('under_review', 'sme', { type: 'approve', terms })).toEqual({ ok: false, error: 'forbidden' });
    expect(decideShare('info_requested', 'lender', { type: 'resubmit', answer: 'a' })).toEqual({
      ok: false,
      error: 'forbidden',
    });
    // a decision needs a review first
    expect(decideShare('submitted', 'lender', { type: 'approve', terms })).toEqual({ ok: false, error: 'illegal' });
  });

  it('needs a question, an answer, and a text for the reason "other"', () => {
    expect(decideShare('under_review', 'lender', { type: 'request_info', question: '  ' }).ok).toBe(false);
    expect(decideShare('info_requested', 'sme', { type: 'resubmit', answer: '' }).ok).toBe(false);
    expect(decideShare('under_review', 'lender', { type: 'decline', reason: 'other' }).ok).toBe(false);
    expect(decideShare('under_review', 'lender', { type: 'decline', reason: 'insufficient_collateral' }).ok).toBe(true);
    expect(decideShare('under_review', 'lender', { type: 'approve', terms: { ...terms, amountJpy: 0 } }).ok).toBe(
      false,
    );
  });

  it('lets the SME withdraw from every state but withdrawn, and share again only after that', () => {
    for (const status of fundingShareStatuses) {
      const withdraw = decideShare(status, 'sme', { type: 'withdraw' });
      const reshare = decideShare(status, 'sme', { type: 'reshare' });
      expect(withdraw.ok, status).toBe(status !== 'withdrawn');
      expect(reshare.ok, status).toBe(status === 'withdrawn');
    }
  });

  it('offers each side only the steps it may take', () => {
    expect(availableShareEvents('submitted', 'lender')).toEqual(['start_review']);
    expect(availableShareEvents('under_review', 'lender').sort()).toEqual(['approve', 'decline', 'request_info']);
    expect(availableShareEvents('info_requested', 'sme').sort()).toEqual(['resubmit', 'withdraw']);
    expect(availableShareEvents('withdrawn', 'lender')).toEqual([]);
    const events: ShareEventInput['type'][] = availableShareEvents('approved', 'sme');
    expect(events).toEqual(['withdraw']);
  });
});

describe('a proposal ready to share', () => {
  const complete = {
    purpose: 'equipment',
    amountJpy: 50_000_000,
    termMonths: 84,
    repaymentMethod: 'equal_principal',
    repaymentPlan: 'From 2027 sales',
    businessPlan: 'Plan',
    projectedRevenue: [{ year: 2027 }],
    patentCount: 1,
  };
  it('lists what is missing', () => {
    expect(missingForSubmission(complete)).toEqual([]);
    expect(missingForSubmission({ ...complete, amountJpy: null, businessPlan: ' ', patentCount: 0 })).toEqual([
      'amountJpy',
      'businessPlan',
      'patents',
    ]);
  });
  it('needs the partner’s consent to the version being shared', () => {
    const base = { partnerOrganisationId: 'p', partnerConsent: 'given', partnerConsentVersion: 4, version: 4 };
    expect(consentSatisfied(base)).toBe(true);
    expect(consentSatisfied({ ...base, version: 5 })).toBe(false);
    expect(consentSatisfied({ ...base, partnerConsent: 'requested' })).toBe(false);
    expect(consentSatisfied({ ...base, partnerOrganisationId: null, partnerConsent: null })).toBe(true);
  });
});

describe('patent terms', () => {
  it('ends 20 years after filing unless a date is recorded', () => {
    expect(expiryOf({ filedOn: '2019-04-01', expiresOn: null })).toBe('2039-04-01');
    expect(expiryOf({ filedOn: '2019-04-01', expiresOn: '2041-01-31' })).toBe('2041-01-31');
    expect(expiryOf({ filedOn: null, expiresOn: null })).toBeNull();
  });
  it('counts whole months left', () => {
    const p = { status: 'granted' as const, filedOn: '2019-04-01', expiresOn: null };
    expect(remainingMonths(p, '2026-04-01')).toBe(156);
    expect(remainingMonths(p, '2026-04-02')).toBe(155);
    expect(remainingMonths(p, '2040-01-01')).toBe(0);
    expect(remainingMonths({ ...p, status: 'expired' }, '2026-01-01')).toBe(0);
    expect(remainingMonths({ ...p, filedOn: null }, '2026-01-01')).toBeNull();
  });
});

describe('collateral coverage', () => {
  it('is Σ(value) × advance rate ÷ amount requested, unvalued patents counting nothing', () => {
    const c = collateralCoverage([40_000_000, 20_000_000, null], 50, 40_000_000);
    expect(c).toEqual({ valuedTotalJpy: 60_000_000, collateralJpy: 30_000_000, ratio: 0.75, valuedCount: 2 });
  });
  it('has no ratio until the rate and the amount are known', () => {
    expect(collateralCoverage([1_000], null, 1_000).ratio).toBeNull();
    expect(collateralCoverage([1_000], 60, null).ratio).toBeNull();
  });
});

describe('funding forms refuse bad input', () => {
  const draft = { id: crypto.randomUUID(), version: 1, title: 'Line 3' };
  it('refuses negative, zero, absurd and non-numeric amounts with a message for the field', () => {
    for (const amountJpy of ['-1', '0', '100000000001', '1e15', 'abc', -5]) {
      const r = saveProposalSchema.safeParse({ ...draft, amountJpy });
      expect(r.success, String(amountJpy)).toBe(false);
      expect(r.error?.issues[0].path).toEqual(['amountJpy']);
    }
  });
  it('reads separators, yen signs and full-width digits', () => {
    const r = saveProposalSchema.parse({ ...draft, amountJpy: '￥５０,０００,０００', termMonths: '60' });
    expect(r.amountJpy).toBe(50_000_000);
    expect(r.termMonths).toBe(60);
  });
  it('refuses an approval with a usurious rate or no amount', () => {
    const base = { shareId: draft.id, version: 2, amountJpy: '1000000', interestRatePercent: '1.5', termMonths: '12' };
    expect(approveSchema.safeParse(base).success).toBe(true);
    expect(approveSchema.safeParse({ ...base, interestRatePercent: '25' }).success).toBe(false);
    expect(approveSchema.safeParse({ ...base, amountJpy: '' }).success).toBe(false);
  });
  it('refuses a share with no lender or one lender twice', () => {
    const base = { proposalId: draft.id, version: 3 };
    expect(shareProposalSchema.safeParse({ ...base, lenderOrganisationIds: [] }).success).toBe(false);
    expect(shareProposalSchema.safeParse({ ...base, lenderOrganisationIds: [draft.id, draft.id] }).success).toBe(false);
  });
  it('refuses a projected year twice and a grace period as long as the term', () => {
    const twice = saveProposalSchema.safeParse({
      ...draft,
      projectedRevenue: [
        { year: 2027, revenueJpy: 1 },
        { year: 2027, revenueJpy: 2 },
      ],
    });
    expect(twice.error?.issues.map((i) => i.message)).toContain('funding.errors.year_twice');
    const grace = saveProposalSchema.safeParse({ ...draft, termMonths: 12, gracePeriodMonths: 12 });
    expect(grace.error?.issues.map((i) => i.message)).toContain('funding.errors.grace_within_term');
  });
});
