import Papa from 'papaparse';
import { headerIndex, normaliseHeader, type Column } from './columns';
import type { ListingCollection } from '@/db/vocabulary/listings';
import { ImportFileError } from './encoding';
import { MAX_ROWS } from './limits';

export type CsvRecord = { row: number; cells: string[] };
export type ParsedCsv = {
  headers: string[];
  columns: Column[];
  records: CsvRecord[];
  malformed: { row: number; key: string }[];
};

/**
 * Parses decoded CSV text (comma, tab or semicolon separated; quoted cells may hold line
 * breaks) and maps its header to the listing columns. Wrong headers are a file error that
 * names the unknown and missing columns; a row whose cell count differs from the header is a
 * row error. `row` is the record's line in a spreadsheet: the header is row 1.
 */
export async function parseCsv(text: string, kind: ListingCollection): Promise<ParsedCsv> {
  const { data, quoteErrors } = await parseInChunks(text);
  if (data.length === 0) throw new ImportFileError('empty');
  const headers = data[0].map((h) => h.trim());
  const columns = matchHeaders(headers, kind);
  const records: CsvRecord[] = [];
  const malformed: ParsedCsv['malformed'] = [];
  if (data.length - 1 > MAX_ROWS) throw new ImportFileError('too_many_rows', { max: MAX_ROWS, count: data.length - 1 });
  for (let i = 1; i < data.length; i++) {
    const row = i + 1;
    const cells = data[i];
    if (quoteErrors.has(i)) malformed.push({ row, key: 'import.errors.quotes' });
    else if (cells.length !== headers.length) {
      malformed.push({ row, key: `import.errors.cell_count?expected=${headers.length}&actual=${cells.length}` });
    } else records.push({ row, cells });
  }
  if (records.length + malformed.length === 0) throw new ImportFileError('no_rows');
  return { headers, columns, records, malformed };
}

const CHUNK_BYTES = 64 * 1024;

/** Every record's cells, and the indexes (0 = header) of records with a quote error. */
function parseInChunks(text: string): Promise<{ data: string[][]; quoteErrors: Set<number> }> {
  const data: string[][] = [];
  const quoteErrors = new Set<number>();
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(text, {
      header: false,
      skipEmptyLines: 'greedy',
      delimitersToGuess: [',', '\t', ';'],
      chunkSize: CHUNK_BYTES,
      chunk(result: Papa.ParseResult<string[]>) {
        const offset = data.length; // a chunk's error rows count from its own first record
        for (const record of result.data) data.push(record);
        for (const e of result.errors) if (e.type === 'Quotes' && e.row !== undefined) quoteErrors.add(offset + e.row);
      },
      complete: () => resolve({ data, quoteErrors }),
      error: (error: Error) => reject(error),
    });
  });
}

function matchHeaders(headers: string[], kind: ListingCollection): Column[] {
  const index = headerIndex(kind);
  const columns: Column[] = [];
  const unknown: string[] = [];
  const seen = new Map<string, string>();
  const duplicate: string[] = [];
  for (const header of headers) {
    const column = index.get(normaliseHeader(header));
    if (!column) {
      unknown.push(header === '' ? '""' : header);
      continue;
    }
    if (seen.has(column.name)) duplicate.push(header);
    seen.set(column.name, header);
    columns.push(column);
  }
  const missing = [...new Set([...index.values()])].filter((c) => c.required && !seen.has(c.name)).map((c) => c.name);
  if (unknown.length || missing.length || duplicate.length) {
    throw new ImportFileError('columns', {
      unknown: unknown.join(', ') || '—',
      missing: missing.join(', ') || '—',
      duplicate: duplicate.join(', ') || '—',
      expected: [...new Set([...index.values()])].map((c) => c.name).join(', '),
    });
  }
  return columns;
}

/** A CSV template with the canonical headers (what the export writes, too). */
export function templateHeaders(kind: ListingCollection): string[] {
  return [...new Set([...headerIndex(kind).values()])].map((c) => c.name);
}
