// The values of accounts' enums, defined once. No imports: client components, zod schemas, rules and
// db/schema (pgEnum) all read these arrays, and the client bundle must not pull drizzle in with them.

export const roles = ['sme', 'researcher', 'trading', 'lender', 'coordinator', 'admin'] as const;
export type Role = (typeof roles)[number];

export const organisationKinds = [
  'sme',
  'university',
  'research_institute',
  'tlo',
  'trading_firm',
  'financial_institution',
  'support_org',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const employeeBands = ['1-9', '10-49', '50-299', '300-999', '1000+'] as const;
export type EmployeeBand = (typeof employeeBands)[number];

/** The languages of the portal, of a user's preference and of a listing's text. */
export const locales = ['ja', 'en'] as const;
export type Locale = (typeof locales)[number];

/** A user's time zone until they choose another (an IANA name; the programme is in Japan). */
export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';
