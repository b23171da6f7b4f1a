import { describe, expect, it } from 'vitest';
import { buildExpandedTsQuery, buildSearchText, buildTsQuery, indexTerms } from './search-text';

describe('search text', () => {
  it('stems English and normalises full-width text', () => {
    expect(indexTerms('Batteries Charging')).toEqual(['batteri', 'charg']);
    expect(indexTerms('ＢＡＴＴＥＲＹ')).toEqual(['batteri']);
  });

  it('segments Japanese and adds bigrams of kanji/katakana runs', () => {
    const terms = indexTerms('全固体電池の電解質');
    expect(terms).toEqual(expect.arrayContaining(['固体', '電池', '電解', '解質', '全固', '体電']));
    expect(terms).not.toContain('の');
  });

  it('queries AND the bigrams so any 2+ character substring of a compound is found', () => {
    const doc = new Set(buildSearchText({ title: '全固体電池の固体電解質', summary: 'リチウムイオン' }).split(' '));
    for (const q of ['固体電解質', '全固体', 'リチウム', 'イオン']) {
      const terms = buildTsQuery(q)!
        .split(' & ')
        .map((t) => t.slice(1, -1));
      expect(
        terms.every((t) => doc.has(t)),
        q,
      ).toBe(true);
    }
  });

  it('is safe for any input and returns null when nothing is searchable', () => {
    expect(buildTsQuery("o'brien & | ! <script>")).toBe("'obrien' & 'script'");
    expect(buildTsQuery('熱')).toBeNull();
    expect(buildTsQuery('   ')).toBeNull();
    expect(buildTsQuery('めっき')).toBe("'めっき'");
  });

  it('expands glossary terms of a query into the other language and synonyms, keeping other words required', () => {
    const ja = buildExpandedTsQuery('固体電解質')!;
    expect(ja).toContain("('solid' & 'electrolyt')");
    expect(ja).toContain("('固体' & '体電' & '電解' & '解質')");
    const en = buildExpandedTsQuery('battery recycling zzqx')!;
    expect(en).toContain("'電池'");
    expect(en.startsWith("'zzqx' & ")).toBe(true); // an unknown word stays required
    // a phrase inside a longer matched one adds no alternatives of its own (固体 alone → 'solid')
    expect(buildExpandedTsQuery('全固体電池')).not.toMatch(/\| 'solid' \|/);
    expect(buildExpandedTsQuery('熱')).toBeNull();
    expect(buildExpandedTsQuery('zzqx')).toBe("'zzqx'");
  });

  it('gives a glossary term with nothing indexable as typed (X線, 鋼) its translations only', () => {
    expect(buildTsQuery('X線')).toBeNull();
    const xray = buildExpandedTsQuery('X線')!;
    expect(xray.split(' | ')).toContain("'rai'"); // x-ray, stemmed
    expect(buildExpandedTsQuery('鋼')!.split(' | ')).toContain("'steel'");
  });
});
