import type { ListingKind } from '@/db/vocabulary/listings';
import type { Locale } from '@/db/vocabulary/accounts';
import type { NeedFormValues, SeedFormValues } from './validation';

// What differs between a need and a seed outside the data module (lib/listings/data.ts) and the
// form (components/listings/listing-form.tsx): addresses, message namespace and a blank form. Pure,
// for server and client alike.

export const listingKindInfo = {
  need: { path: '/needs', messages: 'listings.needs' },
  seed: { path: '/seeds', messages: 'listings.seeds' },
} as const satisfies Record<ListingKind, { path: `/${string}`; messages: `listings.${string}` }>;

type BlankValues = { need: NeedFormValues; seed: SeedFormValues };

/** A new listing's form: nothing filled in but the language (the author's) and the defaults. */
export function blankValues<K extends ListingKind>(kind: K, language: Locale): BlankValues[K];
export function blankValues(kind: ListingKind, language: Locale): NeedFormValues | SeedFormValues {
  const common = {
    intent: 'draft' as const,
    language,
    title: '',
    summary: '',
    details: '',
    domain: 'manufacturing' as const,
    keywords: [],
    prefecture: '',
    disclosure: {},
    visibility: 'members' as const,
  };
  if (kind === 'need')
    return {
      ...common,
      timeline: '',
      partnerKinds: [],
      regionPreference: '',
      anonymousLabel: '',
      acceptTerritories: [],
      wantsExclusive: false,
      needsSublicensing: false,
    };
  return {
    ...common,
    trl: undefined,
    leadResearcher: '',
    licensing: [],
    licenceTerritories: [],
    advantages: '',
    ipRecords: [],
  };
}
