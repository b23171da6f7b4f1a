/**
 * Explanations as structured data: why a pair matched, and what the listing owner could
 * change to be matched better. The UI renders these (localised); nothing here is prose.
 */
import { conceptLabel, getGlossary, type Glossary } from './glossary';
import { DEFAULT_WEIGHTS, type MatchWeights } from './weights';
import type { DocVectors, MatchFeatures } from './score';
import type { DocRepresentation } from './represent';
import { licenceFit, type LicenceCheck } from './licence-fit';
import type { NeedInput, SeedInput } from './types';

export interface SharedConcept {
  id: string;
  en: string;
  ja: string;
  /** the words of the need and of the seed, as written in the listings, that named this concept */
  needTerm?: string;
  seedTerm?: string;
  /** contribution to the concept cosine (larger = more important) */
  weight: number;
}

export type MatchReason =
  | { kind: 'shared_concepts'; concepts: SharedConcept[] }
  | {
      kind: 'shared_terms';
      /** the need's words (older reasons: index terms) */
      terms: string[];
      /** each shared word as the need wrote it and as the seed wrote it (porosity ↔ porous) */
      pairs?: Array<{ need: string; seed: string }>;
    }
  | { kind: 'cross_language'; needLang: string; seedLang: string }
  | { kind: 'same_domain'; domain: string }
  | { kind: 'different_domain'; needDomain: string; seedDomain: string }
  | { kind: 'trl_fit'; seedTrl: number; needTrl: number; fit: 'meets' | 'below' | 'above' }
  | { kind: 'ip'; status: string; jurisdictions: string[] }
  | { kind: 'licensing'; terms: string }
  /** one of the seed's licensing terms against what the need can accept */
  | { kind: 'licence_term'; check: LicenceCheck };

export type ImprovementHint =
  | { kind: 'add_keywords_other_language'; side: 'need' | 'seed'; lang: 'en' | 'ja' }
  | { kind: 'add_keywords'; side: 'need' | 'seed' }
  | { kind: 'use_standard_terms'; side: 'need' | 'seed' }
  | { kind: 'expand_summary'; side: 'need' | 'seed' }
  | { kind: 'state_trl'; side: 'need' | 'seed' }
  | { kind: 'state_ip_status' };

const MAX_CONCEPTS = 6;
const MAX_TERMS = 6;

/**
 * The shared concepts that weigh most, each label pair once (glossary sources can name two
 * concepts alike, e.g. a curated entry and a dictionary one; a reader sees one idea). Across
 * languages, the bridge's shared keys count too: a dictionary sense (鋳造 ↔ casting) or a
 * loanword (センサ ↔ sensor), each named by the need's and the seed's words as written.
 * Weights are each key's share of the text similarity.
 */
export function sharedConcepts(
  nv: DocVectors,
  sv: DocVectors,
  glossary: Glossary = getGlossary(),
  nr?: Pick<DocRepresentation, 'conceptTerms' | 'bridge' | 'lang'>,
  sr?: Pick<DocRepresentation, 'conceptTerms' | 'bridge' | 'lang'>,
  w: MatchWeights = DEFAULT_WEIGHTS,
): SharedConcept[] {
  const all: SharedConcept[] = [];
  const cross = !!nr && !!sr && nr.lang !== sr.lang;
  const conceptShare = cross ? 1 - w.lexicalCrossLang - w.loanCrossLang : 1 - w.lexicalSameLang;
  for (const [id, a] of nv.concepts) {
    const b = sv.concepts.get(id);
    if (b === undefined) continue;
    const needTerm = nr?.conceptTerms?.[id]?.[0];
    const seedTerm = sr?.conceptTerms?.[id]?.[0];
    all.push({
      id,
      ...conceptLabel(id, glossary),
      ...(needTerm && seedTerm ? { needTerm, seedTerm } : {}),
      weight: a * b * conceptShare,
    });
  }
  // the bridge counts in the score across languages only
  if (cross) {
    for (const [key, a] of nv.loan) {
      const b = sv.loan.get(key);
      const needTerm = nr.bridge?.[key];
      const seedTerm = sr.bridge?.[key];
      if (b === undefined || !needTerm || !seedTerm) continue;
      const [ja, en] = nr.lang === 'ja' ? [needTerm, seedTerm] : [seedTerm, needTerm];
      all.push({ id: key, en, ja, needTerm, seedTerm, weight: a * b * w.loanCrossLang });
    }
  }
  const seen = new Set<string>();
  const out: SharedConcept[] = [];
  for (const c of all.sort((x, y) => y.weight - x.weight)) {
    const label = c.needTerm
      ? `${c.needTerm.toLowerCase()}\u001f${c.seedTerm?.toLowerCase()}`
      : `${c.ja.toLowerCase()}\u001f${c.en.toLowerCase()}`;
    if (seen.has(label)) continue;
    seen.add(label);
    out.push(c);
    if (out.length === MAX_CONCEPTS) break;
  }
  return out;
}

/**
 * Shared index terms as whole words, each as the need wrote it and as the seed wrote it; terms
 * that are fragments (kanji bigrams) or whose words are unknown (older documents) are left out.
 */
export function sharedTerms(
  nv: DocVectors,
  sv: DocVectors,
  nr?: Pick<DocRepresentation, 'surface'>,
  sr?: Pick<DocRepresentation, 'surface'>,
): Array<{ need: string; seed: string }> {
  const out: Array<[{ need: string; seed: string }, number]> = [];
  for (const [t, a] of nv.terms) {
    const b = sv.terms.get(t);
    const need = nr?.surface?.[t];
    const seed = sr?.surface?.[t];
    if (b !== undefined && need && seed) out.push([{ need, seed }, a * b]);
  }
  return out
    .sort((x, y) => y[1] - x[1])
    .slice(0, MAX_TERMS)
    .map(([p]) => p);
}

const isTrl = (x: unknown): x is number => typeof x === 'number' && x >= 1 && x <= 9;

/** Reasons for one scored pair, most informative first. */
export function explainMatch(
  need: NeedInput,
  seed: SeedInput,
  f: MatchFeatures,
  nv: DocVectors,
  sv: DocVectors,
  nr: DocRepresentation,
  sr: DocRepresentation,
  glossary: Glossary = getGlossary(),
): MatchReason[] {
  const reasons: MatchReason[] = [];
  const concepts = sharedConcepts(nv, sv, glossary, nr, sr);
  if (concepts.length) reasons.push({ kind: 'shared_concepts', concepts });
  const pairs = sharedTerms(nv, sv, nr, sr);
  if (pairs.length) reasons.push({ kind: 'shared_terms', terms: pairs.map((p) => p.need), pairs });
  if (nr.lang !== sr.lang) reasons.push({ kind: 'cross_language', needLang: nr.lang, seedLang: sr.lang });
  if (need.domain && seed.domain) {
    if (need.domain === seed.domain) reasons.push({ kind: 'same_domain', domain: need.domain });
    else reasons.push({ kind: 'different_domain', needDomain: need.domain, seedDomain: seed.domain });
  }
  if (isTrl(seed.trl) && isTrl(need.desiredTrl)) {
    const fit =
      seed.trl === need.desiredTrl || (seed.trl > need.desiredTrl && f.trl >= 0.9)
        ? 'meets'
        : seed.trl < need.desiredTrl
          ? 'below'
          : 'above';
    reasons.push({ kind: 'trl_fit', seedTrl: seed.trl, needTrl: need.desiredTrl, fit });
  }
  if (seed.ip?.status && seed.ip.status !== 'none') {
    reasons.push({ kind: 'ip', status: seed.ip.status, jurisdictions: [...(seed.ip.jurisdictions ?? [])] });
  }
  if (seed.licensing) reasons.push({ kind: 'licensing', terms: seed.licensing });
  if (need.acceptTerms && seed.licenceTerms)
    for (const check of licenceFit(need.acceptTerms, seed.licenceTerms)) reasons.push({ kind: 'licence_term', check });
  return reasons;
}

const hasJapanese = (s: string) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(s);
const hasLatinWord = (s: string) => /[A-Za-z]{2,}/.test(s);

/**
 * What the owner of `side` could change so this listing is matched better in general
 * (independent of one partner): keywords in the other language, standard terms, a TRL.
 */
export function improvementHints(
  side: 'need' | 'seed',
  doc: NeedInput | SeedInput,
  rep: DocRepresentation,
): ImprovementHint[] {
  const hints: ImprovementHint[] = [];
  const kws = doc.keywords ?? [];
  if (kws.length < 3) hints.push({ kind: 'add_keywords', side });
  const other: 'en' | 'ja' = rep.lang === 'ja' ? 'en' : 'ja';
  const hasOther = kws.some((k) => (other === 'ja' ? hasJapanese(k) : hasLatinWord(k)));
  if (!hasOther) hints.push({ kind: 'add_keywords_other_language', side, lang: other });
  if (Object.keys(rep.concepts).length < 3) hints.push({ kind: 'use_standard_terms', side });
  if ((doc.summary ?? '').length < (rep.lang === 'ja' ? 80 : 200)) hints.push({ kind: 'expand_summary', side });
  const trl = side === 'need' ? (doc as NeedInput).desiredTrl : (doc as SeedInput).trl;
  if (!isTrl(trl)) hints.push({ kind: 'state_trl', side });
  if (side === 'seed' && !(doc as SeedInput).ip?.status) hints.push({ kind: 'state_ip_status' });
  return hints;
}
