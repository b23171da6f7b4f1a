/**
 * Build the bilingual (ja <-> en) glossary JSON files in lib/matching/glossary-data/
 * from the curated sources in scripts/glossary/src/<NN-name>/*.txt.
 *
 *   npx tsx scripts/glossary/build.ts            # build (uses FreeDict if installed, else the cache)
 *   npx tsx scripts/glossary/build.ts --no-dict  # build from curated sources only
 *
 * Source line format (one concept per line, '#' starts a comment line):
 *   english term, synonym, abbr | 日本語, 同義語 [| explicit-id-suffix]
 * The id is `<prefix>.<slug of first English term>` unless a suffix is given.
 *
 * Enrichment with FreeDict jpn-eng (JMdict, CC BY-SA 3.0), see README.md:
 *  - verification: a concept is "verified" when one of its Japanese terms is a
 *    dictionary headword whose glosses include one of its English terms;
 *  - spelling variants: other written forms of such a verified headword are
 *    added (e.g. 溶接 -> 熔接, 鎔接; 歩留まり -> 歩留り);
 *  - English -> Japanese: a multi-word English term that is an exact gloss of a
 *    dictionary entry with few senses contributes that entry's written forms;
 *  - morphological English variants of our terms given by a verified entry
 *    (e.g. "weld" for "welding").
 * Everyday vocabulary is never imported wholesale: every addition hangs off a
 * curated concept. The additions are written to cache/freedict-enrichment.json so
 * the build is reproducible without the Debian package.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DICT_DIR, dictAvailable, loadDict, normaliseGloss, type DictIndex } from './freedict';
import { BANNED_EN, BANNED_JA, HIRAGANA_ONLY, OUTPUTS, type Concept } from './rules';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const SRC = join(HERE, 'src');
const OUT = join(ROOT, 'lib', 'matching', 'glossary-data');
const CACHE = join(HERE, 'cache', 'freedict-enrichment.json');

const args = new Set(process.argv.slice(2));
const useDict = !args.has('--no-dict');

// ---------------------------------------------------------------- normalisation
export function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function normEn(t: string): string {
  return t.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}
function normJa(t: string): string {
  // NFKC turns half-width katakana / full-width ASCII into canonical forms
  return t.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

const UK_US: [RegExp, string][] = [
  [/(al|il|im|ym|an|gn|on|er|rd|it|at|en|ar|in)is(e|ed|es|ing|er|ers|ation|ations)\b/g, '$1iz$2'],
  [/lys(e|ed|es|ing|er|ers)\b/g, 'lyz$1'],
  [/(col|vap|beh|lab|fav|harb|hum|od|flav|neighb|rum|arm)our/g, '$1or'],
  [/(cen|fib|met|lit|lus|thea|cali|spec)tre\b/g, '$1ter'],
  [/fibre/g, 'fiber'],
  [/centre/g, 'center'],
  [/aluminium/g, 'aluminum'],
  [/sulph/g, 'sulf'],
  [/modelling/g, 'modeling'],
  [/labelling/g, 'labeling'],
  [/travelling/g, 'traveling'],
  [/signalling/g, 'signaling'],
  [/haem/g, 'hem'],
  [/anaes/g, 'anes'],
  [/paed/g, 'ped'],
  [/oesoph/g, 'esoph'],
  [/programme/g, 'program'],
  [/grey/g, 'gray'],
  [/mould/g, 'mold'],
  [/defence/g, 'defense'],
  [/licence/g, 'license'],
  [/catalogue/g, 'catalog'],
  [/analogue/g, 'analog'],
  [/tyre/g, 'tire'],
  [/caesium/g, 'cesium'],
  [/oestrogen/g, 'estrogen'],
  [/foetal/g, 'fetal'],
  [/ageing/g, 'aging'],
];

function enVariants(t: string): string[] {
  const out = new Set<string>([t]);
  if (t.includes('-')) out.add(t.replace(/-/g, ' '));
  let us = t;
  for (const [re, rep] of UK_US) us = us.replace(re, rep);
  if (us !== t) {
    out.add(us);
    if (us.includes('-')) out.add(us.replace(/-/g, ' '));
  }
  return [...out];
}

/** JIS-style katakana: trailing long-vowel mark dropped (センサー -> センサ). */
function jaVariants(t: string): string[] {
  const out = new Set<string>([t]);
  const v = t.replace(/([\u30a1-\u30f6][\u30a1-\u30f6ー]{1,})ー(?![\u30a1-\u30f6ー])/g, (m, run: string) =>
    run.length >= 3 ? run : m,
  );
  if (v !== t) out.add(v);
  return [...out];
}

function okEn(t: string): boolean {
  return t.length >= 2 && !BANNED_EN.has(t);
}
function okJa(t: string): boolean {
  return t.length >= 2 && !BANNED_JA.has(t) && !BANNED_EN.has(t.toLowerCase()) && !REJECT_JA.has(t);
}

// ---------------------------------------------------------------- sources
interface SrcConcept extends Concept {
  src: string;
}

function readSources(name: string): SrcConcept[] {
  const cfg = OUTPUTS[name];
  const dir = join(SRC, name);
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const out: SrcConcept[] = [];
  for (const f of files) {
    const lines = readFileSync(join(dir, f), 'utf8').split('\n');
    lines.forEach((line, i) => {
      const l = line.trim();
      if (!l || l.startsWith('#')) return;
      const parts = l.split('|').map((p) => p.trim());
      if (parts.length < 2) throw new Error(`${name}/${f}:${i + 1}: expected 'en | ja': ${l}`);
      const en = parts[0].split(',').map(normEn).filter(Boolean);
      const ja = parts[1].split(/[,、]/).map(normJa).filter(Boolean);
      if (!en.length || !ja.length) throw new Error(`${name}/${f}:${i + 1}: empty side: ${l}`);
      const idPart = parts[2] ? slug(parts[2]) : slug(en[0]);
      out.push({
        id: `${cfg.prefix}.${idPart}`,
        domain: cfg.domain,
        en,
        ja,
        src: `${name}/${f}:${i + 1}`,
      });
    });
  }
  return out;
}

// ---------------------------------------------------------------- enrichment
interface Enrichment {
  ja: string[];
  en: string[];
}
type EnrichmentCache = Record<string, Enrichment>;

/** Dictionary additions reviewed and rejected as a wrong sense (e.g. 製粉機 is a flour mill). */
const REJECT_JA = new Set(['製粉機', 'キャム']);

const COMMON_GLOSS_WORDS = new Set(['one', 'thing', 'person', 'something', 'someone', 'etc', 'e.g']);

function enrich(c: Concept, d: DictIndex, stats: { verified: number }): Enrichment {
  const enSet = new Set(c.en);
  const jaSet = new Set(c.ja);
  const addJa = new Set<string>();
  const addEn = new Set<string>();
  let verified = false;
  // (1) verification + spelling variants of verified headwords
  for (const j of c.ja) {
    for (const idx of d.byForm.get(j) ?? []) {
      const e = d.entries[idx];
      const hit = e.glosses.some((g) => enSet.has(g));
      if (!hit) continue;
      verified = true;
      for (const f of e.forms) {
        const nf = normJa(f);
        if (jaSet.has(nf) || !okJa(nf) || HIRAGANA_ONLY.test(nf) || e.forms.length > 8) continue;
        // skip homographs: every entry spelled this way must share a sense with the concept
        const homographOk = (d.byForm.get(f) ?? []).every((k) => d.entries[k].glosses.some((g) => enSet.has(g)));
        if (homographOk) addJa.add(nf);
      }
      // (4) morphological English variants (weld <-> welding), only single words sharing a 4+ char stem
      for (const g of e.glosses) {
        if (enSet.has(g) || g.includes(' ') || g.length < 4 || COMMON_GLOSS_WORDS.has(g) || !okEn(g)) continue;
        const base = (x: string) => x.replace(/(ing|ion|ed|es|e|s)$/, '');
        if (c.en.some((t) => !t.includes(' ') && t !== g && base(t) === base(g) && base(g).length >= 4)) addEn.add(g);
      }
    }
  }
  // (2) English -> Japanese for specific (multi-word) English terms
  for (const t of c.en) {
    if (!/[ -]/.test(t) || t.length < 8) continue;
    const nt = normaliseGloss(t);
    for (const idx of d.byGloss.get(nt) ?? []) {
      const e = d.entries[idx];
      // only entries whose main (first) sense is exactly this term
      if (e.glosses.length > 4 || e.glosses[0] !== nt) continue;
      verified = true;
      for (const f of e.forms) {
        const nf = normJa(f);
        if (jaSet.has(nf) || !okJa(nf) || HIRAGANA_ONLY.test(nf) || nf.length > 20) continue;
        const homographOk = (d.byForm.get(f) ?? []).every((k) => d.entries[k].glosses.some((g) => enSet.has(g)));
        if (homographOk) addJa.add(nf);
      }
    }
  }
  if (verified) stats.verified++;
  return { ja: [...addJa], en: [...addEn] };
}

// ---------------------------------------------------------------- main
function main() {
  const all: SrcConcept[] = [];
  for (const name of Object.keys(OUTPUTS)) all.push(...readSources(name));

  // merge duplicate ids (same concept written twice) – first occurrence wins domain/file
  const byId = new Map<string, SrcConcept>();
  let merged = 0;
  for (const c of all) {
    const prev = byId.get(c.id);
    if (prev) {
      merged++;
      console.warn(`merge duplicate id ${c.id}: ${c.src} into ${prev.src}`);
      prev.en.push(...c.en);
      prev.ja.push(...c.ja);
    } else byId.set(c.id, { ...c, en: [...c.en], ja: [...c.ja] });
  }
  const concepts = [...byId.values()];

  // enrichment
  let cache: EnrichmentCache = {};
  const stats = { verified: 0 };
  let mode = 'none';
  const dictDir = process.env.FREEDICT_DIR ?? DICT_DIR;
  if (useDict && dictAvailable(dictDir)) {
    mode = 'freedict';
    const t0 = Date.now();
    const d = loadDict(dictDir);
    console.log(`loaded FreeDict jpn-eng: ${d.entries.length} entries in ${Date.now() - t0} ms`);
    for (const c of concepts) {
      const e = enrich(c, d, stats);
      if (e.ja.length || e.en.length) cache[c.id] = e;
    }
    mkdirSync(dirname(CACHE), { recursive: true });
    const keys = Object.keys(cache).sort();
    writeFileSync(CACHE, `{\n${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(cache[k])}`).join(',\n')}\n}\n`);
  } else if (useDict && existsSync(CACHE)) {
    mode = 'cache';
    cache = JSON.parse(readFileSync(CACHE, 'utf8'));
  }

  let addedJa = 0;
  let addedEn = 0;
  const outByFile = new Map<string, Concept[]>();
  for (const name of Object.keys(OUTPUTS)) outByFile.set(name, []);
  for (const c of concepts) {
    const e = cache[c.id];
    const en = new Set<string>();
    const ja = new Set<string>();
    for (const t of c.en) for (const v of enVariants(t)) if (okEn(v)) en.add(v);
    for (const t of c.ja) for (const v of jaVariants(t)) if (okJa(v)) ja.add(v);
    if (e) {
      for (const t of e.en)
        if (okEn(t) && !en.has(t)) {
          en.add(t);
          addedEn++;
        }
      for (const t of e.ja)
        for (const v of jaVariants(t))
          if (okJa(v) && !ja.has(v)) {
            ja.add(v);
            addedJa++;
          }
    }
    if (!en.size || !ja.size) {
      console.warn(`dropping ${c.id} (${c.src}): no usable terms after filtering`);
      continue;
    }
    const file = c.src.split('/')[0];
    outByFile.get(file)!.push({ id: c.id, domain: c.domain, en: [...en], ja: [...ja] });
  }

  mkdirSync(OUT, { recursive: true });
  let total = 0;
  for (const [name, list] of outByFile) {
    if (!list.length) continue;
    const body = `[\n${list.map((c) => JSON.stringify(c)).join(',\n')}\n]\n`;
    writeFileSync(join(OUT, `${name}.json`), body);
    total += list.length;
    console.log(`${name}.json: ${list.length} concepts, ${(Buffer.byteLength(body) / 1024).toFixed(0)} KiB`);
  }
  console.log(
    `total ${total} concepts (${merged} duplicate ids merged); enrichment=${mode}` +
      (mode === 'freedict' ? `, dictionary-verified ${stats.verified}` : '') +
      `, +${addedJa} ja / +${addedEn} en terms from FreeDict`,
  );
}

main();
