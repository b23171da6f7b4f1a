import { describe, expect, it } from 'vitest';
import { represent } from './represent';
import { decodeWords, encodeWords } from './words';

describe('stored words', () => {
  it('keep each key’s word as written: terms, the first word of a concept, bridge keys', () => {
    const words = {
      surface: { poros: 'porosity', 鋳造: '鋳造' },
      conceptTerms: { 'casting-defect': ['鋳巣', 'blowhole'], empty: [] },
      bridge: { 'laser sensor': 'レーザーセンサ' },
    };
    expect(decodeWords(encodeWords(words))).toEqual({
      surface: { poros: 'porosity', 鋳造: '鋳造' },
      conceptTerms: { 'casting-defect': ['鋳巣'] },
      bridge: { 'laser sensor': 'レーザーセンサ' },
    });
  });

  it('leave out an entry holding a separator or no word, and read an empty document as no words', () => {
    const words = { surface: { 'a\u001fb': 'x', ok: 'fine', blank: '' }, conceptTerms: {}, bridge: { k: 'c\u001ed' } };
    expect(decodeWords(encodeWords(words))).toEqual({ surface: { ok: 'fine' }, conceptTerms: {}, bridge: {} });
    expect(decodeWords('')).toEqual({ surface: {}, conceptTerms: {}, bridge: {} });
  });

  it('carry what a represented listing’s reasons read', () => {
    const rep = represent({
      id: 'n1',
      title: 'ダイカスト部品の鋳巣を非破壊で検出したい',
      summary: 'X線CTとレーザーセンサで porosity を検査する。',
    });
    const back = decodeWords(encodeWords(rep));
    expect(back.surface).toEqual(rep.surface);
    expect(back.bridge).toEqual(rep.bridge);
    expect(Object.keys(back.conceptTerms)).toEqual(Object.keys(rep.conceptTerms));
    for (const [id, terms] of Object.entries(rep.conceptTerms)) expect(back.conceptTerms[id]).toEqual([terms[0]]);
    expect(Object.keys(back.surface).length).toBeGreaterThan(3);
  });
});
