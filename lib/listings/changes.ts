// What changed in an edit of a need or seed, as the parts a follower reads ("Summary, licensing terms changed"):
// pure, used by the save paths (kept in the edit's audit entry) and by the following list.

/** The parts of a listing a follower is told about, in the order they are listed. */
export const listingParts = [
  'title',
  'summary',
  'details',
  'keywords',
  'domain',
  'region',
  'trl',
  'budget',
  'timeline',
  'partnerKinds',
  'acceptTerms',
  'researcher',
  'advantages',
  'licensing',
  'licensingTerms',
  'ip',
] as const;
export type ListingPart = (typeof listingParts)[number];

/** Stored column (as in the save's content) → the part it belongs to; columns not listed are not news. */
const PART_OF: Record<string, ListingPart> = {
  title: 'title',
  summary: 'summary',
  details: 'details',
  keywords: 'keywords',
  domain: 'domain',
  prefecture: 'region',
  regionPreference: 'region',
  trlMin: 'trl',
  trlMax: 'trl',
  trl: 'trl',
  budgetMinJpy: 'budget',
  budgetMaxJpy: 'budget',
  timeline: 'timeline',
  partnerKinds: 'partnerKinds',
  acceptRoyaltyMaxPct: 'acceptTerms',
  acceptUpfrontMaxJpy: 'acceptTerms',
  acceptTerritories: 'acceptTerms',
  wantsExclusive: 'acceptTerms',
  needsSublicensing: 'acceptTerms',
  leadResearcher: 'researcher',
  advantages: 'advantages',
  licensing: 'licensing',
  royaltyMinPct: 'licensingTerms',
  royaltyMaxPct: 'licensingTerms',
  upfrontFeeMinJpy: 'licensingTerms',
  upfrontFeeMaxJpy: 'licensingTerms',
  milestoneFeeMinJpy: 'licensingTerms',
  milestoneFeeMaxJpy: 'licensingTerms',
  licenceTerritories: 'licensingTerms',
  fieldOfUse: 'licensingTerms',
  exclusivityMonths: 'licensingTerms',
  sublicensing: 'licensingTerms',
  optionAgreement: 'licensingTerms',
  ipRecords: 'ip',
};

// '' and null both mean "not given"; numbers compare as numbers (a real column may come back as text)
const same = (a: unknown, b: unknown): boolean => {
  const norm = (v: unknown) => (v === '' || v === undefined ? null : v);
  const x = norm(a);
  const y = norm(b);
  if (typeof x === 'number' || typeof y === 'number') return x !== null && y !== null && Number(x) === Number(y);
  return JSON.stringify(x) === JSON.stringify(y);
};

/** The parts whose columns differ between the stored listing and what is saved over it, in listing order. */
export function changedParts(before: Record<string, unknown>, after: Record<string, unknown>): ListingPart[] {
  const parts = new Set<ListingPart>();
  for (const [column, part] of Object.entries(PART_OF))
    if (column in after && !same(before[column], after[column])) parts.add(part);
  return listingParts.filter((p) => parts.has(p));
}

/** The parts named in the edits since a visit (audit details may be old entries without them). */
export function partsSince(edits: readonly { details: unknown }[]): ListingPart[] {
  const named = new Set<string>();
  for (const e of edits) {
    const changed = (e.details as { changed?: unknown } | null)?.changed;
    if (Array.isArray(changed)) for (const p of changed) named.add(String(p));
  }
  return listingParts.filter((p) => named.has(p));
}
