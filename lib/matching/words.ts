/**
 * A document's words as written, in the compact text form match_documents.words keeps (migration
 * 0032): what a match's reasons need of a candidate (reasons.ts), returned with its packed vectors
 * by the candidate query, so the final top ten need no second read of their representations.
 *
 * One entry per key: `t:` term → its surface word, `c:` concept → the first word that named it,
 * `l:` bridge key → the word(s) that gave it; `key \x1f word`, entries joined by `\x1e`. An entry
 * holding either separator is left out (normalised text has none).
 */
import type { DocRepresentation } from './represent';

export type Words = Pick<DocRepresentation, 'surface' | 'conceptTerms' | 'bridge'>;

const ENTRY = '\u001e';
const PAIR = '\u001f';

const clean = (key: string, word: string | undefined): word is string =>
  !!word && !key.includes(ENTRY) && !key.includes(PAIR) && !word.includes(ENTRY) && !word.includes(PAIR);

export function encodeWords(rep: Words): string {
  const out: string[] = [];
  for (const [key, word] of Object.entries(rep.surface ?? {})) if (clean(key, word)) out.push(`t:${key}${PAIR}${word}`);
  for (const [key, words] of Object.entries(rep.conceptTerms ?? {}))
    if (clean(key, words[0])) out.push(`c:${key}${PAIR}${words[0]}`);
  for (const [key, word] of Object.entries(rep.bridge ?? {})) if (clean(key, word)) out.push(`l:${key}${PAIR}${word}`);
  return out.join(ENTRY);
}

export function decodeWords(s: string): Required<Words> {
  const out: Required<Words> = { surface: {}, conceptTerms: {}, bridge: {} };
  if (!s) return out;
  for (const entry of s.split(ENTRY)) {
    const at = entry.indexOf(PAIR);
    if (at < 2 || entry[1] !== ':') continue;
    const key = entry.slice(2, at);
    const word = entry.slice(at + 1);
    if (entry[0] === 't') out.surface[key] = word;
    else if (entry[0] === 'c') out.conceptTerms[key] = [word];
    else if (entry[0] === 'l') out.bridge[key] = word;
  }
  return out;
}
