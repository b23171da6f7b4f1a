import { describe, expect, it } from 'vitest';
import { disagreementsOf, innovationFromRecords, roundState } from './rules';

describe('survey rules', () => {
  it('a round is open from its first to its last day, unless closed by hand', () => {
    const round = { opensOn: '2026-12-01', closesOn: '2026-12-14', closedAt: null };
    expect(roundState(round, '2026-11-30')).toBe('scheduled');
    expect(roundState(round, '2026-12-01')).toBe('open');
    expect(roundState(round, '2026-12-14')).toBe('open');
    expect(roundState(round, '2026-12-15')).toBe('closed');
    expect(roundState({ ...round, closedAt: new Date() }, '2026-12-05')).toBe('closed');
  });

  it('finds where an answer and the records differ: yes or no, and the count of counted effects', () => {
    const recorded = { partnership: 2, newBusiness: 0, revamp: 1, venture: 0 };
    expect(disagreementsOf(innovationFromRecords(recorded), recorded)).toEqual([]);
    const answer = {
      partnership: { yes: true, count: 3 },
      newBusiness: { yes: false, count: 0 },
      revamp: { yes: false, count: null },
      venture: { yes: true, count: 1 },
    };
    expect(disagreementsOf(answer, recorded).map((d) => [d.item, d.recorded])).toEqual([
      ['partnership', 2],
      ['revamp', 1],
      ['venture', 0],
    ]);
  });
});
