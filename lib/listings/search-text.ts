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
import { getGlossary, matchConcepts, type Glossary } from '@/lib/matching/glossary';
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

/** The distinct searchable terms of what a user typed (English stems, Japanese bigrams and hiragana words). */
function queryTerms(input: string | null | undefined): string[] {
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
  return [...terms].filter((t) => t.replace(/['\\]/g, '').length > 0);
}

const andOf = (terms: readonly string[]) => terms.map(quote).join(' & ');

/**
 * A `to_tsquery('simple', …)` string for what a user typed, or null when nothing in it is
 * searchable (e.g. a single kanji — callers then fall back to a substring match).
 * Every term must match (AND); Japanese runs match by their bigrams.
 */
export function buildTsQuery(input: string | null | undefined): string | null {
  const list = queryTerms(input);
  return list.length ? andOf(list) : null;
}

const MAX_EXPANDED_PHRASES = 6;

/**
 * A query with nothing indexable as typed (X線, 鋼: one kanji, or a letter and a kanji) may still
 * be a glossary term: its concepts' terms that are indexable, as alternatives ('rai' | 'radiographi' | …),
 * else null. Callers match the text as typed beside it (a substring).
 */
function translationsOnly(input: string | null | undefined, glossary: Glossary): string | null {
  const alternatives = new Set<string>();
  for (const hit of matchConcepts(input ?? '', glossary)) {
    const entry = glossary.entries.get(hit.conceptId);
    for (const term of [...(entry?.en ?? []), ...(entry?.ja ?? [])]) {
      if (alternatives.size >= MAX_ALTERNATIVES) break;
      const terms = queryTerms(term);
      if (terms.length) alternatives.add(andOf(terms));
    }
  }
  if (!alternatives.size) return null;
  return [...alternatives].map((a) => (a.includes('&') && alternatives.size > 1 ? `(${a})` : a)).join(' | ');
}
const MAX_ALTERNATIVES = 10;

/**
 * Like buildTsQuery, but each glossary term found in the query (lib/matching/glossary) may
 * also be matched by its concept's terms in the other language and its synonyms, so
 * 固体電解質 finds "solid electrolyte" and "battery" finds 電池:
 *   'batteri'  →  ( 'batteri' | 'recharg' & 'batteri' | '電池' | '蓄電' & '電池' | … )
 * Words of the query outside any glossary term stay required as typed. Bounded (at most
 * MAX_EXPANDED_PHRASES phrases × MAX_ALTERNATIVES alternatives) so the query stays cheap.
 */
export function buildExpandedTsQuery(
  input: string | null | undefined,
  glossary: Glossary = getGlossary(),
): string | null {
  const base = queryTerms(input);
  if (!base.length) return translationsOnly(input, glossary);
  const inBase = new Set(base);
  // matched phrases by the query terms they cover; phrases covering the same terms pool their concepts
  const phrases = new Map<string, { covered: string[]; ids: Set<string> }>();
  for (const hit of matchConcepts(input ?? '', glossary)) {
    const covered = queryTerms(hit.term);
    if (!covered.length || !covered.every((t) => inBase.has(t))) continue;
    const key = [...covered].sort().join(' ');
    if (!phrases.has(key)) phrases.set(key, { covered, ids: new Set() });
    phrases.get(key)!.ids.add(hit.conceptId);
  }
  // a phrase inside a longer matched phrase (固体 in 固体電解質) adds nothing but breadth: drop it
  const all = [...phrases.values()];
  const kept = all.filter(
    (p) =>
      !all.some((q) => q !== p && q.covered.length > p.covered.length && p.covered.every((t) => q.covered.includes(t))),
  );
  const remaining = new Set(base);
  const groups: string[] = [];
  for (const { covered, ids } of kept.slice(0, MAX_EXPANDED_PHRASES)) {
    const alternatives = new Set([andOf(covered)]);
    for (const id of ids) {
      const entry = glossary.entries.get(id);
      for (const term of [...(entry?.en ?? []), ...(entry?.ja ?? [])]) {
        if (alternatives.size >= MAX_ALTERNATIVES) break;
        const terms = queryTerms(term);
        if (terms.length) alternatives.add(andOf(terms));
      }
    }
    for (const t of covered) remaining.delete(t);
    groups.push(
      alternatives.size === 1
        ? andOf(covered)
        : `(${[...alternatives].map((a) => (a.includes('&') ? `(${a})` : a)).join(' | ')})`,
    );
  }
  return [...[...remaining].map(quote), ...groups].join(' & ');
}
