/**
 * Validate every glossary file in lib/matching/glossary-data/*.json.
 *
 *   npx tsx scripts/glossary/check.ts
 *
 * Checks: JSON array schema (zod), ids unique across all files, ≥1 en and ≥1 ja
 * term, no empty / untrimmed / duplicate terms, English terms lower-case, no
 * banned generic term ("system", "技術", ...), no single-character Japanese term,
 * file size < 1.5 MB. Prints counts per file and per domain. Exits 1 on any error.
 *
 * Files built here (10-..50-, see rules.ts OUTPUTS) get every check. Other files in the
 * folder (00-core.json, owned by the matching engine) get schema and id-uniqueness
 * checks; their term-style findings are only reported as a warning count.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { BANNED_EN, BANNED_JA, DOMAINS, OUTPUTS } from './rules';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIR = join(HERE, '..', '..', 'lib', 'matching', 'glossary-data');
const MAX_BYTES = 1.5 * 1024 * 1024;

const Term = z.string().min(1);
const ConceptSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .regex(/^[a-z0-9][a-z0-9._-]*$/, 'id must be lower-case [a-z0-9._-]'),
    domain: z.enum(DOMAINS),
    en: z.array(Term).min(1),
    ja: z.array(Term).min(1),
  })
  .passthrough();
const FileSchema = z.array(ConceptSchema);

const errors: string[] = [];
const warnings: string[] = [];
const foreignStyle: string[] = [];
const ids = new Map<string, string>();
const perDomain: Record<string, number> = {};
const perFile: Record<string, number> = {};
let terms = 0;

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
if (!files.length) errors.push(`no glossary files in ${DIR}`);

for (const f of files) {
  const path = join(DIR, f);
  const size = statSync(path).size;
  if (size > MAX_BYTES) errors.push(`${f}: ${size} bytes exceeds 1.5 MB`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    errors.push(`${f}: invalid JSON: ${(e as Error).message}`);
    continue;
  }
  const parsed = FileSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 20))
      errors.push(`${f}: [${issue.path.join('.')}] ${issue.message}`);
    continue;
  }
  perFile[f] = parsed.data.length;
  const strict = f.replace(/\.json$/, '') in OUTPUTS;
  const fail = (msg: string) => (strict ? errors : foreignStyle).push(msg);
  for (const c of parsed.data) {
    const where = `${f}:${c.id}`;
    const prev = ids.get(c.id);
    if (prev) errors.push(`duplicate id ${c.id} in ${f} (first in ${prev})`);
    else ids.set(c.id, f);
    perDomain[c.domain] = (perDomain[c.domain] ?? 0) + 1;
    for (const [side, list] of [
      ['en', c.en],
      ['ja', c.ja],
    ] as const) {
      const seen = new Set<string>();
      for (const t of list) {
        terms++;
        if (t.trim() === '') fail(`${where}: empty ${side} term`);
        if (t !== t.trim()) fail(`${where}: untrimmed ${side} term "${t}"`);
        if (seen.has(t)) warnings.push(`${where}: repeated ${side} term "${t}"`);
        seen.add(t);
        if (BANNED_EN.has(t) || BANNED_JA.has(t)) fail(`${where}: banned generic term "${t}"`);
      }
    }
    for (const t of c.en) {
      if (t !== t.toLowerCase()) fail(`${where}: English term not lower-case "${t}"`);
      if (t.length < 2) fail(`${where}: English term too short "${t}"`);
    }
    for (const t of c.ja) {
      if ([...t].length < 2) fail(`${where}: single-character Japanese term "${t}"`);
    }
    if (!c.ja.some((t) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(t)))
      warnings.push(`${where}: no Japanese-script term (only ${JSON.stringify(c.ja)})`);
  }
}

console.log('concepts per file:');
for (const [f, n] of Object.entries(perFile)) console.log(`  ${f.padEnd(30)} ${n}`);
console.log('concepts per domain:');
for (const d of DOMAINS) console.log(`  ${d.padEnd(30)} ${perDomain[d] ?? 0}`);
console.log(`total: ${ids.size} concepts, ${terms} terms`);
if (foreignStyle.length) {
  warnings.push(
    `${foreignStyle.length} term-style finding(s) in files not built here (e.g. ${foreignStyle.slice(0, 3).join('; ')})`,
  );
}
if (warnings.length) {
  console.log(`${warnings.length} warning(s):`);
  for (const w of warnings.slice(-30)) console.log(`  warn: ${w}`);
}
if (errors.length) {
  console.error(`${errors.length} error(s):`);
  for (const e of errors.slice(0, 100)) console.error(`  error: ${e}`);
  process.exit(1);
}
console.log('glossary OK');
