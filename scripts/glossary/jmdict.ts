/**
 * The whole Japanese–English dictionary as a cross-lingual bridge for the matching engine:
 * writes lib/matching/glossary-data/jmdict.tsv.gz from Debian's dict-freedict-jpn-eng
 * (JMdict, CC BY-SA 3.0; see glossary-data/README.md for the attribution).
 *
 *   apt-get install -y dict-freedict-jpn-eng && npx tsx scripts/glossary/jmdict.ts
 *
 * Every entry is kept, every sense (no curated selection), restricted to what text matching
 * can use: written forms with kanji (≥ 2 characters, no kana inflection) or katakana words
 * (≥ 3 characters), and glosses that are terms (≤ 4 words, not a banned generic word).
 * One line per written form, sorted, gzip-compressed:
 *   `form<TAB>normalised form<TAB>gloss|gloss|…<TAB>key|key|…`
 * where the normalised form and each gloss's key (its stemmed tokens) come from the engine's own
 * normaliser and tokeniser, so loading needs no text processing (a unit test checks that they
 * still agree: regenerate after changing lib/matching/normalize.ts, tokenize.ts or stemmer.ts).
 * The generated file is committed so a fresh clone and CI never need the Debian package.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DICT_DIR, dictAvailable, loadDict } from './freedict';
import { BANNED_EN } from './rules';
import { englishTermTokens } from '../../lib/matching/glossary';
import { normalizeText } from '../../lib/matching/normalize';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, '..', '..', 'lib', 'matching', 'glossary-data', 'jmdict.tsv.gz');

const KANJI_FORM = /^[\p{Script=Han}々〆ヶ\p{Script=Katakana}ー]+$/u;
const HAS_KANJI = /[\p{Script=Han}]/u;
const KATAKANA_FORM = /^[\p{Script=Katakana}ー]+$/u;
const TERM_GLOSS = /^[a-z0-9][a-z0-9 '\-./]*$/;

const usableForm = (f: string) =>
  (HAS_KANJI.test(f) && KANJI_FORM.test(f) && [...f].length >= 2) || (KATAKANA_FORM.test(f) && [...f].length >= 3);

const usableGloss = (g: string) =>
  TERM_GLOSS.test(g) && g.length >= 2 && g.split(' ').length <= 4 && !BANNED_EN.has(g) && !/^\d+$/.test(g);

const dir = process.env.FREEDICT_DIR ?? DICT_DIR;
if (!dictAvailable(dir)) {
  console.error(`FreeDict jpn-eng not found in ${dir} (apt-get install -y dict-freedict-jpn-eng)`);
  process.exit(1);
}
const t0 = Date.now();
const d = loadDict(dir);
// FreeDict glues a loanword's source-language word to its first gloss (ポンプ: "pomppump",
// Dutch pomp + pump): in a katakana entry, a one-word gloss no other entry uses whose longest
// proper ending (≥ 3 letters) is a one-word gloss elsewhere is taken as that ending.
const words = new Set<string>();
for (const e of d.entries) for (const g of e.glosses) if (!g.includes(' ')) words.add(g);
const seen = new Map<string, number>();
for (const e of d.entries) for (const g of e.glosses) seen.set(g, (seen.get(g) ?? 0) + 1);
function unglue(g: string): string {
  if (g.includes(' ') || (seen.get(g) ?? 0) > 1) return g;
  for (let i = 1; i <= g.length - 3; i++) if (words.has(g.slice(i))) return g.slice(i);
  return g;
}
const byForm = new Map<string, Set<string>>();
for (const e of d.entries) {
  const loanword = e.forms.length > 0 && e.forms.every((f) => KATAKANA_FORM.test(f.normalize('NFKC')));
  const glosses = [...new Set(e.glosses.map((g) => (loanword ? unglue(g) : g)).filter(usableGloss))];
  if (!glosses.length) continue;
  for (const raw of e.forms) {
    const f = raw.normalize('NFKC');
    if (!usableForm(f)) continue;
    const set = byForm.get(f) ?? new Set<string>();
    for (const g of glosses) set.add(g);
    byForm.set(f, set);
  }
}
const lines: string[] = [];
for (const [form, gs] of [...byForm].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  const norm = normalizeText(form);
  const kept = [...gs].map((g) => [g, englishTermTokens(g).join(' ')]).filter(([, key]) => key);
  if (!norm || !kept.length) continue;
  lines.push([form, norm, kept.map(([g]) => g).join('|'), kept.map(([, k]) => k).join('|')].join('\t'));
}
mkdirSync(dirname(OUT), { recursive: true });
const body = gzipSync(`${lines.join('\n')}\n`, { level: 9 });
writeFileSync(OUT, body);
console.log(
  `${d.entries.length} dictionary entries → ${lines.length} written forms, ${(body.length / 1024).toFixed(0)} KiB in ${Date.now() - t0} ms`,
);
