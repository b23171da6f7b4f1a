import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildGlossary, getGlossary, matchConcepts, validateEntries, DOMAINS } from './glossary';

const dir = path.join(process.cwd(), 'lib/matching/glossary-data');

describe('glossary data', () => {
  it('every file is a well-formed array of concepts with unique ids', () => {
    const ids = new Set<string>();
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const raw = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as unknown[];
      expect(Array.isArray(raw)).toBe(true);
      const { entries, problems } = validateEntries(raw, f);
      expect(problems).toEqual([]);
      for (const e of entries) {
        expect(e.id).toBeTruthy();
        expect(DOMAINS).toContain(e.domain);
        expect(e.en.length).toBeGreaterThan(0);
        expect(e.ja.length).toBeGreaterThan(0);
        expect(ids.has(e.id), `duplicate id ${e.id}`).toBe(false);
        ids.add(e.id);
      }
    }
  });
  it('loads with no problems and has hundreds of concepts', () => {
    const g = getGlossary();
    expect(g.problems).toEqual([]);
    expect(g.entries.size).toBeGreaterThan(300);
  });
});

describe('matchConcepts', () => {
  const g = buildGlossary([
    { id: 't.ssb', domain: 'environment_energy', en: ['solid-state battery'], ja: ['全固体電池'] },
    { id: 't.battery', domain: 'environment_energy', en: ['battery'], ja: ['電池'] },
    { id: 't.air', domain: 'manufacturing', en: ['compressed air'], ja: ['エア'] },
    { id: 't.membrane', domain: 'manufacturing', en: ['membrane'], ja: ['膜'] },
    { id: 't.kmeans', domain: 'it', en: ['k-means'], ja: ['k平均法'] },
    { id: 't.xray', domain: 'manufacturing', en: ['x-ray inspection'], ja: ['x線検査'] },
  ]);
  const ids = (text: string) =>
    matchConcepts(text, g)
      .map((h) => h.conceptId)
      .sort();
  it('matches English phrases on stemmed tokens', () => {
    expect(ids('new Solid-State Batteries for cars')).toEqual(['t.battery', 't.ssb']);
  });
  it('matches a term only with all its words, letters and numbers included', () => {
    expect(ids('the mean value of a ray inspection')).toEqual([]);
    expect(ids('K-means clustering before X-ray inspection')).toEqual(['t.kmeans', 't.xray']);
  });
  it('matches Japanese by substring, bilingual to the same concept', () => {
    expect(ids('全固体電池の開発')).toEqual(['t.battery', 't.ssb']);
  });
  it('keeps short katakana terms from matching inside longer katakana words', () => {
    expect(ids('エアコンの更新')).toEqual([]);
    expect(ids('工場のエア配管')).toEqual(['t.air']);
  });
  it('matches single-character terms only as whole words', () => {
    expect(ids('膜を形成する')).toEqual(['t.membrane']);
  });
  it('reports malformed entries', () => {
    const { problems } = validateEntries([{ id: 'x', domain: 'it', en: ['a'], ja: [] }, { domain: 'zz' }], 'inline');
    expect(problems.length).toBe(2);
  });
});
