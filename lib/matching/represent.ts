/**
 * Per-document representation: weighted term and concept frequencies by field.
 * Independent of any corpus (IDF is applied by the index), so it can be computed once per
 * listing and stored (e.g. Postgres jsonb / tsvector), then re-used to build indexes.
 */
import { DEFAULT_WEIGHTS, type MatchWeights } from './weights';
import { DICTIONARY_KEY, getDictionary, getGlossary, matchConcepts, type ConceptHit, type Glossary } from './glossary';
import { normalizeText } from './normalize';
import { tokenize, detectLang, katakanaWords, loanKeyWords, termSurfaces } from './tokenize';
import type { Lang, MatchText } from './types';

export interface DocRepresentation {
  id: string;
  lang: Lang;
  /** term → field-weighted frequency */
  terms: Record<string, number>;
  /** concept id → field-weighted frequency */
  concepts: Record<string, number>;
  /**
   * Cross-language bridge → field-weighted frequency: katakana-loanword keys, and dictionary
   * senses (`d.` + the English gloss's stems) of the Japanese words and English words and phrases
   */
  loan: Record<string, number>;
  /** concept id → surface terms seen in this document (for explanations) */
  conceptTerms: Record<string, string[]>;
  /** index term → the word as written (normalised) that first gave it; fragments have none */
  surface?: Record<string, string>;
  /** bridge key → the word or words as written (normalised) that gave it (鋳造, casting, laser sensor) */
  bridge?: Record<string, string>;
}

const add = (m: Record<string, number>, k: string, w: number) => {
  m[k] = (m[k] ?? 0) + w;
};

export function docLang(doc: MatchText): Lang {
  if (doc.lang === 'en' || doc.lang === 'ja') return doc.lang;
  return detectLang(`${doc.title} ${doc.summary ?? ''}`);
}

/** Fields with their weight; each field is a list of separately matched phrases. */
function fields(doc: MatchText, w: MatchWeights): Array<[string[], number]> {
  return [
    [[doc.title ?? ''], w.field.title],
    [[...(doc.keywords ?? [])], w.field.keywords],
    [[doc.summary ?? ''], w.field.summary],
  ];
}

const KATAKANA_ONLY = /^[\p{Script=Katakana}ー]+$/u;

/** a dictionary word inside a longer one counts this much (measured on both labelled sets: 0.5 ≈ 1) */
const PART = 0.5;

/**
 * Dictionary senses of a text with their weight: a Japanese word's senses share its weight
 * (a word with one sense says more than one with eight); a word inside a longer dictionary
 * word (検査 in 非破壊検査) counts as a part, less than the whole.
 */
function dictionarySenses(text: string, dictionary: Glossary): Map<string, { share: number; term: string }> {
  // a katakana word of the dictionary counts only as a whole word or piece of a loanword compound
  // (フォーマル is no sense of コンフォーマル, アパタイト none of ハイドロキシアパタイト)
  const bounds = new Set(katakanaWords(normalizeText(text)).flatMap((w) => w.pieces.flat()));
  const hits = matchConcepts(text, dictionary).filter(
    (h) =>
      h.start === undefined ||
      !KATAKANA_ONLY.test(h.term) ||
      (bounds.has(h.start) && bounds.has(h.start + h.term.length)),
  );
  const words = new Map<string, { start: number; end: number; senses: ConceptHit[] }>();
  for (const h of hits) {
    const key = `${h.start ?? -1}:${h.term}`;
    const w = words.get(key);
    if (w) w.senses.push(h);
    else words.set(key, { start: h.start ?? -1, end: (h.start ?? -1) + h.term.length, senses: [h] });
  }
  const spans = [...words.values()].filter((w) => w.start >= 0);
  const out = new Map<string, { share: number; term: string }>();
  for (const w of words.values()) {
    const part =
      w.start >= 0 &&
      spans.some((o) => o !== w && o.start <= w.start && o.end >= w.end && o.end - o.start > w.end - w.start);
    const n = w.start >= 0 ? w.senses.length : 1;
    const share = (part ? PART : 1) / Math.sqrt(n);
    for (const h of w.senses) {
      const k = `${DICTIONARY_KEY}${h.conceptId}`;
      const had = out.get(k);
      if (!had || had.share < share) out.set(k, { share, term: h.term });
    }
  }
  return out;
}

export function represent(
  doc: MatchText,
  weights: MatchWeights = DEFAULT_WEIGHTS,
  glossary: Glossary = getGlossary(),
  dictionary: Glossary = getDictionary(),
): DocRepresentation {
  const terms: Record<string, number> = {};
  const concepts: Record<string, number> = {};
  const conceptTerms: Record<string, string[]> = {};
  const loan: Record<string, number> = {};
  const surface: Record<string, string> = {};
  const bridge: Record<string, string> = {};
  for (const [parts, fw] of fields(doc, weights)) {
    // keywords are matched one by one so a glossary phrase never spans two keywords
    for (const text of parts) {
      if (!text) continue;
      for (const t of tokenize(text)) add(terms, t, fw);
      for (const [t, w] of termSurfaces(text)) surface[t] ??= w;
      for (const [k, w] of loanKeyWords(text)) {
        add(loan, k, fw);
        bridge[k] ??= w;
      }
      for (const [k, { share, term }] of dictionarySenses(text, dictionary)) {
        add(loan, k, fw * share);
        bridge[k] ??= term;
      }
      for (const h of matchConcepts(text, glossary)) {
        add(concepts, h.conceptId, fw);
        conceptTerms[h.conceptId] ??= [];
        if (!conceptTerms[h.conceptId].includes(h.term)) conceptTerms[h.conceptId].push(h.term);
      }
    }
  }
  return { id: doc.id, lang: docLang(doc), terms, concepts, loan, conceptTerms, surface, bridge };
}
