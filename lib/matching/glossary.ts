/**
 * Bilingual technical glossary: loads every `glossary-data/*.json` file and maps text to
 * concept ids.
 *
 * Entry format (one concept): `{ id, domain, en: string[], ja: string[] }`.
 *
 * Matching, per term, by the term's own script (a Japanese list may hold `ai`, `co2回収`):
 * - Latin-only terms → phrase match on the stemmed, stopword-free English token stream
 *   (so "lithium-ion batteries" matches "lithium ion battery").
 * - terms containing Japanese characters → substring match on the normalised text.
 *   Single-character terms only match a whole segmenter word; katakana terms of ≤ 3
 *   characters must not sit inside a longer katakana word (エア ≠ エアコン).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { normalizeText } from './normalize';
import { englishTerm, japaneseSegments, latinWords, splitRuns } from './tokenize';

export type Domain = 'manufacturing' | 'it' | 'biotech' | 'environment_energy' | 'general';
export const DOMAINS: readonly Domain[] = ['manufacturing', 'it', 'biotech', 'environment_energy', 'general'];

/** The whole Japanese–English dictionary (scripts/glossary/jmdict.ts), beside the curated files. */
export const DICTIONARY_FILE = 'jmdict.tsv.gz';
/** prefix of the dictionary's senses among a document's cross-language bridge keys */
export const DICTIONARY_KEY = 'd.';

export interface GlossaryEntry {
  id: string;
  domain: Domain;
  en: string[];
  ja: string[];
}

export interface Glossary {
  entries: ReadonlyMap<string, GlossaryEntry>;
  /** first stemmed token → phrases (token sequences) starting with it */
  enPhrases: ReadonlyMap<string, Array<{ tokens: string[]; conceptId: string; term: string }>>;
  /**
   * `whole`: a phrase is every word of the term (content words stemmed; letters, numbers and
   * function words as written), so "k-means" is k + mean and never matches "mean", "x-ray" never
   * "ray", "industry 4.0" never "industrial". `content`: content words only (the dictionary, whose
   * keys are stored so).
   */
  phraseWords: 'whole' | 'content';
  /** first two normalised chars → Japanese/mixed terms starting with them */
  jaTerms: ReadonlyMap<string, Array<{ term: string; conceptId: string }>>;
  /** single-character Japanese terms (whole-word match only) */
  jaSingles: ReadonlyMap<string, string[]>;
  problems: string[];
}

const JA_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヶ]/u;
const KATAKANA_CHAR = /[\p{Script=Katakana}ー]/u;
const KATAKANA_ONLY = /^[\p{Script=Katakana}ー]+$/u;

/** A word of a phrase: its index term, or (`whole` phrases) the word itself when it has none. */
const phraseToken = (part: string, whole: boolean): string | null => englishTerm(part) ?? (whole && part ? part : null);

/** Stemmed English token sequence of a term (same pipeline as documents; see Glossary.phraseWords). */
export function englishTermTokens(term: string, whole = false): string[] {
  const out: string[] = [];
  for (const run of splitRuns(normalizeText(term))) {
    if (run.script !== 'latin') continue;
    for (const w of latinWords(run.text)) {
      for (const part of w.split('-')) {
        const t = phraseToken(part, whole);
        if (t) out.push(t);
      }
    }
  }
  return out;
}

/** Validates raw JSON entries; returns well-formed entries and human-readable problems. */
export function validateEntries(raw: unknown, source: string): { entries: GlossaryEntry[]; problems: string[] } {
  const entries: GlossaryEntry[] = [];
  const problems: string[] = [];
  if (!Array.isArray(raw)) return { entries, problems: [`${source}: not a JSON array`] };
  for (const [i, e] of (raw as unknown[]).entries()) {
    const where = `${source}[${i}]`;
    if (!e || typeof e !== 'object') {
      problems.push(`${where}: not an object`);
      continue;
    }
    const o = e as Record<string, unknown>;
    const strs = (v: unknown) =>
      Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
    if (typeof o.id !== 'string' || !o.id) {
      problems.push(`${where}: missing id`);
      continue;
    }
    if (typeof o.domain !== 'string' || !DOMAINS.includes(o.domain as Domain)) {
      problems.push(`${where} (${o.id}): bad domain ${String(o.domain)}`);
      continue;
    }
    const en = strs(o.en);
    const ja = strs(o.ja);
    if (!en.length || !ja.length) {
      problems.push(`${where} (${o.id}): needs ≥1 en and ≥1 ja term`);
      continue;
    }
    entries.push({ id: o.id, domain: o.domain as Domain, en, ja });
  }
  return { entries, problems };
}

/** Builds the matching structures from entries (later duplicate ids are reported and skipped). */
export function buildGlossary(all: GlossaryEntry[], initialProblems: string[] = []): Glossary {
  const problems = [...initialProblems];
  const entries = new Map<string, GlossaryEntry>();
  const enPhrases = new Map<string, Array<{ tokens: string[]; conceptId: string; term: string }>>();
  const jaTerms = new Map<string, Array<{ term: string; conceptId: string }>>();
  const jaSingles = new Map<string, string[]>();
  const seenEn = new Set<string>();
  const seenJa = new Set<string>();

  for (const e of all) {
    if (entries.has(e.id)) {
      problems.push(`duplicate id ${e.id}`);
      continue;
    }
    entries.set(e.id, e);
    for (const raw of [...e.en, ...e.ja]) {
      const norm = normalizeText(raw);
      if (!norm) continue;
      if (JA_CHAR.test(norm)) {
        const key = `${e.id}\u0000${norm}`;
        if (seenJa.has(key)) continue;
        seenJa.add(key);
        if (norm.length === 1) {
          const list = jaSingles.get(norm) ?? [];
          list.push(e.id);
          jaSingles.set(norm, list);
        } else {
          const k = norm.slice(0, 2);
          const list = jaTerms.get(k) ?? [];
          list.push({ term: norm, conceptId: e.id });
          jaTerms.set(k, list);
        }
      } else {
        // a term of function words, letters or numbers alone ("c", "no. 1") would match anywhere
        if (!englishTermTokens(norm).length) continue;
        const tokens = englishTermTokens(norm, true);
        const key = `${e.id}\u0000${tokens.join(' ')}`;
        if (seenEn.has(key)) continue;
        seenEn.add(key);
        const list = enPhrases.get(tokens[0]) ?? [];
        list.push({ tokens, conceptId: e.id, term: raw });
        enPhrases.set(tokens[0], list);
      }
    }
  }
  return { entries, enPhrases, jaTerms, jaSingles, problems, phraseWords: 'whole' };
}

export function glossaryDir(): string {
  return process.env.CLUSTERMATCH_GLOSSARY_DIR ?? path.join(process.cwd(), 'lib/matching/glossary-data');
}

/**
 * The dictionary as a glossary: one concept per English gloss key (its stemmed tokens, so "weld"
 * and "welding" are one concept) holding every written form with that gloss. A Japanese word thus
 * stands for each of its senses, and an English text meets them as words and phrases. The file
 * carries the normalised forms and the keys (scripts/glossary/jmdict.ts), so nothing is re-tokenised.
 */
function parseDictionary(text: string): Glossary {
  const entries = new Map<string, GlossaryEntry>();
  const enPhrases = new Map<string, Array<{ tokens: string[]; conceptId: string; term: string }>>();
  const jaTerms = new Map<string, Array<{ term: string; conceptId: string }>>();
  for (const line of text.split('\n')) {
    const [, norm, glosses, keys] = line.split('\t');
    if (!norm || !glosses || !keys) continue;
    const gl = glosses.split('|');
    keys.split('|').forEach((key, i) => {
      if (!entries.has(key)) {
        entries.set(key, { id: key, domain: 'general', en: [gl[i]], ja: [] });
        const tokens = key.split(' ');
        const list = enPhrases.get(tokens[0]);
        const phrase = { tokens, conceptId: key, term: gl[i] };
        if (list) list.push(phrase);
        else enPhrases.set(tokens[0], [phrase]);
      }
      if (norm.length < 2) return;
      const k = norm.slice(0, 2);
      const list = jaTerms.get(k);
      if (list) list.push({ term: norm, conceptId: key });
      else jaTerms.set(k, [{ term: norm, conceptId: key }]);
    });
  }
  return { entries, enPhrases, jaTerms, jaSingles: new Map(), problems: [], phraseWords: 'content' };
}

/** Reads and validates every *.json file of a folder (sorted by name). */
export function loadGlossaryFrom(dir: string): Glossary {
  const all: GlossaryEntry[] = [];
  const problems: string[] = [];
  if (!existsSync(dir)) return buildGlossary([], [`glossary folder not found: ${dir}`]);
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.json'))
    .sort()) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
    } catch (err) {
      problems.push(`${f}: invalid JSON (${(err as Error).message})`);
      continue;
    }
    const v = validateEntries(raw, f);
    all.push(...v.entries);
    problems.push(...v.problems);
  }
  return buildGlossary(all, problems);
}

let cachedDictionary: Glossary | null = null;
/**
 * The whole dictionary as a glossary of its own (a bridge across languages, kept apart from the
 * curated concepts so its many senses never dilute them), loaded once per process.
 */
export function getDictionary(): Glossary {
  if (!cachedDictionary) {
    const file = path.join(glossaryDir(), DICTIONARY_FILE);
    cachedDictionary = existsSync(file)
      ? parseDictionary(gunzipSync(readFileSync(file)).toString('utf8'))
      : buildGlossary([], [`dictionary not found: ${file}`]);
  }
  return cachedDictionary;
}

let cached: Glossary | null = null;
/** The project glossary, loaded once per process. */
export function getGlossary(): Glossary {
  cached ??= loadGlossaryFrom(glossaryDir());
  return cached;
}
export interface ConceptHit {
  conceptId: string;
  /** surface term that matched (normalised) */
  term: string;
  /** Japanese hits: where the term sits in the normalised text (to tell a compound's parts from it) */
  start?: number;
}

/** Concept hits of one text (a concept may appear several times). */
export function matchConcepts(text: string, glossary: Glossary = getGlossary()): ConceptHit[] {
  const norm = normalizeText(text);
  if (!norm) return [];
  const hits: ConceptHit[] = [];

  // English: phrase match over the stemmed token stream, per Latin run sequence.
  const tokens: string[] = [];
  const words: string[] = []; // the words as written, beside their tokens
  const whole = glossary.phraseWords === 'whole';
  for (const run of splitRuns(norm)) {
    if (run.script !== 'latin') {
      tokens.push('\u0000'); // phrase boundary
      words.push('');
      continue;
    }
    for (const w of latinWords(run.text)) {
      for (const part of w.split('-')) {
        const t = phraseToken(part, whole);
        if (t) {
          tokens.push(t);
          words.push(part);
        }
      }
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const cands = glossary.enPhrases.get(tokens[i]);
    if (!cands) continue;
    for (const c of cands) {
      let ok = true;
      for (let j = 1; j < c.tokens.length; j++) {
        if (tokens[i + j] !== c.tokens[j]) {
          ok = false;
          break;
        }
      }
      if (ok) hits.push({ conceptId: c.conceptId, term: words.slice(i, i + c.tokens.length).join(' ') });
    }
  }

  // Japanese / mixed terms: substring scan keyed by the first two characters.
  if (JA_CHAR.test(norm)) {
    for (let i = 0; i + 1 < norm.length; i++) {
      const cands = glossary.jaTerms.get(norm.slice(i, i + 2));
      if (!cands) continue;
      for (const c of cands) {
        if (!norm.startsWith(c.term, i)) continue;
        if (KATAKANA_ONLY.test(c.term) && c.term.length <= 3) {
          const before = norm[i - 1] ?? '';
          const after = norm[i + c.term.length] ?? '';
          if (KATAKANA_CHAR.test(before) || KATAKANA_CHAR.test(after)) continue;
        }
        hits.push({ conceptId: c.conceptId, term: c.term, start: i });
      }
    }
    if (glossary.jaSingles.size) {
      for (const run of splitRuns(norm)) {
        if (run.script !== 'ja') continue;
        for (const s of japaneseSegments(run.text)) {
          const ids = glossary.jaSingles.get(s.text);
          if (ids) for (const id of ids) hits.push({ conceptId: id, term: s.text });
        }
      }
    }
  }
  return hits;
}

/** Preferred display terms of a concept. */
export function conceptLabel(conceptId: string, glossary: Glossary = getGlossary()): { en: string; ja: string } {
  const e = glossary.entries.get(conceptId);
  return { en: e?.en[0] ?? conceptId, ja: e?.ja[0] ?? conceptId };
}
