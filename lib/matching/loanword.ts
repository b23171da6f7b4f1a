/**
 * Katakana loanword bridge: a coarse phonetic key that an English word and its katakana
 * rendering share (sensor ↔ センサ → "sns", pump ↔ ポンプ → "pnp", robot ↔ ロボット → "rbt").
 * It links English and Japanese text without any dictionary, for words the glossary lacks.
 *
 * Key = consonant skeleton after folding sounds Japanese does not distinguish
 * (l/r, v/b, z/s, th/s, c/k, sh/s), dropping vowels, post-vowel r (non-rhotic endings),
 * geminates and long vowels. Keys with fewer than MIN_CONSONANTS consonants are not used.
 */

import { toHiragana, toRomaji } from 'wanakana';

export const MIN_CONSONANTS = 3;

// Katakana → Latin: wanakana's Hepburn romanisation, with the combinations loanwords use that
// native words do not (フォ is "fo", not wanakana's "fuo"; ティ "ti", デュ "dyu"), keyed in hiragana
// as wanakana compares them.
const LOANWORD_KANA: Record<string, string> = {
  ティ: 'ti',
  ディ: 'di',
  トゥ: 'tu',
  ドゥ: 'du',
  ファ: 'fa',
  フィ: 'fi',
  フェ: 'fe',
  フォ: 'fo',
  フュ: 'fyu',
  ウィ: 'wi',
  ウェ: 'we',
  ウォ: 'wo',
  ツァ: 'tsa',
  クァ: 'kwa',
  クォ: 'kwo',
  グァ: 'gwa',
  デュ: 'dyu',
  テュ: 'tyu',
  ヴァ: 'ba',
  ヴィ: 'bi',
  ヴェ: 'be',
  ヴォ: 'bo',
  ヴ: 'bu',
  シェ: 'she',
  ジェ: 'je',
  チェ: 'che',
};
const customRomajiMapping = Object.fromEntries(Object.entries(LOANWORD_KANA).map(([k, v]) => [toHiragana(k), v]));

export function romanizeKatakana(word: string): string {
  return toRomaji(word, { customRomajiMapping });
}

/** Shared final folding of a Latin spelling into a consonant skeleton. */
function skeleton(s: string): string {
  // post-vowel r before a consonant or at the end (motor → moto, port → pot); real r only
  let t = s.replace(/([aeiou])r+(?=[^aeiou]|$)/g, '$1');
  t = t
    .replace(/sh/g, 's')
    .replace(/ch/g, 'c')
    .replace(/ts/g, 's')
    .replace(/[lr]/g, 'r')
    .replace(/v/g, 'b')
    .replace(/z/g, 's')
    .replace(/j/g, 'c') // ジ ~ ch/j
    .replace(/C/g, 'c')
    .replace(/[ʼ']/g, '');
  t = t.replace(/[aeiouyhw]/g, '');
  t = t.replace(/(.)\1+/g, '$1');
  return t;
}

export function katakanaKey(word: string): string {
  const r = romanizeKatakana(word)
    .toLowerCase()
    .replace(/tch/g, 'ch') // ッチ, ッツ: wanakana doubles the consonant, the word has one
    .replace(/tts/g, 'ts')
    .replace(/[^a-z]/g, '') // ー alone, n' before a vowel
    .replace(/ky|gy|ny|hy|my|ry|by|py/g, (m) => m[0]);
  return skeleton(r);
}

export function englishKey(word: string): string {
  if (!/^[a-z]+$/.test(word)) return '';
  const w = word
    .replace(/ph/g, 'f')
    .replace(/gh(?=t)/g, '')
    .replace(/gh/g, '')
    .replace(/th/g, 's')
    .replace(/ck/g, 'k')
    .replace(/qu/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/(?:t|s)ion/g, 'son')
    .replace(/ture/g, 'Cer')
    .replace(/tu(?=[aeiou])/g, 'Cu')
    .replace(/dg/g, 'j')
    .replace(/g(?=[eiy])/g, 'j')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/m(?=[pb])/g, 'n')
    .replace(/(?:^|(?<=[^aeiou]))y/g, 'i')
    .replace(/e$/, '');
  return skeleton(w);
}

const usable = (k: string) => k.length >= MIN_CONSONANTS;

/** Loanword keys of katakana words (≥ 3 characters), each with its word. */
export function katakanaKeys(words: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const w of words) {
    if (w.length < 3 || !/^[\p{Script=Katakana}ー]+$/u.test(w)) continue;
    const k = katakanaKey(w);
    if (usable(k)) out.push([k, w]);
  }
  return out;
}

/** Loanword keys of English words, and of the pairs of a hyphenated word (katakana compounds), each with its words. */
export function englishKeys(words: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const keys = words.map(englishKey);
  keys.forEach((k, i) => {
    if (usable(k)) out.push([k, words[i]]);
    const next = keys[i + 1];
    if (k && next) out.push([k + next, `${words[i]}-${words[i + 1]}`]);
  });
  return out;
}
