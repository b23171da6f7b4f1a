import { describe, expect, it } from 'vitest';
import { licenceFit, territoriesCovering } from './licence-fit';

describe('a seed’s licence against what a need can accept', () => {
  it('royalty: within, straddling or above the need’s ceiling; one bound is read as the value', () => {
    const at = (min: number | null, max: number | null) =>
      licenceFit({ royaltyMaxPct: 5 }, { royaltyMinPct: min, royaltyMaxPct: max });
    expect(at(2, 4)).toEqual([{ term: 'royalty', fit: 'fits', min: 2, max: 4, limit: 5 }]);
    expect(at(2, 5)[0].fit).toBe('fits');
    expect(at(3, 8)[0].fit).toBe('partly');
    expect(at(6, 8)[0].fit).toBe('conflicts');
    expect(at(null, 4)[0].fit).toBe('fits');
    expect(at(null, 6)[0].fit).toBe('conflicts');
    expect(at(6, null)[0].fit).toBe('conflicts');
  });

  it('upfront fee in yen the same way', () => {
    expect(licenceFit({ upfrontMaxJpy: 2_000_000 }, { upfrontMinJpy: 1_000_000, upfrontMaxJpy: 3_000_000 })).toEqual([
      { term: 'upfront', fit: 'partly', min: 1_000_000, max: 3_000_000, limit: 2_000_000 },
    ]);
  });

  it('territory: all of Japan covers a prefecture or a region, worldwide covers anything, a country only itself', () => {
    const cover = (needed: string[], offered: string[]) =>
      licenceFit({ territories: needed }, { territories: offered });
    expect(cover(['pref:Aichi', 'region:kinki'], ['japan'])[0]).toMatchObject({ fit: 'fits', missing: [] });
    expect(cover(['country:US'], ['worldwide'])[0]).toMatchObject({ fit: 'fits' });
    expect(cover(['pref:Aichi', 'country:VN'], ['japan'])[0]).toMatchObject({ fit: 'partly', missing: ['country:VN'] });
    expect(cover(['country:VN'], ['japan'])[0]).toMatchObject({ fit: 'conflicts', needed: ['country:VN'] });
    expect(cover(['japan'], ['pref:Aichi'])[0]).toMatchObject({ fit: 'conflicts' }); // one prefecture is not all Japan
  });

  it('exclusivity and sublicensing only when the need asks for them and the seed says', () => {
    expect(licenceFit({ exclusive: true }, { types: ['exclusive', 'non_exclusive'] })).toEqual([
      { term: 'exclusivity', fit: 'fits' },
    ]);
    expect(licenceFit({ exclusive: true }, { types: ['non_exclusive'] })).toEqual([
      { term: 'exclusivity', fit: 'conflicts' },
    ]);
    expect(licenceFit({ sublicensing: true }, { sublicensing: false })).toEqual([
      { term: 'sublicensing', fit: 'conflicts' },
    ]);
    expect(licenceFit({ sublicensing: true }, { sublicensing: null })).toEqual([]);
    expect(
      licenceFit({ exclusive: false, sublicensing: false }, { types: ['non_exclusive'], sublicensing: false }),
    ).toEqual([]);
  });

  it('says nothing where either side states nothing', () => {
    expect(licenceFit({}, { royaltyMinPct: 2, territories: ['japan'] })).toEqual([]);
    expect(licenceFit({ royaltyMaxPct: 5, territories: ['japan'] }, {})).toEqual([]);
  });

  it('covering territories, as the seed search uses them', () => {
    expect(territoriesCovering('pref:Aichi')).toEqual(['pref:Aichi', 'worldwide', 'japan']);
    expect(territoriesCovering('country:VN')).toEqual(['country:VN', 'worldwide']);
  });
});
