import { describe, expect, it } from 'vitest';
import { addDays, availableEvents, decide, sidesOf, transitionRules, type MatchState } from './rules';
import { matchStatuses } from '@/db/vocabulary/matching';

const now = new Date('2026-11-24T10:00:00Z');
const base = (over: Partial<MatchState> = {}): MatchState => ({
  status: 'proposed',
  sides: ['need', 'seed'],
  responses: {},
  deadline: null,
  ...over,
});
const coordinator = { kind: 'coordinator' } as const;
const needParty = { kind: 'party', side: 'need' } as const;
const seedParty = { kind: 'party', side: 'seed' } as const;
const requester = { kind: 'party', side: 'requester' } as const;
const system = { kind: 'system' } as const;
const approved = (over: Partial<MatchState> = {}) =>
  base({ status: 'approved', responses: { need: 'pending', seed: 'pending' }, deadline: addDays(now, 14), ...over });

describe('match state machine', () => {
  it('lets only a coordinator approve or reject a proposed match', () => {
    expect(decide(base(), coordinator, { type: 'approve' }, now)).toEqual({
      ok: true,
      to: 'approved',
      responses: { need: 'pending', seed: 'pending' },
    });
    expect(decide(base(), coordinator, { type: 'reject', note: 'not a fit' }, now)).toMatchObject({
      ok: true,
      to: 'rejected',
    });
    expect(decide(base(), needParty, { type: 'approve' }, now)).toEqual({ ok: false, error: 'forbidden' });
    expect(decide(base(), system, { type: 'reject', note: 'x' }, now)).toEqual({ ok: false, error: 'forbidden' });
  });

  it('requires a note on reject', () => {
    expect(decide(base(), coordinator, { type: 'reject', note: '  ' }, now)).toEqual({ ok: false, error: 'invalid' });
  });

  it('introduces only when both sides accepted', () => {
    const first = decide(approved(), needParty, { type: 'accept' }, now);
    expect(first).toEqual({ ok: true, to: 'approved', responses: { need: 'accepted', seed: 'pending' } });
    const second = decide(
      approved({ responses: { need: 'accepted', seed: 'pending' } }),
      seedParty,
      { type: 'accept' },
      now,
    );
    expect(second).toEqual({ ok: true, to: 'introduced', responses: { need: 'accepted', seed: 'accepted' } });
  });

  it('does not let a side answer twice or a stranger side answer at all', () => {
    expect(
      decide(approved({ responses: { need: 'accepted', seed: 'pending' } }), needParty, { type: 'accept' }, now),
    ).toEqual({ ok: false, error: 'illegal' });
    expect(decide(approved(), requester, { type: 'accept' }, now)).toEqual({ ok: false, error: 'forbidden' });
    expect(decide(approved(), coordinator, { type: 'accept' }, now)).toEqual({ ok: false, error: 'forbidden' });
  });

  it('declines with a structured reason; other needs text', () => {
    expect(decide(approved(), seedParty, { type: 'decline', reason: 'too_early' }, now)).toMatchObject({
      ok: true,
      to: 'declined',
    });
    expect(decide(approved(), seedParty, { type: 'decline', reason: 'other' }, now)).toEqual({
      ok: false,
      error: 'invalid',
    });
    expect(decide(approved(), seedParty, { type: 'decline', reason: 'other', text: 'we merged' }, now)).toMatchObject({
      ok: true,
    });
  });

  it('expires only after the deadline, and only by the system', () => {
    expect(decide(approved(), system, { type: 'expire' }, now)).toEqual({ ok: false, error: 'illegal' });
    const late = approved({ deadline: addDays(now, -1) });
    expect(decide(late, system, { type: 'expire' }, now)).toMatchObject({ ok: true, to: 'expired' });
    expect(decide(late, coordinator, { type: 'expire' }, now)).toEqual({ ok: false, error: 'forbidden' });
    expect(decide(late, needParty, { type: 'accept' }, now)).toEqual({ ok: false, error: 'too_late' });
  });

  it('closes an introduction, by a party or the coordinator', () => {
    const introduced = base({ status: 'introduced', responses: { need: 'accepted', seed: 'accepted' } });
    expect(decide(introduced, seedParty, { type: 'close' }, now)).toMatchObject({
      ok: true,
      to: 'closed',
    });
    expect(decide(introduced, coordinator, { type: 'close' }, now)).toMatchObject({
      ok: true,
      to: 'closed',
    });
    expect(decide(introduced, system, { type: 'close' }, now)).toEqual({
      ok: false,
      error: 'forbidden',
    });
  });

  it('lets the requester withdraw an expression of interest before approval', () => {
    const interest = base({ sides: ['seed', 'requester'] });
    expect(decide(interest, requester, { type: 'withdraw' }, now)).toMatchObject({ ok: true, to: 'withdrawn' });
    expect(decide(interest, seedParty, { type: 'withdraw' }, now)).toEqual({ ok: false, error: 'forbidden' });
  });

  it('has no way out of a terminal state', () => {
    for (const status of ['rejected', 'declined', 'expired', 'closed', 'withdrawn'] as const) {
      for (const actor of [coordinator, needParty, seedParty, system]) {
        expect(availableEvents(base({ status, deadline: addDays(now, -1) }), actor, now)).toEqual([]);
      }
    }
  });

  it('lists only known statuses in its table', () => {
    for (const rule of transitionRules) expect(matchStatuses).toContain(rule.from);
  });

  it('derives the two sides from the references set', () => {
    expect(sidesOf({ needId: 'n', seedId: 's', requesterOrganisationId: null })).toEqual(['need', 'seed']);
    expect(sidesOf({ needId: null, seedId: 's', requesterOrganisationId: 'o' })).toEqual(['seed', 'requester']);
    expect(() => sidesOf({ needId: 'n', seedId: null, requesterOrganisationId: null })).toThrow();
  });
});
