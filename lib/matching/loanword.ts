/**
 * Katakana loanword bridge: a coarse phonetic key that an English word and its katakana
 * rendering share (sensor ↔ センサ → "sns", pump ↔ ポンプ → "pnp", robot ↔ ロボット → "rbt").
 * It links English and Japanese text without any dictionary, for words the glossary lacks.
 *
 * Key = consonant skeleton after folding sounds Japanese does not distinguish
 * (l/r, v/b, z/s, th/s, c/k, sh/s), dropping vowels, post-vowel r (non-rhotic endings),
 * geminates and long vowels. Keys with fewer than MIN_CONSONANTS consonants are not used.
 */

export const MIN_CONSONANTS = 3;

// Katakana → Latin (Hepburn-like, tuned to loanwords). Two-char combinations first.
const KANA2: Record<string, string> = {
  キャ: 'kya',
  キュ: 'kyu',
  キョ: 'kyo',
  シャ: 'sha',
  シュ: 'shu',
  ショ: 'sho',
  シェ: 'she',
  チャ: 'cha',
  チュ: 'chu',
  チョ: 'cho',
  チェ: 'che',
  ニャ: 'nya',
  ニュ: 'nyu',
  ニョ: 'nyo',
  ヒャ: 'hya',
  ヒュ: 'hyu',
  ヒョ: 'hyo',
  ミャ: 'mya',
  ミュ: 'myu',
  ミョ: 'myo',
  リャ: 'rya',
  リュ: 'ryu',
  リョ: 'ryo',
  ギャ: 'gya',
  ギュ: 'gyu',
  ギョ: 'gyo',
  ジャ: 'ja',
  ジュ: 'ju',
  ジョ: 'jo',
  ジェ: 'je',
  ビャ: 'bya',
  ビュ: 'byu',
  ビョ: 'byo',
  ピャ: 'pya',
  ピュ: 'pyu',
  ピョ: 'pyo',
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
};
const KANA1: Record<string, string> = {
  ア: 'a',
  イ: 'i',
  ウ: 'u',
  エ: 'e',
  オ: 'o',
  カ: 'ka',
  キ: 'ki',
  ク: 'ku',
  ケ: 'ke',
  コ: 'ko',
  サ: 'sa',
  シ: 'shi',
  ス: 'su',
  セ: 'se',
  ソ: 'so',
  タ: 'ta',
  チ: 'chi',
  ツ: 'tsu',
  テ: 'te',
  ト: 'to',
  ナ: 'na',
  ニ: 'ni',
  ヌ: 'nu',
  ネ: 'ne',
  ノ: 'no',
  ハ: 'ha',
  ヒ: 'hi',
  フ: 'fu',
  ヘ: 'he',
  ホ: 'ho',
  マ: 'ma',
  ミ: 'mi',
  ム: 'mu',
  メ: 'me',
  モ: 'mo',
  ヤ: 'ya',
  ユ: 'yu',
  ヨ: 'yo',
  ラ: 'ra',
  リ: 'ri',
  ル: 'ru',
  レ: 're',
  ロ: 'ro',
  ワ: 'wa',
  ヲ: 'o',
  ン: 'N',
  ガ: 'ga',
  ギ: 'gi',
  グ: 'gu',
  ゲ: 'ge',
  ゴ: 'go',
  ザ: 'za',
  ジ: 'ji',
  ズ: 'zu',
  ゼ: 'ze',
  ゾ: 'zo',
  ダ: 'da',
  ヂ: 'ji',
  ヅ: 'zu',
  デ: 'de',
  ド: 'do',
  バ: 'ba',
  ビ: 'bi',
  ブ: 'bu',
  ベ: 'be',
  ボ: 'bo',
  パ: 'pa',
  ピ: 'pi',
  プ: 'pu',
  ペ: 'pe',
  ポ: 'po',
  ヴ: 'bu',
  ァ: 'a',
  ィ: 'i',
  ゥ: 'u',
  ェ: 'e',
  ォ: 'o',
  ャ: 'ya',
  ュ: 'yu',
  ョ: 'yo',
  ッ: '',
  ー: '',
};

export function romanizeKatakana(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const two = KANA2[word.slice(i, i + 2)];
    if (two !== undefined) {
      out += two;
      i++;
      continue;
    }
    out += KANA1[word[i]] ?? '';
  }
  return out;
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
    .replace(/N(?=[pbm])/g, 'n')
    .replace(/N/g, 'n')
    .replace(/ky|gy|ny|hy|my|ry|by|py/g, (m) => m[0])
    .replace(/k/g, 'k');
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

/** Loanword keys of katakana words (≥ 3 characters). */
export function katakanaKeys(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (w.length < 3 || !/^[\p{Script=Katakana}ー]+$/u.test(w)) continue;
    const k = katakanaKey(w);
    if (usable(k)) out.push(k);
  }
  return out;
}

/** Loanword keys of English words, and of adjacent word pairs (katakana compounds). */
export function englishKeys(words: readonly string[]): string[] {
  const out: string[] = [];
  const keys = words.map(englishKey);
  keys.forEach((k, i) => {
    if (usable(k)) out.push(k);
    const next = keys[i + 1];
    if (k && next) out.push(k + next);
  });
  return out;
}
