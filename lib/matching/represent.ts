/**
 * Per-document representation: weighted term and concept frequencies by field.
 * Independent of any corpus (IDF is applied by the index), so it can be computed once per
 * listing and stored (e.g. Postgres jsonb / tsvector), then re-used to build indexes.
 */
import { DEFAULT_WEIGHTS, type MatchWeights } from './weights';
import { getGlossary, matchConcepts, type Glossary } from './glossary';
import { tokenize, detectLang, loanKeys } from './tokenize';
import type { Lang, MatchText } from './types';

export interface DocRepresentation {
  id: string;
  lang: Lang;
  /** term → field-weighted frequency */
  terms: Record<string, number>;
  /** concept id → field-weighted frequency */
  concepts: Record<string, number>;
  /** katakana-loanword key → field-weighted frequency (cross-language bridge) */
  loan: Record<string, number>;
  /** concept id → surface terms seen in this document (for explanations) */
  conceptTerms: Record<string, string[]>;
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

export function represent(
  doc: MatchText,
  weights: MatchWeights = DEFAULT_WEIGHTS,
  glossary: Glossary = getGlossary(),
): DocRepresentation {
  const terms: Record<string, number> = {};
  const concepts: Record<string, number> = {};
  const conceptTerms: Record<string, string[]> = {};
  const loan: Record<string, number> = {};
  for (const [parts, fw] of fields(doc, weights)) {
    // keywords are matched one by one so a glossary phrase never spans two keywords
    for (const text of parts) {
      if (!text) continue;
      for (const t of tokenize(text)) add(terms, t, fw);
      for (const k of loanKeys(text)) add(loan, k, fw);
      for (const h of matchConcepts(text, glossary)) {
        add(concepts, h.conceptId, fw);
        const seen = (conceptTerms[h.conceptId] ??= []);
        if (!seen.includes(h.term)) seen.push(h.term);
      }
    }
  }
  return { id: doc.id, lang: docLang(doc), terms, concepts, loan, conceptTerms };
}
