import { beforeAll, describe, it, expect } from 'vitest';
import { buildIndex, rankSeedsForNeed, rankNeedsForSeed } from './engine';
import { scorePair, trlFit, vectorize } from './score';
import { represent } from './represent';
import { improvementHints, sharedConcepts } from './reasons';
import { buildGlossary, getDictionary } from './glossary';
import type { NeedInput, SeedInput } from './types';

const need: NeedInput = {
  id: 'N1',
  lang: 'ja',
  title: '全固体電池の固体電解質を低コストで製造したい',
  summary: '当社は電池部材メーカーで、固体電解質の量産プロセスを探しています。',
  keywords: ['全固体電池', '固体電解質'],
  domain: 'environment_energy',
  region: 'Aichi',
  desiredTrl: 4,
};
const seeds: SeedInput[] = [
  {
    id: 'S1',
    lang: 'en',
    title: 'Low-cost synthesis of sulfide solid electrolyte for solid-state batteries',
    summary: 'A wet process produces solid electrolyte powder for all-solid-state batteries at low cost.',
    keywords: ['solid-state battery', 'solid electrolyte'],
    domain: 'environment_energy',
    trl: 5,
    ip: { status: 'granted', jurisdictions: ['JP'] },
    licensing: 'non_exclusive',
  },
  {
    id: 'S2',
    lang: 'en',
    title: 'Image recognition for retail shelves',
    summary: 'Deep learning counts products on shelves.',
    keywords: ['computer vision'],
    domain: 'it',
    trl: 6,
    ip: { status: 'none', jurisdictions: [] },
    licensing: 'exclusive',
  },
  {
    id: 'S3',
    lang: 'ja',
    title: 'リチウムイオン電池の電極の劣化診断',
    summary: '電池の電極劣化を交流インピーダンスで診断する。',
    keywords: ['電池', '劣化診断'],
    domain: 'environment_energy',
    trl: 3,
    ip: { status: 'filed', jurisdictions: ['JP'] },
    licensing: 'joint_research',
  },
];

// the whole dictionary loads once per process (a few seconds on a busy machine)
beforeAll(() => void getDictionary(), 120_000);

describe('rankSeedsForNeed', () => {
  it('ranks a cross-language match first, with scores in [0,1] and reasons', () => {
    const res = rankSeedsForNeed(need, seeds, 10);
    expect(res[0].id).toBe('S1');
    for (const r of res) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    const kinds = res[0].reasons.map((r) => r.kind);
    expect(kinds).toContain('shared_concepts');
    expect(kinds).toContain('same_domain');
    expect(kinds).toContain('trl_fit');
    const shared = res[0].reasons.find((r) => r.kind === 'shared_concepts');
    expect(shared && shared.kind === 'shared_concepts' && shared.concepts.length).toBeGreaterThan(0);
  });
  it('returns [] without candidates or with k = 0', () => {
    expect(rankSeedsForNeed(need, [], 10)).toEqual([]);
    expect(rankSeedsForNeed(need, seeds, 0)).toEqual([]);
    const unrelated: NeedInput = { id: 'N9', lang: 'en', title: 'zzqx', summary: '', keywords: [], domain: 'it' };
    expect(rankSeedsForNeed(unrelated, seeds, 10)).toEqual([]);
  });
  it('accepts a prebuilt index and respects k', () => {
    const index = buildIndex(seeds);
    expect(rankSeedsForNeed(need, index, 1)).toHaveLength(1);
  });
});

describe('rankNeedsForSeed', () => {
  it('finds the need for a seed', () => {
    const res = rankNeedsForSeed(
      seeds[0],
      [
        need,
        {
          ...need,
          id: 'N2',
          title: 'Shelf analytics',
          summary: 'retail image recognition',
          keywords: [],
          lang: 'en',
          domain: 'it',
        },
      ],
      5,
    );
    expect(res[0].id).toBe('N1');
  });
});

describe('scoring', () => {
  it('scorePair stays within [0,1] for edge cases', () => {
    const empty: SeedInput = { id: 'E', title: '', summary: null, keywords: null };
    for (const s of [...seeds, empty]) {
      const { score } = scorePair(need, s);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });
  it('TRL fit prefers seeds at or just above the desired level', () => {
    expect(trlFit(5, 5)).toBe(1);
    expect(trlFit(3, 5)).toBeLessThan(trlFit(6, 5));
    expect(trlFit(null, 5)).toBe(0.5);
  });
  it('down-weights a glossary concept that appears in every document', () => {
    const g = buildGlossary([
      { id: 'c.common', domain: 'manufacturing', en: ['sensor'], ja: ['センサ'] },
      { id: 'c.rare', domain: 'manufacturing', en: ['strain gauge'], ja: ['ひずみゲージ'] },
    ]);
    const docs: SeedInput[] = Array.from({ length: 20 }, (_, i) => ({
      id: `D${i}`,
      title: `sensor module ${i}`,
      summary: '',
      keywords: [],
    }));
    docs.push({ id: 'R', title: 'sensor with strain gauge', summary: '', keywords: [] });
    const index = buildIndex(docs, { glossary: g });
    const v = vectorize(represent(docs[20], undefined, g), index.stats, undefined, g);
    expect(v.concepts.get('c.rare')!).toBeGreaterThan(v.concepts.get('c.common')! * 3);
  });
});

describe('reasons', () => {
  it('names each shared idea once, even when two glossary concepts carry the same labels', () => {
    const g = buildGlossary([
      { id: 'core.tool-wear', domain: 'manufacturing', en: ['tool wear'], ja: ['工具摩耗'] },
      { id: 'dict.tool-wear', domain: 'manufacturing', en: ['Tool wear'], ja: ['工具摩耗'] },
      { id: 'core.machining', domain: 'manufacturing', en: ['machining'], ja: ['切削加工'] },
    ]);
    const vec = (c: Record<string, number>) => ({
      terms: new Map(),
      loan: new Map(),
      concepts: new Map(Object.entries(c)),
    });
    const both = { 'core.tool-wear': 0.6, 'dict.tool-wear': 0.5, 'core.machining': 0.4 };
    const shared = sharedConcepts(vec(both), vec(both), g);
    expect(shared.map((c) => c.en)).toEqual(['tool wear', 'machining']);
  });
});

describe('hints', () => {
  it('suggests keywords in the other language and a TRL', () => {
    const bare: NeedInput = { id: 'N3', lang: 'ja', title: '検査の自動化', summary: '短い', keywords: ['検査'] };
    const kinds = improvementHints('need', bare, represent(bare)).map((h) => h.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['add_keywords', 'add_keywords_other_language', 'state_trl', 'expand_summary']),
    );
  });
});

describe('stored vectors', () => {
  it('keep six significant digits per weight (shorter to store, faster to read back)', () => {
    const digits = (x: number) => x.toExponential().split('e')[0].replace(/[-.]/g, '').length;
    const weights = buildIndex(seeds).vectors.flatMap((v) => [
      ...v.terms.values(),
      ...v.concepts.values(),
      ...v.loan.values(),
    ]);
    expect(weights.length).toBeGreaterThan(20);
    expect(Math.max(...weights.map(digits))).toBeLessThanOrEqual(6);
  });
});
