import type { ListingCollection } from '@/db/vocabulary/listings';
import { parseCsv } from './csv';
import { decodeText, ImportFileError, type DetectedEncoding } from './encoding';
import { jsonRows } from './json';
import { MAX_FILE_BYTES, MAX_LISTED_ERRORS, PREVIEW_ROWS } from './limits';
import {
  columnFinder,
  recordToInput,
  textOf,
  validateRows,
  type Intent,
  type RowError,
  type SourceRow,
  type ValidRow,
} from './rows';

export type ImportFormat = 'csv' | 'json';

/** What the preview shows; plain data, so it crosses to the browser as JSON. */
export type ImportSummary = {
  kind: ListingCollection;
  format: ImportFormat;
  encoding: DetectedEncoding;
  total: number;
  validCount: number;
  invalidCount: number;
  /** Every row's errors up to MAX_LISTED_ERRORS; `errorCount` counts them all. */
  errors: RowError[];
  errorCount: number;
  sample: { row: number; title: string; domain: string; language: string }[];
  otherKindCount: number;
};

export type ImportAnalysis<K extends ListingCollection = ListingCollection> = {
  summary: ImportSummary;
  valid: ValidRow<K>[];
};

export function formatOf(fileName: string, bytes: Uint8Array): ImportFormat {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  // no telling extension: JSON starts with { or [ (after an optional BOM and spaces)
  for (const b of bytes.subarray(0, 64)) {
    if (b === 0xef || b === 0xbb || b === 0xbf || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    return b === 0x7b || b === 0x5b ? 'json' : 'csv';
  }
  return 'csv';
}

/**
 * Decode → parse → validate every row: pure CPU work (a maximal file takes seconds), so the server runs it in a
 * worker thread (lib/import/analyse-off-thread), never on the thread that serves requests. Throws ImportFileError
 * for problems of the whole file (too large, wrong encoding, wrong columns, too many rows); collects row problems.
 */
export async function analyseImport<K extends ListingCollection>(input: {
  bytes: Uint8Array;
  fileName: string;
  kind: K;
  intent: Intent;
}): Promise<ImportAnalysis<K>> {
  const { bytes, fileName, kind, intent } = input;
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new ImportFileError('too_large', { maxMb: MAX_FILE_BYTES / 1024 / 1024 });
  }
  const format = formatOf(fileName, bytes);
  const { text, encoding } = decodeText(bytes);
  let rows: SourceRow[];
  let malformed: RowError[] = [];
  let otherKindCount = 0;
  if (format === 'csv') {
    const csv = await parseCsv(text, kind);
    const columnOf = columnFinder(csv.columns, csv.headers);
    rows = [];
    for (const record of csv.records) {
      rows.push({ row: record.row, input: recordToInput(csv.columns, record, intent), columnOf });
    }
    malformed = csv.malformed.map((m) => ({ row: m.row, column: '—', message: m.key }));
  } else {
    const json = jsonRows(text, kind, intent);
    rows = json.rows;
    otherKindCount = json.otherKindCount;
  }
  const { valid, errors, invalidRows } = validateRows(kind, rows);
  const allErrors = [...malformed, ...errors].sort((a, b) => a.row - b.row);
  return {
    valid,
    summary: {
      kind,
      format,
      encoding,
      total: rows.length + malformed.length,
      validCount: valid.length,
      invalidCount: invalidRows + malformed.length,
      errors: allErrors.slice(0, MAX_LISTED_ERRORS),
      errorCount: allErrors.length,
      sample: rows.slice(0, PREVIEW_ROWS).map((r) => ({
        row: r.row,
        title: textOf(r.input.title).slice(0, 200),
        domain: textOf(r.input.domain),
        language: textOf(r.input.language),
      })),
      otherKindCount,
    },
  };
}
