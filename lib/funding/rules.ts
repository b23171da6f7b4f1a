// A lender's review of a funding proposal as data (DESIGN §3 style). Pure: no database, no clock of its own.
// lib/funding/transition.ts turns a decision into ONE conditional UPDATE.

import type { IpStatus } from '@/db/vocabulary/listings';
import type { FundingDeclineReason, FundingShareStatus } from '@/db/vocabulary/funding';

/** Who acts on a share: the proposing SME or the lender it was shared with. */
export type ShareSide = 'sme' | 'lender';

export type ApprovalTerms = {
  amountJpy: number;
  interestRatePercent: number;
  termMonths: number;
  conditions: string;
  collateral: string;
};

export type ShareEventInput =
  | { type: 'start_review' }
  | { type: 'request_info'; question: string }
  | { type: 'resubmit'; answer: string }
  | { type: 'approve'; terms: ApprovalTerms }
  | { type: 'decline'; reason: FundingDeclineReason; text?: string }
  | { type: 'withdraw' }
  | { type: 'reshare' };
export type ShareEventType = ShareEventInput['type'];

type TransitionRule = {
  event: ShareEventType;
  from: readonly FundingShareStatus[];
  to: FundingShareStatus;
  by: ShareSide;
};

const open = ['submitted', 'under_review', 'info_requested', 'resubmitted'] as const;

/** Every allowed transition and who may make it; anything not listed is illegal. */
export const shareTransitions: readonly TransitionRule[] = [
  { event: 'start_review', from: ['submitted', 'resubmitted'], to: 'under_review', by: 'lender' },
  { event: 'request_info', from: ['under_review', 'resubmitted'], to: 'info_requested', by: 'lender' },
  { event: 'resubmit', from: ['info_requested'], to: 'resubmitted', by: 'sme' },
  { event: 'approve', from: ['under_review', 'resubmitted'], to: 'approved', by: 'lender' },
  { event: 'decline', from: ['under_review', 'info_requested', 'resubmitted'], to: 'declined', by: 'lender' },
  // sharing can be withdrawn at any time, also after a decision: the lender's access ends at once
  { event: 'withdraw', from: [...open, 'approved', 'declined'], to: 'withdrawn', by: 'sme' },
  { event: 'reshare', from: ['withdrawn'], to: 'submitted', by: 'sme' },
];

export type ShareDecision =
  | { ok: true; to: FundingShareStatus }
  | { ok: false; error: 'illegal' | 'forbidden' | 'invalid' };

/** Whether `side` may take `event` on a share in `status`, and the status after it. */
export function decideShare(status: FundingShareStatus, side: ShareSide, event: ShareEventInput): ShareDecision {
  const rule = shareTransitions.find((r) => r.event === event.type && r.from.includes(status));
  if (!rule) return { ok: false, error: 'illegal' };
  if (rule.by !== side) return { ok: false, error: 'forbidden' };
  switch (event.type) {
    case 'request_info':
      if (!event.question.trim()) return { ok: false, error: 'invalid' };
      break;
    case 'resubmit':
      if (!event.answer.trim()) return { ok: false, error: 'invalid' };
      break;
    case 'decline':
      if (event.reason === 'other' && !event.text?.trim()) return { ok: false, error: 'invalid' };
      break;
    case 'approve': {
      const t = event.terms;
      if (!(t.amountJpy > 0) || !(t.termMonths > 0) || !(t.interestRatePercent >= 0))
        return { ok: false, error: 'invalid' };
      break;
    }
  }
  return { ok: true, to: rule.to };
}

/** The events a side could take now (for showing buttons; the server decides again). */
export function availableShareEvents(status: FundingShareStatus, side: ShareSide): ShareEventType[] {
  return [...new Set(shareTransitions.filter((r) => r.by === side && r.from.includes(status)).map((r) => r.event))];
}

// ---- the proposal ----

export type ProposalCompleteness = {
  purpose: unknown;
  amountJpy: number | null;
  termMonths: number | null;
  repaymentMethod: unknown;
  repaymentPlan: string;
  businessPlan: string;
  projectedRevenue: unknown[];
  patentCount: number;
};
export const requiredForSubmission = [
  'purpose',
  'amountJpy',
  'termMonths',
  'repaymentMethod',
  'repaymentPlan',
  'businessPlan',
  'projectedRevenue',
  'patents',
] as const;
export type RequiredField = (typeof requiredForSubmission)[number];

/** What a draft still lacks before it can be shared with lenders (empty = ready). */
export function missingForSubmission(p: ProposalCompleteness): RequiredField[] {
  const present: Record<RequiredField, boolean> = {
    purpose: !!p.purpose,
    amountJpy: p.amountJpy !== null && p.amountJpy > 0,
    termMonths: p.termMonths !== null && p.termMonths > 0,
    repaymentMethod: !!p.repaymentMethod,
    repaymentPlan: p.repaymentPlan.trim() !== '',
    businessPlan: p.businessPlan.trim() !== '',
    projectedRevenue: p.projectedRevenue.length > 0,
    patents: p.patentCount > 0,
  };
  return requiredForSubmission.filter((f) => !present[f]);
}

/** A proposal from an introduction needs its partner's consent to the version being shared. */
export function consentSatisfied(p: {
  partnerOrganisationId: string | null;
  partnerConsent: string | null;
  partnerConsentVersion: number | null;
  version: number;
}): boolean {
  if (!p.partnerOrganisationId) return true;
  return p.partnerConsent === 'given' && p.partnerConsentVersion === p.version;
}

// ---- patents ----

/** Patent protection in Japan (and most jurisdictions) lasts 20 years from filing. */
export const PATENT_TERM_YEARS = 20;

/** When protection ends: the recorded date, else 20 years from filing; null when unknown. */
export function expiryOf(p: { filedOn: string | null; expiresOn: string | null }): string | null {
  if (p.expiresOn) return p.expiresOn;
  if (!p.filedOn) return null;
  const [y, m, d] = p.filedOn.split('-').map(Number);
  return `${String(y + PATENT_TERM_YEARS).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whole months of protection left on `today` (YYYY-MM-DD): 0 once expired, null when unknown. */
export function remainingMonths(
  p: { status: IpStatus; filedOn: string | null; expiresOn: string | null },
  today: string,
): number | null {
  if (p.status === 'expired') return 0;
  const end = expiryOf(p);
  if (!end) return null;
  const [ey, em, ed] = end.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  const months = (ey - ty) * 12 + (em - tm) - (ed < td ? 1 : 0);
  return Math.max(0, months);
}

// ---- the IP evaluation sheet ----

export type Coverage = {
  /** Σ value of the valued patents. */
  valuedTotalJpy: number;
  /** Σ value × advance rate. */
  collateralJpy: number | null;
  /** collateral ÷ amount requested (1 = fully covered); null until rate and amount are known. */
  ratio: number | null;
  valuedCount: number;
};

/** Collateral coverage = Σ(valued IP × advance rate) ÷ amount requested (patents without a value count as 0). */
export function collateralCoverage(
  values: readonly (number | null)[],
  advanceRatePercent: number | null,
  amountJpy: number | null,
): Coverage {
  const valued = values.filter((v): v is number => v !== null && v >= 0);
  const valuedTotalJpy = valued.reduce((sum, v) => sum + v, 0);
  const collateralJpy = advanceRatePercent === null ? null : Math.round((valuedTotalJpy * advanceRatePercent) / 100);
  const ratio = collateralJpy === null || !amountJpy ? null : collateralJpy / amountJpy;
  return { valuedTotalJpy, collateralJpy, ratio, valuedCount: valued.length };
}
