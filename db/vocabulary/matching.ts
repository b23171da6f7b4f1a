// The values of matches' enums, defined once (no imports; see accounts.ts).
// The state machine over matchStatuses is lib/introductions/rules.ts.

/** engine: proposed by the matching engine; manual: by a coordinator; interest / sales_channel: asked for by a member. */
export const matchKinds = ['engine', 'manual', 'interest', 'sales_channel'] as const;
export type MatchKind = (typeof matchKinds)[number];

export const matchStatuses = [
  'proposed',
  'approved',
  'rejected',
  'introduced',
  'declined',
  'expired',
  'closed',
  'withdrawn',
] as const;
export type MatchStatus = (typeof matchStatuses)[number];
