import { describe, it, expect } from 'vitest';
import { tokenize, detectLang, loanKeys } from './tokenize';
import { englishKey, katakanaKey } from './loanword';

describe('English stemming', () => {
  it('gives a word and its inflections one term', () => {
    expect(tokenize('batteries')).toEqual(tokenize('battery'));
    expect(tokenize('compressors')).toEqual(tokenize('compressor'));
    expect(tokenize('relational')).toEqual(['relat']);
  });
});

describe('tokenize', () => {
  it('drops stopwords and stems English', () => {
    expect(tokenize('The compressors are running')).toEqual(['compressor', 'run']);
  });
  it('segments Japanese into words and drops particles', () => {
    const t = tokenize('全固体電池の固体電解質を製膜する');
    expect(t).toContain('固体');
    expect(t).toContain('電池');
    expect(t).toContain('電解質');
    expect(t).toContain('製膜'); // merged single-kanji segments
    expect(t).not.toContain('の');
    expect(t).not.toContain('を');
  });
  it('adds bigrams inside long kanji compounds', () => {
    expect(tokenize('電解質')).toEqual(expect.arrayContaining(['電解', '解質']));
  });
  it('handles mixed-script text', () => {
    const t = tokenize('CO2固定とセンサー network');
    expect(t).toEqual(expect.arrayContaining(['co2', '固定', 'センサ', 'network']));
  });
  it('treats full-width like half-width', () => {
    expect(tokenize('ＩｏＴ　ｓｅｎｓｏｒｓ')).toEqual(tokenize('IoT sensors'));
  });
  it('survives empty, emoji-only and huge input', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('😀😀')).toEqual([]);
    const t0 = Date.now();
    expect(tokenize('センサ '.repeat(200_000)).length).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
  it('detects the dominant script', () => {
    expect(detectLang('圧縮空気の漏れを検知する')).toBe('ja');
    expect(detectLang('leak detection in compressed air')).toBe('en');
  });
});

describe('loanword keys', () => {
  it('links English words with their katakana renderings', () => {
    for (const [en, ja] of [
      ['sensor', 'センサー'],
      ['robot', 'ロボット'],
      ['simulation', 'シミュレーション'],
      ['membrane', 'メンブレン'],
      ['filter', 'フィルタ'],
    ]) {
      expect(englishKey(en)).toBe(katakanaKey(ja.replace(/ー$/, '')));
    }
    expect(loanKeys('ロボット')).toEqual(loanKeys('robot'));
  });

  it('keeps loanword spellings of wanakana’s romanisation (フォ is fo, ティ ti)', () => {
    expect(katakanaKey('フォーマル')).toBe(englishKey('formal'));
    expect(katakanaKey('ディスプレイ')).toBe(englishKey('display'));
    expect(katakanaKey('キャッチ')).toBe(katakanaKey('キャチ')); // the small ッ doubles no sound
    expect(katakanaKey('ナッツ')).toBe(katakanaKey('ナツ'));
  });

  it('keys a katakana compound by its words, never by fragments', () => {
    // the segmenter cuts コン|フォーマル|コーティング: コン is a fragment of the next word
    const ja = loanKeys('コンフォーマルコーティング');
    expect(ja).toEqual(loanKeys('conformal coating'));
    expect(ja).not.toContain(englishKey('formal'));
    // a loanword it does not know is cut into fragments (バク|テ|リオ|ファ|ージ): only the whole counts
    expect(loanKeys('バクテリオファージ')).toEqual([englishKey('bacteriophage')]);
  });
});
