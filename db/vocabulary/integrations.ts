// The values of integrations' enums (saved searches, API tokens), defined once (no imports; see accounts.ts).
// A saved search's kind is a listing collection (db/vocabulary/listings.ts).

export const digestFrequencies = ['daily', 'weekly', 'never'] as const;
export type DigestFrequency = (typeof digestFrequencies)[number];
