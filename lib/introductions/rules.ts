// The match state machine as data (DESIGN §3). Pure: no database, no clock of its own.
// lib/introductions/transition.ts turns a decision into ONE conditional UPDATE.

import type { MatchStatus } from '@/db/vocabulary/matching';
import { type DeclineReason, type ResponseState, type Side, sides } from '@/db/vocabulary/introductions';

export type ActorKind = 'coordinator' | 'party' | 'system';
export type Actor = { kind: 'coordinator' } | { kind: 'party'; side: Side } | { kind: 'system' };

export type MatchEventInput =
  | { type: 'approve'; note?: string }
  | { type: 'reject'; note: string }
  | { type: 'accept' }
  | { type: 'decline'; reason: DeclineReason; text?: string }
  | { type: 'expire' }
  | { type: 'withdraw' }
  /** What it closed with is an outcome, recorded by lib/programme/outcomes.ts in the same transaction. */
  | { type: 'close' };
export type MatchEventType = MatchEventInput['type'];

type TransitionRule = {
  event: MatchEventType;
  from: MatchStatus;
  /** The status after the event; accept is the one whose target depends on the other side. */
  to: MatchStatus | 'introduced_when_both_accepted';
  by: ActorKind[];
};

/** Every allowed transition and who may make it; anything not listed is illegal. */
export const transitionRules: readonly TransitionRule[] = [
  { event: 'approve', from: 'proposed', to: 'approved', by: ['coordinator'] },
  { event: 'reject', from: 'proposed', to: 'rejected', by: ['coordinator'] },
  { event: 'withdraw', from: 'proposed', to: 'withdrawn', by: ['coordinator', 'party'] },
  { event: 'accept', from: 'approved', to: 'introduced_when_both_accepted', by: ['party'] },
  { event: 'decline', from: 'approved', to: 'declined', by: ['party'] },
  { event: 'expire', from: 'approved', to: 'expired', by: ['system'] },
  { event: 'withdraw', from: 'approved', to: 'withdrawn', by: ['coordinator'] },
  { event: 'close', from: 'introduced', to: 'closed', by: ['party', 'coordinator'] },
];

export type MatchState = {
  status: MatchStatus;
  /** The two sides of this match, e.g. ['need', 'seed']. */
  sides: readonly [Side, Side];
  responses: Partial<Record<Side, ResponseState>>;
  /** Answer-by date of the double opt-in (set on approval). */
  deadline: Date | null;
};

export type Decision =
  | { ok: true; to: MatchStatus; responses: Partial<Record<Side, ResponseState>> }
  | { ok: false; error: 'illegal' | 'forbidden' | 'invalid' | 'too_late' };

export const DEFAULT_RESPONSE_DAYS = 14;
export const REMINDER_DAYS_BEFORE_DEADLINE = 3;
export const CHECK_IN_DAYS = [30, 90] as const;

/** Whether `actor` may take `event` from the match's current state, and the resulting state. */
export function decide(state: MatchState, actor: Actor, event: MatchEventInput, now: Date): Decision {
  const rule = transitionRules.find((r) => r.event === event.type && r.from === state.status);
  if (!rule) return { ok: false, error: 'illegal' };
  if (!rule.by.includes(actor.kind)) return { ok: false, error: 'forbidden' };
  if (actor.kind === 'party' && !state.sides.includes(actor.side)) return { ok: false, error: 'forbidden' };
  // Withdrawing a proposed match is the requester's right (their own expression of interest), nobody else's.
  if (event.type === 'withdraw' && actor.kind === 'party' && actor.side !== 'requester')
    return { ok: false, error: 'forbidden' };

  switch (event.type) {
    case 'reject':
      if (!event.note?.trim()) return { ok: false, error: 'invalid' };
      break;
    case 'decline':
      if (event.reason === 'other' && !event.text?.trim()) return { ok: false, error: 'invalid' };
      break;
    case 'expire':
      if (!state.deadline || state.deadline.getTime() > now.getTime()) return { ok: false, error: 'illegal' };
      break;
  }

  if (event.type === 'accept' || event.type === 'decline') {
    const side = (actor as { side: Side }).side;
    if ((state.responses[side] ?? 'pending') !== 'pending') return { ok: false, error: 'illegal' };
    if (state.deadline && state.deadline.getTime() <= now.getTime()) return { ok: false, error: 'too_late' };
    const responses = {
      ...state.responses,
      [side]: event.type === 'accept' ? 'accepted' : 'declined',
    } as MatchState['responses'];
    if (event.type === 'decline') return { ok: true, to: 'declined', responses };
    const bothAccepted = state.sides.every((s) => responses[s] === 'accepted');
    return { ok: true, to: bothAccepted ? 'introduced' : 'approved', responses };
  }
  if (event.type === 'approve') {
    return { ok: true, to: 'approved', responses: Object.fromEntries(state.sides.map((s) => [s, 'pending'])) };
  }
  return { ok: true, to: rule.to as MatchStatus, responses: state.responses };
}

/** Which events an actor could take now (for showing buttons; the server decides again). */
export function availableEvents(state: MatchState, actor: Actor, now: Date): MatchEventType[] {
  const samples: MatchEventInput[] = [
    { type: 'approve' },
    { type: 'reject', note: 'x' },
    { type: 'accept' },
    { type: 'decline', reason: 'too_early' },
    { type: 'expire' },
    { type: 'withdraw' },
    { type: 'close' },
  ];
  return samples.filter((e) => decide(state, actor, e, now).ok).map((e) => e.type);
}

/** The two sides a match joins, from which of its references are set. */
export function sidesOf(match: {
  kind?: string;
  needId: string | null;
  seedId: string | null;
  requesterOrganisationId: string | null;
}): [Side, Side] {
  // engine and manual matches join a need and a seed; interest / sales_channel join the requester and one listing
  if (match.kind === 'engine' || match.kind === 'manual') return ['need', 'seed'];
  if (match.kind && match.requesterOrganisationId) return [match.needId ? 'need' : 'seed', 'requester'];
  const present = sides.filter((s) =>
    s === 'need' ? match.needId : s === 'seed' ? match.seedId : match.requesterOrganisationId,
  );
  if (present.length !== 2) throw new Error(`a match joins exactly two sides, found ${present.join(',') || 'none'}`);
  return [present[0], present[1]];
}

/** Contact details of both sides are disclosed only from introduction on. */
export function contactsRevealed(status: MatchStatus): boolean {
  return status === 'introduced' || status === 'closed';
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** The fields a trading firm's sales-channel interest must fill: what, where, through which channel. */
export function salesChannelMissing(input: {
  channelProduct?: string;
  channelTerritories?: readonly string[];
  channelKinds?: readonly string[];
}): ('channelProduct' | 'channelTerritories' | 'channelKinds')[] {
  const missing: ('channelProduct' | 'channelTerritories' | 'channelKinds')[] = [];
  if (!input.channelProduct?.trim()) missing.push('channelProduct');
  if (!input.channelTerritories?.length) missing.push('channelTerritories');
  if (!input.channelKinds?.length) missing.push('channelKinds');
  return missing;
}

/** How the owner of a listing sees one interest in it (DESIGN §4: no identity beyond kind, region, size). */
export type InterestState = 'waiting_for_coordinator' | 'awaiting_you' | 'awaiting_them' | 'introduced' | 'declined';

export function interestStateFor(status: MatchStatus, ownerResponse: ResponseState | null): InterestState {
  if (status === 'proposed') return 'waiting_for_coordinator';
  if (status === 'approved') return (ownerResponse ?? 'pending') === 'pending' ? 'awaiting_you' : 'awaiting_them';
  if (status === 'introduced' || status === 'closed') return 'introduced';
  return 'declined';
}
