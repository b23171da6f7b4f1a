import { describe, expect, it } from 'vitest';
import { changedParts, partsSince } from './changes';

describe('what an edit changed, as a follower reads it', () => {
  it('names each part once, in listing order, whatever columns it spans', () => {
    expect(
      changedParts(
        { title: 'A', summary: 'old', royaltyMinPct: 2, royaltyMaxPct: 4, licenceTerritories: ['japan'] },
        { title: 'A', summary: 'new', royaltyMinPct: 2, royaltyMaxPct: 5, licenceTerritories: ['japan', 'country:VN'] },
      ),
    ).toEqual(['summary', 'licensingTerms']);
  });

  it('is not fooled by "" for null, a real read back as text, or columns that are not news', () => {
    expect(
      changedParts(
        { details: null, royaltyMinPct: '2.5', searchText: 'x', version: 3 },
        { details: '', royaltyMinPct: 2.5, searchText: 'y', version: 4 },
      ),
    ).toEqual([]);
    expect(changedParts({ trlMin: null }, { trlMin: 4 })).toEqual(['trl']);
    expect(changedParts({ ipRecords: [{ title: 'a' }] }, { ipRecords: [] })).toEqual(['ip']);
  });

  it('gathers the parts of several edits since a visit, ignoring entries that name none', () => {
    expect(
      partsSince([
        { details: { changed: ['licensingTerms'] } },
        { details: { status: 'open' } },
        { details: { changed: ['summary', 'licensingTerms'] } },
        { details: null },
      ]),
    ).toEqual(['summary', 'licensingTerms']);
  });
});
