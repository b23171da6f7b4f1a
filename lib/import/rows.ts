import { needSchema, seedSchema } from '@/lib/listings/validation';
import type { z } from '@/lib/validation/messages';
import { NUL_MESSAGE, nulFieldErrors } from '@/lib/validation/input';
import { enumValue, type Column } from './columns';
import type { ListingCollection } from '@/db/vocabulary/listings';
import type { CsvRecord } from './csv';

export type Intent = 'draft' | 'submit';
/** One problem of one row: `message` is an i18n key (with params after `?`), translated where shown. */
export type RowError = { row: number; column: string; message: string };
export type SourceRow = { row: number; input: Record<string, unknown>; columnOf?: (field: string) => string };
export type ValidRow<K extends ListingCollection> = {
  row: number;
  data: K extends 'needs' ? z.infer<typeof needSchema> : z.infer<typeof seedSchema>;
};
export type Validated<K extends ListingCollection> = { valid: ValidRow<K>[]; errors: RowError[]; invalidRows: number };

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;
const LIST_SEPARATORS = /[;;、,,|\n]/;

export function schemaFor(kind: ListingCollection) {
  return kind === 'needs' ? needSchema : seedSchema;
}

/** A CSV row's cells → the listing schema's input (still unvalidated). */
export function recordToInput(columns: Column[], record: CsvRecord, intent: Intent): Record<string, unknown> {
  const input: Record<string, unknown> = { intent };
  const ip: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    const value = cellValue(column, record.cells[i] ?? '');
    if (value === undefined) return;
    if (column.field.startsWith('ipRecords.0.')) ip[column.field.slice('ipRecords.0.'.length)] = value;
    else input[column.field] = value;
  });
  if (Object.values(ip).some((v) => v !== '' && v !== undefined)) input.ipRecords = [ip];
  return withDefaults(input);
}

/**
 * A cell's value as text for the preview and the language guess, before validation: a JSON file may hold anything
 * there, and an object (one with its own "toString" cannot even be printed) shows as nothing.
 */
export function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** Values the spreadsheet may leave out: visibility "members", language guessed from the text. */
export function withDefaults(input: Record<string, unknown>): Record<string, unknown> {
  if (input.visibility === undefined || input.visibility === '') input.visibility = 'members';
  if (input.language === undefined || input.language === '') {
    input.language = JAPANESE.test(textOf(input.title) + textOf(input.summary)) ? 'ja' : 'en';
  }
  return input;
}

function cellValue(column: Column, raw: string): unknown {
  const text = raw.trim();
  switch (column.cell) {
    case 'text':
      return text;
    case 'int': {
      const n = text.normalize('NFKC').replace(/[,\s円¥]/g, '');
      if (n === '') return undefined;
      return /^-?\d+$/.test(n) ? Number(n) : text;
    }
    case 'date': {
      const d = text.normalize('NFKC');
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(d);
      return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : d;
    }
    case 'enum':
      return text === '' ? undefined : enumValue(text, column.values ?? {});
    case 'list':
    case 'enumList': {
      const items = text
        .split(LIST_SEPARATORS)
        .map((s) => s.trim())
        .filter(Boolean);
      return column.cell === 'list' ? items : items.map((s) => enumValue(s, column.values ?? {}));
    }
  }
}

/** Field path of a zod issue → the CSV column that holds it (or the path itself for JSON). */
export function columnFinder(columns: Column[], headers: string[]): (field: string) => string {
  return (field) => {
    const i = columns.findIndex((c) => c.field === field || field.startsWith(`${c.field}.`));
    if (i >= 0) return headers[i] ?? columns[i].name;
    const ip = columns.findIndex((c) => c.field.startsWith('ipRecords.0.') && field.startsWith('ipRecords'));
    return ip >= 0 ? 'ip_*' : field;
  };
}

/**
 * Validates every row with the listings schema (the same one the forms and the API use)
 * and collects every row's errors: the row, the column and the reason.
 */
export function validateRows<K extends ListingCollection>(kind: K, rows: SourceRow[]): Validated<K> {
  const schema = schemaFor(kind);
  const valid: ValidRow<K>[] = [];
  const errors: RowError[] = [];
  let invalidRows = 0;
  for (const source of rows) {
    const parsed = schema.safeParse(source.input);
    const nul = nulFieldErrors(source.input);
    if (parsed.success && !nul) {
      valid.push({ row: source.row, data: parsed.data as ValidRow<K>['data'] });
      continue;
    }
    invalidRows++;
    const issues = [
      ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }))),
      ...Object.keys(nul ?? {}).map((field) => ({ field, message: NUL_MESSAGE })),
    ];
    for (const { field, message } of issues) {
      const f = field && field !== '_form' ? field : '_row';
      errors.push({ row: source.row, column: source.columnOf ? source.columnOf(f) : f, message });
    }
  }
  return { valid, errors, invalidRows };
}
