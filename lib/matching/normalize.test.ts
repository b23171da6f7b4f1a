import { describe, it, expect } from 'vitest';
import { normalizeText, MAX_TEXT_CHARS, foldKatakana } from './normalize';

describe('normalizeText', () => {
  it('folds full-width ASCII and half-width katakana', () => {
    expect(normalizeText('ＡＢＣ１２３')).toBe('abc123');
    expect(normalizeText('ｾﾝｻｰ')).toBe('センサ');
  });
  it('folds katakana variants and trailing long-vowel marks', () => {
    expect(foldKatakana('ヴァイオリン')).toBe('バイオリン');
    expect(normalizeText('コンピューター')).toBe('コンピュータ');
    expect(normalizeText('モーター')).toBe(normalizeText('モータ'));
    expect(normalizeText('センサー')).toBe(normalizeText('センサ'));
  });
  it('normalises units', () => {
    expect(normalizeText('5 µm at 25 °C')).toBe('5um at 25 degc');
    expect(normalizeText('10 ｍｍ')).toBe('10mm');
  });
  it('strips emoji and other scripts', () => {
    expect(normalizeText('sensor 😀 Привет 🚀')).toBe('sensor');
  });
  it('handles empty and nullish input', () => {
    expect(normalizeText('')).toBe('');
    expect(normalizeText(null)).toBe('');
    expect(normalizeText(undefined)).toBe('');
  });
  it('caps huge texts', () => {
    const huge = 'word '.repeat(100_000);
    expect(normalizeText(huge).length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
  });
});
