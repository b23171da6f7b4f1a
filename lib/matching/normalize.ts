/**
 * Text normalisation shared by tokenisation and glossary matching.
 *
 * - caps huge inputs (MAX_TEXT_CHARS) before any work is done
 * - NFKC (full-width ASCII → ASCII, half-width katakana → full-width, ㎜ → mm, ① → 1)
 * - lower-case
 * - katakana variant folding: ヴァ→バ, ヴ→ブ, small-vowel variants, dash-like chars → ー,
 *   and the trailing long-vowel mark of long katakana words (コンピューター → コンピュータ)
 * - unit spellings folded (µm → um, °C → degc, ㎡/m² → m2 …)
 * - emoji and characters of scripts we do not index are replaced by spaces
 */

export const MAX_TEXT_CHARS = 20_000;

const KATAKANA_VARIANTS: Array<[RegExp, string]> = [
  [/ヴァ/g, 'バ'],
  [/ヴィ/g, 'ビ'],
  [/ヴェ/g, 'ベ'],
  [/ヴォ/g, 'ボ'],
  [/ヴュ/g, 'ビュ'],
  [/ヴ/g, 'ブ'],
  [/ヰ/g, 'イ'],
  [/ヱ/g, 'エ'],
  [/ヲ/g, 'オ'],
];

/** Unit spellings → one ASCII form. Applied after NFKC + lower-casing. */
const UNIT_RULES: Array<[RegExp, string]> = [
  [/[µμ]/g, 'u'], // micro sign and Greek mu
  [/°\s*c\b/g, 'degc'],
  [/°\s*f\b/g, 'degf'],
  [/℃/g, 'degc'],
  [/(\d)\s*(?:度|℃)/g, '$1degc'],
  [/²/g, '2'],
  [/³/g, '3'],
  [
    /(\d)\s+(nm|um|mm|cm|km|m|mg|g|kg|t|ml|l|kw|mw|gw|kwh|mwh|w|wh|v|kv|mv|a|ma|hz|khz|mhz|ghz|pa|kpa|mpa|gpa|s|ms|min|h|ppm|ppb)\b/g,
    '$1$2',
  ],
];

// Dash-like characters that often stand in for the long-vowel mark inside katakana words.
const DASH_IN_KATAKANA = /([\u30A1-\u30FA])[-‐‑‒–—―−ｰ～〜](?=[\u30A1-\u30FA]|$|[^\u30A1-\u30FA])/g;

/** Katakana word of ≥ 3 chars before the mark ending in ー: drop the final mark (JIS Z 8301 style). */
const TRAILING_CHOON = /([\u30A1-\u30FA\u30FC]{2,}[\u30A1-\u30FA])ー+(?![\u30A1-\u30FA\u30FC])/g;

/**
 * Anything that is not Latin letters/digits, common punctuation, kana, CJK ideographs or
 * the iteration marks becomes a space. Emoji, Cyrillic, Arabic, control chars … are dropped.
 */
const UNINDEXED =
  /[^\p{Script=Latin}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}0-9\s.,;:!?'"()[\]{}/%+\-_&#@=<>ー々〆ヶ、。・「」『』（）]/gu;

export function capText(text: string, max = MAX_TEXT_CHARS): string {
  if (text.length <= max) return text;
  // avoid cutting a surrogate pair in half
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

export function foldKatakana(text: string): string {
  let out = text;
  for (const [re, rep] of KATAKANA_VARIANTS) out = out.replace(re, rep);
  out = out.replace(DASH_IN_KATAKANA, '$1ー');
  out = out.replace(TRAILING_CHOON, '$1');
  return out;
}

export function normalizeUnits(text: string): string {
  let out = text;
  for (const [re, rep] of UNIT_RULES) out = out.replace(re, rep);
  return out;
}

/** Full normalisation. Safe on empty / non-string-ish input (returns ''). */
export function normalizeText(input: string | null | undefined): string {
  if (!input) return '';
  let t = capText(String(input));
  t = t.normalize('NFKC').toLowerCase();
  t = normalizeUnits(t);
  t = foldKatakana(t);
  t = t.replace(UNINDEXED, ' ');
  return t.replace(/\s+/g, ' ').trim();
}
