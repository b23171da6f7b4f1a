import { describe, expect, it } from 'vitest';
import {
  canRenew,
  completeness,
  expiresSoon,
  expiryFrom,
  isExpired,
  nextStatus,
  statusesAllowing,
  strongestIpStatus,
  TRANSITIONS,
} from './rules';

describe('status lifecycle', () => {
  it('follows draft → pending_review → open → closed → archived', () => {
    expect(nextStatus('draft', 'submit', 'owner')).toBe('pending_review');
    expect(nextStatus('pending_review', 'publish', 'coordinator')).toBe('open');
    expect(nextStatus('open', 'close', 'owner')).toBe('closed');
    expect(nextStatus('closed', 'archive', 'owner')).toBe('archived');
  });

  it('only coordinators publish or send back; owners withdraw', () => {
    expect(nextStatus('pending_review', 'publish', 'owner')).toBeNull();
    expect(nextStatus('pending_review', 'send_back', 'owner')).toBeNull();
    expect(nextStatus('pending_review', 'send_back', 'coordinator')).toBe('draft');
    expect(nextStatus('pending_review', 'withdraw', 'owner')).toBe('draft');
  });

  it('refuses skipping review and leaving archived', () => {
    expect(nextStatus('draft', 'publish', 'coordinator')).toBeNull();
    expect(nextStatus('closed', 'publish', 'coordinator')).toBeNull();
    expect(Object.keys(TRANSITIONS.archived)).toEqual([]);
    expect(statusesAllowing('publish', 'coordinator')).toEqual(['pending_review']);
    expect(statusesAllowing('submit', 'owner').sort()).toEqual(['draft', 'open']);
  });

  it('every transition leads to one target status', () => {
    const targets = new Map<string, Set<string>>();
    for (const edges of Object.values(TRANSITIONS)) {
      for (const [name, edge] of Object.entries(edges))
        (targets.get(name) ?? targets.set(name, new Set()).get(name)!).add(edge!.to);
    }
    for (const set of targets.values()) expect(set.size).toBe(1);
  });
});

describe('expiry', () => {
  const now = new Date('2026-01-15T00:00:00Z');
  it('lasts 12 months, warns in the last 30 days, renews only then or after', () => {
    expect(expiryFrom(now).toISOString()).toBe('2027-01-15T00:00:00.000Z');
    const in10 = new Date('2026-01-25T00:00:00Z');
    const in90 = new Date('2026-04-15T00:00:00Z');
    expect(expiresSoon(in10, now)).toBe(true);
    expect(expiresSoon(in90, now)).toBe(false);
    expect(isExpired(new Date('2026-01-14T00:00:00Z'), now)).toBe(true);
    expect(canRenew('open', in10, now)).toBe(true);
    expect(canRenew('open', in90, now)).toBe(false);
    expect(canRenew('draft', in10, now)).toBe(false);
  });
});

describe('completeness', () => {
  it('gives concrete advice for a vague seed and none for a complete one', () => {
    const vague = completeness({
      kind: 'seed',
      title: 'New material',
      summary: 'A good material.',
      keywords: ['material'],
    });
    expect(vague.score).toBeLessThan(30);
    expect(vague.advice).toEqual(
      expect.arrayContaining(['seed_ip', 'seed_trl', 'seed_quantified', 'keywords_bilingual', 'summary_length']),
    );
    const good = completeness({
      kind: 'seed',
      title: 'Sulfide solid electrolyte',
      summary: 'x'.repeat(160),
      details: 'y'.repeat(220),
      keywords: ['solid electrolyte', '固体電解質', 'battery'],
      trl: 4,
      licensing: ['non_exclusive'],
      advantages: 'Ionic conductivity 3x that of oxide electrolytes at 25 °C, 80% charge in 10 minutes.',
      ipRecords: [{ status: 'granted' }],
    });
    expect(good).toMatchObject({ score: 100, advice: [] });
  });

  it('accepts shorter Japanese summaries and checks needs for TRL, budget, timeline, numbers', () => {
    const need = completeness({
      kind: 'need',
      title: 'アルミダイカストの巣欠陥を削減',
      summary: 'あ'.repeat(90),
      keywords: ['ダイカスト', 'die casting', '鋳巣'],
    });
    expect(need.advice).not.toContain('summary_length');
    expect(need.advice).toEqual(
      expect.arrayContaining(['need_trl', 'need_budget', 'need_timeline', 'need_quantified']),
    );
    expect(need.advice).not.toContain('keywords_bilingual');
  });
});

it('strongest IP status', () => {
  expect(strongestIpStatus(['unpublished_application', 'granted', 'filed'])).toBe('granted');
  expect(strongestIpStatus([])).toBeNull();
});
