import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { operations } from '@/lib/api/v1';
import { AppError } from '@/lib/errors';
import { analyseImport } from '@/lib/import/analyse';
import { columnsByKind } from '@/lib/import/columns';
import { ImportFileError } from '@/lib/import/encoding';
import { formDataObject, parseInput } from '@/lib/validation/input';
import { fieldErrorsOf, parseMessage } from '@/lib/validation/messages';

// Fuzzing as a test (issue 12): generated inputs against the zod schema of every server action and
// every /api/v1 operation, through the same gate the wrappers use (parseInput for actions; the API
// pipeline's NUL check + safeParse + fieldErrorsOf), and against the import parser. Each input is
// accepted or refused with field errors whose messages exist in both languages: never another
// exception (which the action or route would turn into a 500 or 'internal'). The in-process /api/v1
// handlers get their own run against a database: tests/integration/fuzz-api.test.ts.

const root = path.resolve(import.meta.dirname, '../..');
const RUNS_PER_SCHEMA = Number(process.env.FUZZ_RUNS ?? 160);
const IMPORT_RUNS = Number(process.env.FUZZ_IMPORT_RUNS ?? 700);
let generated = 0;

// ---- messages: a refusal's every message must be a key both catalogues have ----
const catalogue = (locale: string) =>
  Object.assign(
    {},
    ...fs
      .readdirSync(path.join(root, 'messages', locale))
      .map((f) => JSON.parse(fs.readFileSync(path.join(root, 'messages', locale, f), 'utf8'))),
  ) as Record<string, unknown>;
const catalogues = [catalogue('en'), catalogue('ja')];
const known = (message: string) => {
  const { key } = parseMessage(message);
  return catalogues.every((c) => typeof key.split('.').reduce<unknown>((n, p) => (n as never)?.[p], c) === 'string');
};

// ---- the schemas of every server action ----
type Schemas = Map<string, ZodType>;
const isSchema = (v: unknown): v is ZodType =>
  typeof v === 'object' && v !== null && typeof (v as ZodType).safeParse === 'function';

async function exportedSchemas(): Promise<Schemas> {
  const found: Schemas = new Map();
  const files = fs
    .readdirSync(path.join(root, 'lib'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)([\w-]*validation)\.ts$/.test(f) && !f.includes('.test.'));
  for (const file of files) {
    const mod = (await import(path.join(root, 'lib', file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (isSchema(value)) found.set(`lib/${file}#${name}`, value);
  }
  return found;
}

/** The schema argument of every authedAction(perm, schema, …) / publicAction(schema, …) call. */
function actionSchemaExpressions(): { file: string; expression: string }[] {
  const out: { file: string; expression: string }[] = [];
  const files = fs
    .readdirSync(path.join(root, 'lib'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)actions\.ts$/.test(f));
  for (const file of files) {
    const source = fs.readFileSync(path.join(root, 'lib', file), 'utf8');
    // authedAction's first argument is its permission: a name ('needs.create'), or one per kind
    // ({ need: …, seed: … } written there or as a const); publicAction has none
    for (const m of source.matchAll(
      /(?:authedAction\(\s*(?:'[\w.]+'|\{[^}]*\}|[\w$]+)\s*,|publicAction\()\s*([\s\S]+?),\s*(?:async\s*)?\(/g,
    ))
      out.push({ file: `lib/${file}`, expression: m[1].trim() });
  }
  return out;
}

/** Field names and enum choices of a schema, looking through optional/default/pipe/transform wrappers. */
function shapeOf(schema: unknown, depth = 0): Record<string, unknown> | null {
  const s = schema as { shape?: Record<string, unknown>; _zod?: { def?: Record<string, unknown> } };
  if (!s || depth > 8) return null;
  if (s.shape && typeof s.shape === 'object') return s.shape;
  const def = s._zod?.def ?? {};
  for (const inner of [def.in, def.innerType, def.schema, def.out]) {
    const shape = inner ? shapeOf(inner, depth + 1) : null;
    if (shape) return shape;
  }
  return null;
}
function choicesOf(schema: unknown, depth = 0): unknown[] {
  const s = schema as { options?: unknown[]; _zod?: { def?: Record<string, unknown> } };
  if (!s || depth > 8) return [];
  if (Array.isArray(s.options)) return s.options.filter((o) => typeof o !== 'object');
  const def = s._zod?.def ?? {};
  if (Array.isArray(def.values)) return def.values as unknown[];
  for (const inner of [def.in, def.innerType, def.element]) {
    const choices = inner ? choicesOf(inner, depth + 1) : [];
    if (choices.length) return def.element ? [choices] : choices;
  }
  return [];
}

// ---- inputs ----
const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF\uD800',
  '電',
  'ア',
  '!',
  '%ED%A0%80',
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '@mail.footer',
  '{name}',
  '00000000-0000-4000-8000-000000000000',
  'not-a-uuid',
  '2024-02-30',
  '2026-12-05T03:00:00Z',
  '-1',
  '1e309',
  'NaN',
  'x'.repeat(5000),
  '__proto__',
  'constructor',
);
const leaf = fc.oneof(
  nasty,
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom(10n ** 30n, -1n),
  fc.date({ noInvalidDate: false }),
);
const value = fc.oneof(
  { weight: 4, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(nasty, fc.string({ maxLength: 8 })), leaf, { maxKeys: 4 }) },
);

/** Objects with the schema's own field names (so the refinements deep inside are reached), often well-typed. */
function inputsFor(schema: ZodType): fc.Arbitrary<unknown> {
  const shape = shapeOf(schema);
  const anything = fc.anything({ withNullPrototype: true, withDate: true, withSparseArray: true });
  if (!shape) return fc.oneof(anything, value);
  const fields = Object.fromEntries(
    Object.entries(shape).map(([key, field]) => {
      const choices = choicesOf(field);
      const nested = shapeOf(field);
      const options: fc.Arbitrary<unknown>[] = [value];
      if (choices.length) options.push(fc.constantFrom(...choices));
      if (nested) options.push(inputsFor(field as ZodType));
      return [key, fc.oneof(...options)];
    }),
  );
  const keyed = fc.record(fields, { requiredKeys: [] });
  const smuggled = fc.tuple(keyed, fc.dictionary(fc.oneof(nasty, fc.string({ maxLength: 8 })), value, { maxKeys: 2 }));
  return fc.oneof(
    { weight: 6, arbitrary: keyed },
    { weight: 1, arbitrary: smuggled.map(([a, b]) => ({ ...b, ...a })) },
    { weight: 1, arbitrary: anything },
  );
}

/** As a form posted without JavaScript would send it: every leaf a string under its dotted name. */
function asFormData(input: unknown): FormData {
  const form = new FormData();
  const walk = (v: unknown, name: string, depth: number) => {
    if (depth > 4) return;
    if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
      for (const [k, x] of Object.entries(v)) walk(x, name ? `${name}.${k}` : k, depth + 1);
    } else if (name) form.append(name, String(v));
  };
  walk(input, '', 0);
  return form;
}

type Outcome = 'accepted' | 'refused';
function throughAction(schema: ZodType, input: unknown): Outcome {
  try {
    parseInput(schema, input);
    return 'accepted';
  } catch (error) {
    // the only refusal a wrapper turns into a field error; anything else would be 'internal'
    if (!(error instanceof AppError) || error.code !== 'invalid') throw error;
    const messages = Object.values(error.fieldErrors ?? {}).flat();
    if (!messages.length) throw new Error(`a refusal without a field error: ${JSON.stringify(error)}`);
    const unknownMessages = messages.filter((m) => !known(m));
    if (unknownMessages.length) throw new Error(`unclear refusal (no text for): ${unknownMessages.join(', ')}`);
    return 'refused';
  }
}

/** What lib/api/handler does with a query or body: NUL check, safeParse, then 400 with fieldErrorsOf. */
function throughApi(schema: ZodType, input: unknown): Outcome {
  const parsed = schema.safeParse(input);
  if (parsed.success) return 'accepted';
  const fields = fieldErrorsOf(parsed.error);
  const messages = Object.values(fields).flat();
  if (!messages.length) throw new Error('a 400 without field errors');
  const unknownMessages = messages.filter((m) => !known(m));
  if (unknownMessages.length) throw new Error(`unclear refusal (no text for): ${unknownMessages.join(', ')}`);
  return 'refused';
}

let schemas: Schemas;
beforeAll(async () => {
  schemas = await exportedSchemas();
}, 120_000);

describe('fuzzing: every server action’s schema', () => {
  it('covers every action: each schema argument is an exported schema (or built from one / inline z)', () => {
    const names = new Set([...schemas.keys()].map((k) => k.split('#')[1]));
    const uncovered = actionSchemaExpressions().filter(({ file, expression }) => {
      const head = /^[\w$]+/.exec(expression)?.[0] ?? '';
      if (head === 'z' || names.has(head)) return false;
      // a schema made in the actions file from an exported one
      const local = new RegExp(`const\\s+${head}\\s*=\\s*([\\w$]+)`).exec(
        fs.readFileSync(path.join(root, file), 'utf8'),
      );
      return !(local && (local[1] === 'z' || names.has(local[1])));
    });
    expect(uncovered).toEqual([]);
    expect(actionSchemaExpressions().length).toBeGreaterThan(50);
  });

  it(`${RUNS_PER_SCHEMA} generated inputs per schema (as JSON and as a no-JavaScript form): accepted, or refused with clear field errors`, () => {
    const tally = { accepted: 0, refused: 0 };
    for (const [name, schema] of schemas) {
      fc.assert(
        fc.property(inputsFor(schema), (input) => {
          tally[throughAction(schema, input)]++;
          tally[throughAction(schema, formDataObject(asFormData(input)))]++;
          generated += 2;
        }),
        { numRuns: RUNS_PER_SCHEMA, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31), endOnFailure: true },
      );
      expect(name).toBeTruthy();
    }
    expect(tally.refused).toBeGreaterThan(0);
    expect(tally.accepted + tally.refused).toBe(schemas.size * RUNS_PER_SCHEMA * 2);
  }, 120_000);
});

describe('fuzzing: every /api/v1 operation’s params, query and body', () => {
  it(`${RUNS_PER_SCHEMA} inputs per schema: accepted, or a 400/404 with clear field errors`, () => {
    let count = 0;
    for (const operation of Object.values(operations) as { params?: unknown; query?: unknown; body?: unknown }[]) {
      for (const schema of [operation.params, operation.query, operation.body].filter(isSchema)) {
        fc.assert(
          fc.property(inputsFor(schema), (input) => {
            throughApi(schema, input);
            generated++;
            count++;
          }),
          { numRuns: RUNS_PER_SCHEMA, endOnFailure: true },
        );
      }
    }
    expect(count).toBeGreaterThanOrEqual(8 * RUNS_PER_SCHEMA);
  }, 120_000);
});

describe('fuzzing: the import parser', () => {
  const headers = [...columnsByKind.needs.flatMap((c) => [c.name, ...(c.aliases ?? [])]), 'colour', '', '"'];
  const cell = fc.oneof(
    nasty,
    fc.string({ maxLength: 30 }),
    fc.constantFrom('it', 'manufacturing', '4', '1,000', 'a;b'),
  );
  const csvText = fc
    .tuple(
      fc.uniqueArray(fc.constantFrom(...headers), { minLength: 0, maxLength: 8 }),
      fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 12 }),
      fc.constantFrom(',', '\t', ';'),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.boolean(),
    )
    .map(([head, rows, sep, eol, quote]) => {
      const q = (s: string) => (quote ? `"${s.replaceAll('"', '""')}"` : s);
      return [head.map(q).join(sep), ...rows.map((r) => r.map(q).join(sep))].join(eol);
    });
  const json = fc.oneof(nasty, fc.jsonValue({ maxDepth: 2 }));
  const file = fc.oneof(
    { weight: 5, arbitrary: csvText.map((t) => ({ bytes: new TextEncoder().encode(t), name: 'fuzz.csv' })) },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 400 }).map((bytes) => ({ bytes, name: 'fuzz.csv' })) },
    { weight: 2, arbitrary: fc.json().map((t) => ({ bytes: new TextEncoder().encode(t), name: 'fuzz.json' })) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.record({ title: json, summary: json, domain: json, trlMin: json }, { requiredKeys: [] }), {
          maxLength: 5,
        })
        .map((items) => ({ bytes: new TextEncoder().encode(JSON.stringify(items)), name: 'fuzz.json' })),
    },
  );

  it(`${IMPORT_RUNS} generated files: a summary whose every row error is explained, or a clear file error`, async () => {
    let summaries = 0;
    let fileErrors = 0;
    await fc.assert(
      fc.asyncProperty(file, fc.constantFrom('needs', 'seeds' as const), async ({ bytes, name }, kind) => {
        generated++;
        try {
          const { summary } = await analyseImport({ bytes, fileName: name, kind, intent: 'draft' });
          expect(summary.validCount + summary.invalidCount).toBe(summary.total);
          for (const e of summary.errors) expect(known(e.message), e.message).toBe(true);
          summaries++;
        } catch (error) {
          if (!(error instanceof ImportFileError)) throw error;
          expect(known(`import.errors.${error.key}`), error.key).toBe(true);
          fileErrors++;
        }
      }),
      { numRuns: IMPORT_RUNS, endOnFailure: true },
    );
    expect(summaries).toBeGreaterThan(0);
    expect(fileErrors).toBeGreaterThan(0);
  }, 120_000);

  it('altogether at least 10,000 generated inputs per run', () => {
    console.log(`fuzz: ${generated} generated inputs, 0 unhandled errors`);
    expect(generated).toBeGreaterThanOrEqual(10_000);
  });
});
