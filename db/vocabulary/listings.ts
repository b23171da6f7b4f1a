// The values of listings' enums, defined once (no imports; see accounts.ts).

/** A listing is a need (an SME's problem) or a seed (a research result). */
export const listingKinds = ['need', 'seed'] as const;
export type ListingKind = (typeof listingKinds)[number];

/** The plural collections, as in URLs (/needs, /seeds), imports and saved searches. */
export const listingCollections = ['needs', 'seeds'] as const;
export type ListingCollection = (typeof listingCollections)[number];

export const listingStatuses = ['draft', 'pending_review', 'open', 'closed', 'archived'] as const;
export type ListingStatus = (typeof listingStatuses)[number];

/** needs: members see it / members see it without the organisation / only owner + cluster coordinators */
export const needVisibilities = ['members', 'anonymous', 'private'] as const;
export type NeedVisibility = (typeof needVisibilities)[number];

/** seeds: anyone sees a teaser / members see it / only owner + cluster coordinators */
export const seedVisibilities = ['public_teaser', 'members', 'private'] as const;
export type SeedVisibility = (typeof seedVisibilities)[number];

export const licensingTerms = ['exclusive', 'non_exclusive', 'joint_research', 'assignment'] as const;
export type LicensingTerm = (typeof licensingTerms)[number];

export const ipStatuses = ['unpublished_application', 'filed', 'granted', 'expired'] as const;
export type IpStatus = (typeof ipStatuses)[number];

/** Staged disclosure (DESIGN §4): the least a viewer's relation must reach to see a field. */
export const disclosureLevels = ['members', 'interest_accepted', 'nda', 'introduced'] as const;
export type DisclosureLevel = (typeof disclosureLevels)[number];

/** The fields of a listing whose disclosure level its owner chooses. */
export const disclosureFields = ['organisationName', 'patentNumbers', 'attachments', 'contacts', 'details'] as const;
export type DisclosureField = (typeof disclosureFields)[number];
/** Per-field disclosure settings of a listing, e.g. { organisationName: 'members', patentNumbers: 'nda' }. */
export type DisclosureSettings = Partial<Record<DisclosureField, DisclosureLevel>>;

/** Why an owner closes a listing (stored at the start of its closed reason). */
export const closeReasons = ['partner_found', 'solved_internally', 'no_longer_needed', 'licensed', 'other'] as const;
export type CloseReason = (typeof closeReasons)[number];

/** Japan's regions (地方), for territories wider than a prefecture. */
export const japanRegions = [
  'hokkaido',
  'tohoku',
  'kanto',
  'chubu',
  'kinki',
  'chugoku',
  'shikoku',
  'kyushu_okinawa',
] as const;
export type JapanRegion = (typeof japanRegions)[number];

/** Countries a territory may name abroad (ISO 3166-1 alpha-2; names come from Intl.DisplayNames). */
export const overseasCountries = [
  'CN',
  'KR',
  'TW',
  'HK',
  'SG',
  'TH',
  'VN',
  'MY',
  'ID',
  'PH',
  'IN',
  'AU',
  'US',
  'CA',
  'MX',
  'BR',
  'GB',
  'DE',
  'FR',
  'IT',
  'NL',
  'ES',
  'SE',
  'CH',
  'AE',
  'SA',
] as const;
export type OverseasCountry = (typeof overseasCountries)[number];

/**
 * A territory (of a licence or a sales channel) as stored: `worldwide`, `japan`, `region:<japan region>`,
 * `pref:<prefecture as stored, e.g. Aichi>` or `country:<ISO code>`.
 */
export type TerritoryCode = string;
