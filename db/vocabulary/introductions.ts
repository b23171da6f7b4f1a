// The values of introductions' enums, defined once (no imports; see accounts.ts).

/** A match joins two of these sides: need + seed (engine/manual) or requester + need|seed (interest/sales_channel). */
export const sides = ['need', 'seed', 'requester'] as const;
export type Side = (typeof sides)[number];

export const responseStates = ['pending', 'accepted', 'declined'] as const;
export type ResponseState = (typeof responseStates)[number];

/** A structured decline reason, shown to the listing's owner as advice. */
export const declineReasons = [
  'too_early',
  'benefit_unclear',
  'route_to_market_unclear',
  'description_vague',
  'not_our_field',
  'other',
] as const;
export type DeclineReason = (typeof declineReasons)[number];

export const ndaTypes = ['mutual', 'one_way'] as const;
export type NdaType = (typeof ndaTypes)[number];

export const ndaStatuses = ['draft', 'signed', 'expired'] as const;
export type NdaStatus = (typeof ndaStatuses)[number];

export const meetingStatuses = ['open', 'confirmed', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/** How a trading firm would bring a product to market. */
export const salesChannelKinds = ['distributor', 'agent', 'oem', 'export'] as const;
export type SalesChannelKind = (typeof salesChannelKinds)[number];

/**
 * A party's answer to a 30- or 90-day check-in (issue 14 item 3): met, still talking, an agreement
 * reached, stalled, or ended.
 */
export const checkInAnswers = ['met', 'talking', 'agreement', 'stalled', 'ended'] as const;
export type CheckInAnswer = (typeof checkInAnswers)[number];
