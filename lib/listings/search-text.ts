/**
 * The `search_text` column and the text-search query, built by the same pipeline so that
 * `to_tsvector('simple', search_text) @@ to_tsquery('simple', …)` finds Japanese and English.
 *
 * - NFKC + katakana folding + lower-case (lib/matching/normalize.ts)
 * - English: stopwords dropped, Porter-stemmed (batteries → batteri = battery)
 * - Japanese: Intl.Segmenter words (lib/matching/tokenize.ts) plus character bigrams of every
 *   kanji/katakana run. A query's run is matched by AND-ing its bigrams, so any substring of
 *   ≥ 2 characters of a document's run is found, whatever the segmenter did with either.
 * Pure; importable from the matching engine and scripts.
 */
import { normalizeText } from '@/lib/matching/normalize';
import { englishTerm, japaneseSegments, japaneseTerms, latinWords, splitRuns } from '@/lib/matching/tokenize';

const KANJI_KATAKANA_RUN = /[\p{Script=Han}\p{Script=Katakana}ー々〆ヶ]{2,}/gu;
const HIRAGANA_WORD = /^[\p{Script=Hiragana}ー]{3,}$/u;

function bigrams(run: string): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 2 <= chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

function englishTerms(run: string): string[] {
  const out: string[] = [];
  for (const w of latinWords(run)) {
    for (const part of w.split('-')) {
      const t = englishTerm(part);
      if (t) out.push(t);
    }
  }
  return out;
}

/** Hiragana-only words of ≥ 3 characters (めっき, しょうゆ): tokenize drops them, search should not. */
function hiraganaWords(run: string): string[] {
  return japaneseSegments(run)
    .map((s) => s.text)
    .filter((w) => HIRAGANA_WORD.test(w));
}

/** Index terms of one text: English stems, Japanese words, kanji/katakana bigrams. */
export function indexTerms(text: string | null | undefined): string[] {
  const norm = normalizeText(text);
  const out: string[] = [];
  for (const run of splitRuns(norm)) {
    if (run.script === 'latin') {
      out.push(...englishTerms(run.text));
    } else {
      out.push(...japaneseTerms(run.text), ...hiraganaWords(run.text));
      for (const m of run.text.matchAll(KANJI_KATAKANA_RUN)) out.push(...bigrams(m[0]));
    }
  }
  return out;
}

export type SearchTextFields = {
  title: string;
  summary: string;
  details?: string | null;
  keywords?: readonly string[];
  advantages?: string | null;
  anonymousLabel?: string | null;
  leadResearcher?: string | null;
  ipTitles?: readonly string[];
};

/**
 * Value of the `search_text` column: space-joined index terms of the listing's text fields.
 * Terms repeat (title and keywords count more in ts_rank); capped to keep rows small.
 */
export function buildSearchText(fields: SearchTextFields): string {
  const parts = [
    fields.title,
    fields.title,
    fields.summary,
    (fields.keywords ?? []).join(' 、 '),
    (fields.keywords ?? []).join(' 、 '),
    fields.details ?? '',
    fields.advantages ?? '',
    (fields.ipTitles ?? []).join(' 、 '),
  ];
  const terms = parts.flatMap((p) => indexTerms(p));
  let out = '';
  for (const t of terms) {
    if (out.length + t.length + 1 > 60_000) break;
    out += (out ? ' ' : '') + t;
  }
  return out;
}

const quote = (term: string) => `'${term.replace(/['\\]/g, '')}'`;

/**
 * A `to_tsquery('simple', …)` string for what a user typed, or null when nothing in it is
 * searchable (e.g. a single kanji — callers then fall back to a substring match).
 * Every term must match (AND); Japanese runs match by their bigrams.
 */
export function buildTsQuery(input: string | null | undefined): string | null {
  const norm = normalizeText(input);
  const terms = new Set<string>();
  for (const run of splitRuns(norm)) {
    if (run.script === 'latin') {
      for (const t of englishTerms(run.text)) terms.add(t);
      continue;
    }
    for (const m of run.text.matchAll(KANJI_KATAKANA_RUN)) for (const b of bigrams(m[0])) terms.add(b);
    for (const w of hiraganaWords(run.text)) terms.add(w);
  }
  const list = [...terms].filter((t) => t.replace(/['\\]/g, '').length > 0);
  return list.length ? list.map(quote).join(' & ') : null;
}
