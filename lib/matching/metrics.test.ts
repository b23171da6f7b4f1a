import { describe, it, expect } from 'vitest';
import { evaluateRun } from './metrics';

describe('evaluateRun', () => {
  const needs = [
    { id: 'N1', lang: 'en' },
    { id: 'N2', lang: 'ja' },
  ];
  const judgments = [
    { needId: 'N1', seedId: 'A', grade: 2 },
    { needId: 'N1', seedId: 'B', grade: 1 },
    { needId: 'N2', seedId: 'C', grade: 2 },
  ];
  it('scores a perfect run 1 and a missing need 0', () => {
    const { groups, perNeed } = evaluateRun(needs, judgments, { N1: ['A', 'B'] });
    expect(perNeed[0].ndcg).toBeCloseTo(1);
    expect(perNeed[0].recall).toBe(1);
    expect(perNeed[0].mrr).toBe(1);
    expect(perNeed[1].ndcg).toBe(0);
    expect(groups.overall.ndcg10).toBeCloseTo(0.5);
  });
  it('discounts by rank and keeps the first position of duplicates', () => {
    const { perNeed } = evaluateRun(needs, judgments, { N1: ['X', 'A', 'A', 'B'], N2: ['C'] });
    const dcg = 2 / Math.log2(3) + 1 / Math.log2(4);
    const idcg = 2 + 1 / Math.log2(3);
    expect(perNeed[0].ndcg).toBeCloseTo(dcg / idcg);
    expect(perNeed[0].mrr).toBe(0.5);
  });
});
