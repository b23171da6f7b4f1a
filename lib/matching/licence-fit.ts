/**
 * Does a seed's licence fit what a need can accept? Pure: compares the terms a need states (royalty and upfront
 * fee it can pay at most, territories the licence must cover, exclusivity, sublicensing) with the seed's offered
 * terms, term by term. Each comparison becomes a match reason; nothing here filters a pair out.
 */
import type { TerritoryCode } from '@/db/vocabulary/listings';

/** What a need can accept; every field optional (not stated: not compared). */
export interface AcceptableTerms {
  royaltyMaxPct?: number | null;
  upfrontMaxJpy?: number | null;
  territories?: readonly string[] | null;
  exclusive?: boolean | null;
  sublicensing?: boolean | null;
}

/** A seed's offered licence; every field optional. */
export interface OfferedTerms {
  /** licence types offered (exclusive, non_exclusive, …) */
  types?: readonly string[] | null;
  royaltyMinPct?: number | null;
  royaltyMaxPct?: number | null;
  upfrontMinJpy?: number | null;
  upfrontMaxJpy?: number | null;
  territories?: readonly string[] | null;
  sublicensing?: boolean | null;
}

/** fits: the seed's terms meet the need's; partly: some do (a range straddling a limit); conflicts: none do. */
export type Fit = 'fits' | 'partly' | 'conflicts';

export type LicenceCheck =
  | { term: 'royalty' | 'upfront'; fit: Fit; min: number | null; max: number | null; limit: number }
  | { term: 'territory'; fit: Fit; offered: string[]; needed: string[]; missing: string[] }
  | { term: 'exclusivity' | 'sublicensing'; fit: 'fits' | 'conflicts' };

/** The stored territories that cover `code`: itself, worldwide, and all of Japan for a place in Japan. */
export function territoriesCovering(code: TerritoryCode): TerritoryCode[] {
  const domestic = code.startsWith('region:') || code.startsWith('pref:');
  return [...new Set<TerritoryCode>([code, 'worldwide', ...(domestic ? (['japan'] as const) : [])])];
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * A range against a ceiling: all of it under (fits), its low end under (partly), all above (conflicts). One bound
 * alone is read as the value (as the seed page shows it).
 */
function rangeFit(min: number | null, max: number | null, limit: number): Fit {
  const low = (min ?? max) as number;
  const high = (max ?? min) as number;
  if (low > limit) return 'conflicts';
  return high <= limit ? 'fits' : 'partly';
}

function money(
  term: 'royalty' | 'upfront',
  rawMin: number | null | undefined,
  rawMax: number | null | undefined,
  limit: number | null | undefined,
): LicenceCheck | null {
  const min = isNumber(rawMin) ? rawMin : null;
  const max = isNumber(rawMax) ? rawMax : null;
  if (!isNumber(limit) || (min === null && max === null)) return null;
  return { term, fit: rangeFit(min, max, limit), min, max, limit };
}

/** The seed's licence against the need's acceptable terms, one check per term both sides state. */
export function licenceFit(need: AcceptableTerms, seed: OfferedTerms): LicenceCheck[] {
  const checks: LicenceCheck[] = [];
  const royalty = money('royalty', seed.royaltyMinPct, seed.royaltyMaxPct, need.royaltyMaxPct);
  if (royalty) checks.push(royalty);
  const upfront = money('upfront', seed.upfrontMinJpy, seed.upfrontMaxJpy, need.upfrontMaxJpy);
  if (upfront) checks.push(upfront);

  const needed = [...new Set(need.territories ?? [])];
  const offered = [...new Set(seed.territories ?? [])];
  if (needed.length && offered.length) {
    const missing = needed.filter((c) => !territoriesCovering(c as TerritoryCode).some((t) => offered.includes(t)));
    const fit: Fit = missing.length === 0 ? 'fits' : missing.length < needed.length ? 'partly' : 'conflicts';
    checks.push({ term: 'territory', fit, offered, needed, missing });
  }

  const types = seed.types ?? [];
  if (need.exclusive && types.length)
    checks.push({ term: 'exclusivity', fit: types.includes('exclusive') ? 'fits' : 'conflicts' });
  if (need.sublicensing && typeof seed.sublicensing === 'boolean')
    checks.push({ term: 'sublicensing', fit: seed.sublicensing ? 'fits' : 'conflicts' });
  return checks;
}
