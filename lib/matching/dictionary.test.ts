import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DICTIONARY_FILE, englishTermTokens, getDictionary, glossaryDir, matchConcepts } from './glossary';
import { normalizeText } from './normalize';
import { represent } from './represent';

const lines = gunzipSync(readFileSync(path.join(glossaryDir(), DICTIONARY_FILE)))
  .toString('utf8')
  .split('\n')
  .filter(Boolean);

beforeAll(() => void getDictionary(), 120_000);

describe('the dictionary bridge (jmdict.tsv.gz)', () => {
  it('was generated with the engine’s current normaliser and tokeniser', () => {
    // every 97th line: its stored normalised form and gloss keys are what the engine computes today
    for (let i = 0; i < lines.length; i += 97) {
      const [form, norm, glosses, keys] = lines[i].split('\t');
      expect(normalizeText(form), form).toBe(norm);
      expect(glosses.split('|').map((g) => englishTermTokens(g).join(' '))).toEqual(keys.split('|'));
    }
  });

  it('holds the whole dictionary, not a selection', () => {
    expect(lines.length).toBeGreaterThan(100_000);
  });

  it('gives a Japanese compound and the English words for it the same senses, whole and in parts', () => {
    const ja = new Set(matchConcepts('硫化水素の脱硫', getDictionary()).map((h) => h.conceptId));
    const en = new Set(matchConcepts('desulfurization of hydrogen sulfide', getDictionary()).map((h) => h.conceptId));
    for (const key of ['hydrogen sulfid', 'hydrogen', 'desulfur']) {
      expect(ja.has(key), key).toBe(true);
      expect(en.has(key), key).toBe(true);
    }
  });

  it('puts the senses on the cross-language bridge of a listing, a word inside a compound weighing less', () => {
    const compound = represent({ id: 'a', lang: 'ja', title: '非破壊検査と硫化水素' });
    expect(compound.loan['d.non destruct']).toBeGreaterThan(0);
    expect(compound.loan['d.inspect']).toBeGreaterThan(0);
    const alone = represent({ id: 'b', lang: 'ja', title: '水素' });
    expect(compound.loan['d.hydrogen sulfid']).toBeGreaterThan(0);
    expect(compound.loan['d.hydrogen']).toBeLessThan(alone.loan['d.hydrogen']);
  });

  it('takes a katakana word of the dictionary only as a whole word of a loanword compound', () => {
    const r = represent({ id: 'c', lang: 'ja', title: 'コンフォーマルコーティング' });
    expect(r.loan['d.coat']).toBeGreaterThan(0);
    expect(r.loan['d.formal']).toBeUndefined(); // フォーマル is no word of コンフォーマル
    expect(r.bridge?.['d.coat']).toBe('コーティング');
  });
});
