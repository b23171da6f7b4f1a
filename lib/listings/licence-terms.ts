// A seed's structured licensing terms (issue 15): pure, shared by the form, the save path and the pages.

/** As stored and shown; every field optional (null: not stated). */
export type LicenceTerms = {
  royaltyMinPct: number | null;
  royaltyMaxPct: number | null;
  upfrontFeeMinJpy: number | null;
  upfrontFeeMaxJpy: number | null;
  milestoneFeeMinJpy: number | null;
  milestoneFeeMaxJpy: number | null;
  licenceTerritories: string[];
  fieldOfUse: string | null;
  exclusivityMonths: number | null;
  sublicensing: boolean | null;
  optionAgreement: boolean | null;
};

/** The licensing terms a need can accept (none stated: nulls, [] and false). */
export type AcceptTerms = {
  royaltyMaxPct: number | null;
  upfrontMaxJpy: number | null;
  territories: string[];
  exclusive: boolean;
  sublicensing: boolean;
};

/** A yes/no question a seed may leave unanswered (the form's select: '' not stated). */
export const triStates = ['', 'yes', 'no'] as const;
export type TriState = (typeof triStates)[number];

export const fromTri = (v: TriState | undefined): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);
export const toTri = (v: boolean | null): TriState => (v === true ? 'yes' : v === false ? 'no' : '');
