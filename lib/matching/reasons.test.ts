import { beforeAll, describe, expect, it } from 'vitest';
import { buildGlossary, getDictionary } from './glossary';
import { scorePair, vectorize } from './score';
import { explainMatch } from './reasons';
import { EMPTY_STATS } from './score';
import type { NeedInput, SeedInput } from './types';

beforeAll(() => void getDictionary(), 120_000);

function reasonsOf(need: NeedInput, seed: SeedInput) {
  const { features, need: nr, seed: sr } = scorePair(need, seed);
  return explainMatch(need, seed, features, vectorize(nr, EMPTY_STATS), vectorize(sr, EMPTY_STATS), nr, sr);
}

describe('reasons in whole words', () => {
  it('pairs the need’s word with the seed’s, as each wrote it, never a stem', () => {
    const r = reasonsOf(
      { id: 'n', lang: 'en', title: 'Gas porosity in die castings' },
      { id: 's', lang: 'en', title: 'Vacuum casting reduces porosity' },
    );
    const terms = r.find((x) => x.kind === 'shared_terms');
    expect(terms?.kind === 'shared_terms' && terms.pairs).toEqual(
      expect.arrayContaining([
        { need: 'castings', seed: 'casting' },
        { need: 'porosity', seed: 'porosity' },
      ]),
    );
  });

  it('never shows a fragment of a Japanese word', () => {
    const need = { id: 'n', lang: 'ja', title: '非破壊検査による鋳造品の欠陥検出' };
    const seed = { id: 's', lang: 'ja', title: '非破壊評価で溶接部の欠陥を見つける' };
    for (const r of reasonsOf(need, seed)) {
      if (r.kind !== 'shared_terms') continue;
      for (const p of r.pairs ?? []) {
        expect(p.need).not.toBe('非破');
        expect(need.title).toContain(p.need);
        expect(seed.title).toContain(p.seed);
      }
    }
  });

  it('names a match across languages by the need’s and the seed’s words: dictionary senses and loanwords', () => {
    // no curated glossary: only the whole dictionary and the loanword sounds bridge the languages
    const g = buildGlossary([]);
    const need = {
      id: 'n',
      lang: 'ja',
      title: '鋳造品の欠陥を減らしたい',
      summary: 'コンフォーマルコーティングの剥がれ',
    };
    const seed = { id: 's', lang: 'en', title: 'Fewer defects in castings', summary: 'Peeling of conformal coatings' };
    const { features, need: nr, seed: sr } = scorePair(need, seed, { glossary: g });
    const reasons = explainMatch(
      need,
      seed,
      features,
      vectorize(nr, EMPTY_STATS, undefined, g),
      vectorize(sr, EMPTY_STATS, undefined, g),
      nr,
      sr,
      g,
    );
    const shared = reasons.find((r) => r.kind === 'shared_concepts');
    const pairs = shared?.kind === 'shared_concepts' ? shared.concepts.map((c) => [c.needTerm, c.seedTerm]) : [];
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['鋳造', 'castings'],
        ['欠陥', 'defects'],
        ['コンフォーマル', 'conformal'],
      ]),
    );
    for (const [n, s] of pairs) {
      expect(`${need.title}${need.summary}`).toContain(n);
      expect(`${seed.title} ${seed.summary}`.toLowerCase()).toContain(s);
    }
  });
});

describe('licensing terms in the reasons', () => {
  it('compares the seed’s terms with what the need can accept, one reason per term', () => {
    const r = reasonsOf(
      {
        id: 'n',
        lang: 'en',
        title: 'Porosity in die castings',
        acceptTerms: { royaltyMaxPct: 5, territories: ['pref:Aichi'], exclusive: true },
      },
      {
        id: 's',
        lang: 'en',
        title: 'Vacuum casting reduces porosity',
        licenceTerms: { types: ['non_exclusive'], royaltyMinPct: 2, royaltyMaxPct: 4, territories: ['japan'] },
      },
    );
    expect(r.filter((x) => x.kind === 'licence_term').map((x) => x.kind === 'licence_term' && x.check)).toEqual([
      { term: 'royalty', fit: 'fits', min: 2, max: 4, limit: 5 },
      { term: 'territory', fit: 'fits', offered: ['japan'], needed: ['pref:Aichi'], missing: [] },
      { term: 'exclusivity', fit: 'conflicts' },
    ]);
  });
});
