import Papa from 'papaparse';

/** Byte-order mark: Excel (Japanese Windows) reads a CSV as UTF-8 only when it starts with one. */
export const BOM = '\uFEFF';

/**
 * CSV that opens correctly in Japanese Excel: UTF-8 with BOM, CRLF line ends, every cell
 * quoted. Cells starting with = + - @ (or tab/CR) are prefixed with ' so a spreadsheet never
 * runs them as formulas (CSV injection).
 */
export function toExcelCsv(headers: string[], rows: unknown[][]): string {
  const safe = rows.map((row) => row.map(cell));
  return BOM + Papa.unparse({ fields: headers, data: safe }, { newline: '\r\n', quotes: true }) + '\r\n';
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join('; ') : value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
