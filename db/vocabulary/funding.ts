// The values of funding proposals' enums, defined once (no imports; see accounts.ts).
// The state machine over fundingShareStatuses is lib/funding/rules.ts.

/** A proposal is written as a draft; submitting it shares it with the lenders the SME chose. */
export const fundingProposalStatuses = ['draft', 'submitted'] as const;
export type FundingProposalStatus = (typeof fundingProposalStatuses)[number];

/** What the money is for. */
export const fundingPurposes = [
  'equipment',
  'working_capital',
  'research_development',
  'commercialisation',
  'other',
] as const;
export type FundingPurpose = (typeof fundingPurposes)[number];

export const repaymentMethods = ['equal_instalments', 'equal_principal', 'bullet'] as const;
export type RepaymentMethod = (typeof repaymentMethods)[number];

/**
 * A proposal built on an introduction needs the university partner's consent before it is shared
 * (given for one version of the proposal; a later edit asks again).
 */
export const partnerConsents = ['requested', 'given', 'refused'] as const;
export type PartnerConsent = (typeof partnerConsents)[number];

/**
 * Where a proposal stands with ONE lender: each lender reviews on its own and never sees the
 * others. withdrawn = the SME stopped sharing with this lender (its access ends at once).
 */
export const fundingShareStatuses = [
  'submitted',
  'under_review',
  'info_requested',
  'resubmitted',
  'approved',
  'declined',
  'withdrawn',
] as const;
export type FundingShareStatus = (typeof fundingShareStatuses)[number];

/** A lender's structured reason for declining, shown to the SME as advice. */
export const fundingDeclineReasons = [
  'insufficient_collateral',
  'ip_value_uncertain',
  'cash_flow_insufficient',
  'business_plan_unclear',
  'outside_lending_policy',
  'other',
] as const;
export type FundingDeclineReason = (typeof fundingDeclineReasons)[number];

/** The right the SME holds in a patent it offers: its own, or a licence from the partner. */
export const patentRights = ['ownership', 'exclusive_licence', 'non_exclusive_licence'] as const;
export type PatentRight = (typeof patentRights)[number];

/** Where a patent of a proposal comes from: the SME's own, or a seed's IP record through an introduction. */
export const patentSources = ['own', 'seed'] as const;
export type PatentSource = (typeof patentSources)[number];

/** Valuation approaches of the JPO's IP business evaluation reports. */
export const valuationMethods = ['cost', 'market', 'income', 'relief_from_royalty'] as const;
export type ValuationMethod = (typeof valuationMethods)[number];

/** What a viewer outside the proposing organisation did with a proposal (the SME's access log). */
export const fundingAccessActions = ['viewed', 'downloaded'] as const;
export type FundingAccessAction = (typeof fundingAccessActions)[number];
