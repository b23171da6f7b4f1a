/**
 * Tokenisation for mixed English / Japanese text.
 *
 * The normalised text is split into script runs:
 * - Latin/digit runs → words (hyphenated parts split), stopwords dropped, Porter-stemmed (the
 *   `stemmer` package: the same stems as our former hand-written Porter stemmer on all 57k English
 *   words of the dictionary and both labelled sets).
 *   Pure numbers are dropped; alphanumerics (co2, 5g, 3d) are kept.
 * - Japanese runs → `Intl.Segmenter('ja', {granularity: 'word'})` words that are not pure
 *   hiragana (particles, inflections) and not single characters, plus character bigrams of
 *   kanji runs (catches compounds the segmenter splits, e.g. 製|膜 → 製膜).
 */
import { normalizeText } from './normalize';
import { stemmer } from 'stemmer';
import { EN_STOPWORDS, JA_STOPWORDS } from './stopwords';
import { englishKeys, katakanaKeys } from './loanword';

const LATIN_WORD = /[a-z0-9]+(?:['’][a-z]+)?/g;
const JA_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヶ]+/gu;
const SPLIT_RUNS = /([a-z0-9][a-z0-9'’-]*)|([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヶ]+)/gu;
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;
const KATAKANA_ONLY = /^[\p{Script=Katakana}ー]+$/u;
const KANJI = /[\p{Script=Han}々〆ヶ]/u;
const KANJI_RUN = /[\p{Script=Han}々〆ヶ]{2,}/gu;

let segmenter: Intl.Segmenter | null = null;
const getSegmenter = (): Intl.Segmenter => (segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' }));

export type Script = 'latin' | 'ja';

export interface Run {
  script: Script;
  text: string;
}

/** Splits already-normalised text into Latin and Japanese runs, in order. */
export function splitRuns(normalized: string): Run[] {
  const runs: Run[] = [];
  for (const m of normalized.matchAll(SPLIT_RUNS)) {
    if (m[1]) runs.push({ script: 'latin', text: m[1] });
    else if (m[2]) runs.push({ script: 'ja', text: m[2] });
  }
  return runs;
}

/** English words of a Latin run, lower-case, unstemmed, stopwords kept (for phrase matching). */
export function latinWords(run: string): string[] {
  const out: string[] = [];
  for (const m of run.matchAll(LATIN_WORD)) {
    const w = m[0].replace(/['’]s$/, '').replace(/['’]/g, '');
    if (w) out.push(w);
  }
  return out;
}

/** Stemmed index term for one English word, or null if it should not be indexed. */
export function englishTerm(word: string): string | null {
  if (word.length < 2 || EN_STOPWORDS.has(word)) return null;
  if (/^[0-9]+$/.test(word)) return null;
  return /^[a-z]+$/.test(word) ? stemmer(word) : word;
}

/** Word segments of a Japanese run (segmenter output, unfiltered). */
export function japaneseSegments(run: string): Array<{ text: string; index: number }> {
  const out: Array<{ text: string; index: number }> = [];
  for (const s of getSegmenter().segment(run)) out.push({ text: s.segment, index: s.index });
  return out;
}

/** Index terms for one Japanese run (`bigrams: false`: only whole words, never fragments). */
export function japaneseTerms(run: string, bigrams = true): string[] {
  const out: string[] = [];
  let singles = ''; // consecutive single-kanji segments, merged (製|膜 → 製膜)
  const flushSingles = () => {
    if (singles.length >= 2 && !JA_STOPWORDS.has(singles)) out.push(singles);
    singles = '';
  };
  for (const { text } of japaneseSegments(run)) {
    if (text.length === 1 && KANJI.test(text)) {
      singles += text;
      continue;
    }
    flushSingles();
    if (text.length < 2 || HIRAGANA_ONLY.test(text) || JA_STOPWORDS.has(text)) continue;
    // strip trailing hiragana (okurigana / particles glued on by the segmenter)
    const core = text.replace(/[\p{Script=Hiragana}]+$/u, '');
    if (core.length < 2 || JA_STOPWORDS.has(core)) continue;
    if (!KANJI.test(core) && !KATAKANA_ONLY.test(core)) continue;
    out.push(core);
    // bigrams inside longer kanji compounds (電解質 → 電解, 解質) for partial overlap
    if (!bigrams) continue;
    for (const m of core.matchAll(KANJI_RUN)) {
      const k = m[0];
      if (k.length < 3) continue;
      for (let i = 0; i + 2 <= k.length; i++) out.push(k.slice(i, i + 2));
    }
  }
  flushSingles();
  return out;
}

/** Index terms of raw text: normalise, split into script runs, tokenise each. */
export function tokenize(text: string | null | undefined): string[] {
  const norm = normalizeText(text);
  if (!norm) return [];
  const out: string[] = [];
  for (const run of splitRuns(norm)) {
    if (run.script === 'latin') {
      for (const w of latinWords(run.text)) {
        for (const part of w.split('-')) {
          const t = englishTerm(part);
          if (t) out.push(t);
        }
      }
    } else {
      out.push(...japaneseTerms(run.text));
    }
  }
  return out;
}

/**
 * Index terms with the word as written (normalised) that gave each: English words before
 * stemming, whole Japanese words; kanji bigrams, being fragments, are left out.
 */
export function termSurfaces(text: string | null | undefined): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const run of splitRuns(normalizeText(text))) {
    if (run.script === 'latin') {
      for (const w of latinWords(run.text))
        for (const part of w.split('-')) {
          const t = englishTerm(part);
          if (t) out.push([t, part]);
        }
    } else for (const w of japaneseTerms(run.text, false)) out.push([w, w]);
  }
  return out;
}

/** Dominant script of a text, by character count (for docs whose `lang` is missing). */
export function detectLang(text: string): 'en' | 'ja' {
  let ja = 0;
  let latin = 0;
  for (const m of normalizeText(text).matchAll(JA_RUN)) ja += m[0].length * 2;
  for (const m of normalizeText(text).matchAll(/[a-z]/g)) latin += m[0].length;
  return ja > latin ? 'ja' : 'en';
}

const KATAKANA_RUN = /[\p{Script=Katakana}ー]+/gu;
/** a katakana segment shorter than this is a fragment of its neighbour, not a word (コン|フォーマル) */
const MIN_KATAKANA_PIECE = 3;

/**
 * Katakana words of normalised text: each run of katakana as a whole, and its pieces. A loanword
 * compound is written without spaces (コンフォーマルコーティング), so its pieces are the
 * segmenter's words, a segment shorter than MIN_KATAKANA_PIECE joined to the next word (the last
 * to the one before): the
 * segmenter cuts a loanword it does not know into fragments (コン|フォーマル, バク|テ|リオ|ファ|ージ)
 * that are no words of their own. Offsets are in the normalised text.
 */
export function katakanaWords(norm: string): Array<{ start: number; end: number; pieces: Array<[number, number]> }> {
  const out: Array<{ start: number; end: number; pieces: Array<[number, number]> }> = [];
  for (const m of norm.matchAll(KATAKANA_RUN)) {
    const start = m.index ?? 0;
    const word = m[0];
    const pieces: Array<[number, number]> = [];
    let from = 0;
    for (const s of japaneseSegments(word)) {
      if (s.text.length < MIN_KATAKANA_PIECE) continue; // a fragment: joined to the next word
      const end = s.index + s.text.length;
      pieces.push([start + from, start + end]);
      from = end;
    }
    // a short tail belongs to the piece before it
    if (from < word.length) {
      if (pieces.length) pieces[pieces.length - 1][1] = start + word.length;
      else pieces.push([start, start + word.length]);
    }
    out.push({ start, end: start + word.length, pieces });
  }
  return out;
}

/**
 * Katakana-loanword keys of raw text (see loanword.ts): English words (stopwords removed,
 * unstemmed) and katakana words map to a shared phonetic key. A katakana compound gives the
 * keys of its words (katakanaWords), so コンフォーマルコーティング meets "conformal coating".
 */
export function loanKeys(text: string | null | undefined): string[] {
  return loanKeyWords(text).map(([k]) => k);
}

/** Loanword keys of raw text (see loanKeys), each with the word that gave it, as written. */
export function loanKeyWords(text: string | null | undefined): Array<[string, string]> {
  const norm = normalizeText(text);
  if (!norm) return [];
  const out: Array<[string, string]> = [];
  for (const run of splitRuns(norm)) {
    if (run.script !== 'latin') continue;
    const words = latinWords(run.text)
      .flatMap((w) => w.split('-'))
      .filter((w) => w.length > 2 && !EN_STOPWORDS.has(w));
    out.push(...englishKeys(words));
  }
  for (const w of katakanaWords(norm)) out.push(...katakanaKeys(w.pieces.map(([a, b]) => norm.slice(a, b))));
  return out;
}
