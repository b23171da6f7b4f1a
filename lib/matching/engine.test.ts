import { beforeAll, describe, it, expect } from 'vitest';
import { buildIndex, rankSeedsForNeed, rankNeedsForSeed } from './engine';
import { scorePair, trlFit, vectorize } from './score';
import { represent } from './represent';
import { improvementHints, sharedConcepts } from './reasons';
import { buildGlossary, getDictionary } from './glossary';
import type { NeedInput, SeedInput } from './types';
import { DEFAULT_WEIGHTS } from './weights';

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

describe('pseudo-relevance feedback', () => {
  const base = { lang: 'en' as const, domain: 'manufacturing', trl: 5, licensing: 'non_exclusive' as const };
  const ip = { status: 'granted' as const, jurisdictions: ['JP'] };
  const monitoringNeed: NeedInput = {
    id: 'N-pump',
    lang: 'en',
    title: 'Warn before the bearings of our pumps fail',
    summary: 'Our pumps stop without warning when a bearing wears out.',
    keywords: ['pump', 'bearing wear'],
    domain: 'manufacturing',
    desiredTrl: 5,
  };
  const corpus: SeedInput[] = [
    {
      ...base,
      ip,
      id: 'S-bearing',
      title: 'Bearing wear detection from vibration spectra',
      summary: 'An accelerometer records the vibration spectrum; envelope analysis shows bearing wear early.',
      keywords: ['bearing', 'vibration spectrum', 'accelerometer', 'envelope analysis'],
    },
    {
      ...base,
      ip,
      id: 'S-sensor',
      title: 'Accelerometer that reads vibration spectra on rotating pumps',
      summary: 'Envelope analysis of the vibration spectrum, computed on the sensor.',
      keywords: ['accelerometer', 'vibration spectrum', 'envelope analysis'],
    },
    {
      ...base,
      ip,
      id: 'S-irrigation',
      title: 'Solar pumps for irrigation of rice fields',
      summary: 'Low-cost pumps driven by solar panels lift water for paddy irrigation.',
      keywords: ['pump', 'irrigation', 'solar'],
    },
  ];
  const order = (feedback: { docs: number; weight: number }) =>
    rankSeedsForNeed(monitoringNeed, buildIndex(corpus, { weights: { ...DEFAULT_WEIGHTS, feedback } }), 3).map(
      (m) => m.id,
    );

  it('ranks a seed that answers in the words of the best match above one that shares only a word with the need', () => {
    expect(order(DEFAULT_WEIGHTS.feedback)).toEqual(['S-bearing', 'S-sensor', 'S-irrigation']);
    // without feedback the vibration sensor shares only "pumps" with the need, as the irrigation pump does
    expect(order({ docs: 0, weight: 0 }).indexOf('S-sensor')).toBeGreaterThan(
      order({ docs: 0, weight: 0 }).indexOf('S-irrigation'),
    );
  });

  it('never lets a feedback document vote for itself: a need with only unrelated weak matches keeps their scores', () => {
    // three seeds that each share one different word with the need and nothing with each other:
    // every one is a feedback document, and the others lend it nothing
    const loose: SeedInput[] = [
      {
        ...base,
        ip,
        id: 'S-a',
        title: 'Bearing grease for bicycles',
        summary: 'Grease that keeps bicycle hubs quiet.',
        keywords: ['grease'],
      },
      {
        ...base,
        ip,
        id: 'S-b',
        title: 'Garden pump for fountains',
        summary: 'A quiet fountain for small gardens.',
        keywords: ['fountain'],
      },
      {
        ...base,
        ip,
        id: 'S-c',
        title: 'Warning labels printed on textiles',
        summary: 'Labels that survive washing.',
        keywords: ['label'],
      },
    ];
    const scores = (feedback: { docs: number; weight: number }) =>
      Object.fromEntries(
        rankSeedsForNeed(monitoringNeed, buildIndex(loose, { weights: { ...DEFAULT_WEIGHTS, feedback } }), 3).map(
          (m) => [m.id, m.score],
        ),
      );
    const without = scores({ docs: 0, weight: 0 });
    const withFeedback = scores(DEFAULT_WEIGHTS.feedback);
    expect(Object.keys(withFeedback).sort()).toEqual(['S-a', 'S-b', 'S-c']);
    for (const id of Object.keys(without)) expect(withFeedback[id]).toBeLessThanOrEqual(without[id] + 1e-9);
  });

  it('gives reasons in the need’s own words only', () => {
    const top = rankSeedsForNeed(monitoringNeed, buildIndex(corpus), 3).find((m) => m.id === 'S-sensor')!;
    const words = JSON.stringify(top.reasons);
    expect(words).not.toMatch(/accelerometer|envelope|spectr/i);
  });
});
