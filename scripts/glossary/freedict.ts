/**
 * Reader for the FreeDict Japanese-English dictionary (JMdict/EDICT derived,
 * CC BY-SA 3.0, © James William Breen and the Electronic Dictionary Research and
 * Development Group) as shipped by Debian's `dict-freedict-jpn-eng` package.
 *
 * The dictd format: `<name>.index` has lines `headword\tOFFSET\tLENGTH` with
 * base64-digit numbers; `<name>.dict.dz` is a gzip (dictzip) file whose
 * decompressed bytes hold the entries at those offsets.
 *
 * Only used at build time (scripts/glossary/build.ts). The app never needs it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export const DICT_DIR = '/usr/share/dictd';
export const DICT_NAME = 'freedict-jpn-eng';

export interface DictEntry {
  /** kanji and katakana written forms (hiragana-only readings are kept in `readings`) */
  forms: string[];
  readings: string[];
  /** normalised lower-case English glosses */
  glosses: string[];
  /** subject tags such as "computer terminology", "chemistry term" */
  fields: string[];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function b64num(s: string): number {
  let n = 0;
  for (const c of s) n = n * 64 + B64.indexOf(c);
  return n;
}

const HIRAGANA_ONLY = /^[\u3040-\u309fー]+$/;

export function dictAvailable(dir = DICT_DIR): boolean {
  return existsSync(`${dir}/${DICT_NAME}.index`) && existsSync(`${dir}/${DICT_NAME}.dict.dz`);
}

/** Split a gloss line on commas that are not inside parentheses. */
function splitGlosses(line: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of line) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if ((ch === ',' || ch === ';') && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function normaliseGloss(g: string): string {
  return g
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*(to|a|an|the)\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function parseEntry(raw: string): DictEntry {
  const lines = raw.split('\n');
  const head = lines[0] ?? '';
  const forms: string[] = [];
  const readings: string[] = [];
  // strip pronunciations /.../ and priority tags [..]
  const cleaned = head.replace(/\/[^/]*\//g, '').replace(/\[[^\]]*\]/g, '');
  for (const part of cleaned.split(',')) {
    // drop annotations like "(word containing irregular kanji usage)" and middle dots
    let f = part;
    for (let k = 0; k < 3; k++) f = f.replace(/\([^()]*\)/g, '');
    f = f.replace(/[()]/g, '').replace(/[・･]/g, '').trim();
    if (/[a-z]{3,}/.test(f)) continue; // stray English annotation
    if (!f) continue;
    const hasKanji = /[\u4e00-\u9fff\u3005]/.test(f);
    const hasHira = /[\u3040-\u309f]/.test(f);
    if (HIRAGANA_ONLY.test(f) || (!hasKanji && hasHira)) readings.push(f);
    else if (!forms.includes(f)) forms.push(f);
  }
  const glosses: string[] = [];
  const fields: string[] = [];
  for (const l of lines.slice(1)) {
    // a sense number ("2. follower", "1. (noun …)") precedes its glosses or its part of speech;
    // notes, cross-references and form restrictions are not glosses
    const t = l.trim().replace(/^\d+\.\s*/, '');
    if (!t || t.startsWith('(') || t.startsWith('{') || /\bNote:/.test(t)) continue;
    for (const m of t.matchAll(/\[([^\]]+)\]/g)) fields.push(m[1].trim());
    for (const g of splitGlosses(t)) {
      const n = normaliseGloss(g);
      if (n) glosses.push(n);
    }
  }
  return { forms, readings, glosses, fields };
}

export interface DictIndex {
  entries: DictEntry[];
  byForm: Map<string, number[]>;
  byGloss: Map<string, number[]>;
}

export function loadDict(dir = DICT_DIR): DictIndex {
  const index = readFileSync(`${dir}/${DICT_NAME}.index`, 'utf8');
  const data = gunzipSync(readFileSync(`${dir}/${DICT_NAME}.dict.dz`));
  const seen = new Map<string, number>(); // offset:len -> entry idx
  const entries: DictEntry[] = [];
  const byForm = new Map<string, number[]>();
  const byGloss = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, v: number) => {
    const a = m.get(k);
    if (a) {
      if (!a.includes(v)) a.push(v);
    } else m.set(k, [v]);
  };
  for (const line of index.split('\n')) {
    const [hw, o, s] = line.split('\t');
    if (!hw || !o || !s || hw.startsWith('00-database')) continue;
    const key = `${o}:${s}`;
    if (seen.has(key)) continue;
    const off = b64num(o);
    const len = b64num(s);
    const raw = data.subarray(off, off + len).toString('utf8');
    const e = parseEntry(raw);
    const idx = entries.length;
    entries.push(e);
    seen.set(key, idx);
    for (const f of e.forms) push(byForm, f, idx);
    for (const g of e.glosses) push(byGloss, g, idx);
  }
  return { entries, byForm, byGloss };
}
