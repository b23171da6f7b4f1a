import Papa from 'papaparse';
import { calendarDayIn, wallTimeIn } from '@/lib/i18n/time-zone';

/** Byte-order mark: Excel (Japanese Windows) reads a CSV as UTF-8 only when it starts with one. */
export const BOM = '\uFEFF';

/**
 * CSV that opens correctly in Japanese Excel: UTF-8 with BOM, CRLF line ends, every cell
 * quoted. Cells starting with = + - @ (or tab/CR) are prefixed with ' so a spreadsheet never
 * runs them as formulas (CSV injection). Dates are written as the reader's wall-clock time,
 * `2026-12-17 14:00` in their time zone (a layout every Excel reads as a date), so rows with
 * dates need `timeZone`.
 */
export function toExcelCsv(headers: string[], rows: unknown[][], options: { timeZone?: string } = {}): string {
  const safe = rows.map((row) => row.map((value) => cell(value, options.timeZone)));
  return `${BOM}${Papa.unparse({ fields: headers, data: safe }, { newline: '\r\n', quotes: true })}\r\n`;
}

function cell(value: unknown, timeZone: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (!timeZone) throw new Error('toExcelCsv: a date needs the reader’s time zone');
    return wallTimeIn(value, timeZone);
  }
  const text = Array.isArray(value) ? value.join('; ') : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** `clustermatch-needs-2026-12-05.csv`: dated with the reader's today, not UTC's. */
export function csvFileName(name: string, timeZone: string, now = new Date()): string {
  return `clustermatch-${name}-${calendarDayIn(now, timeZone)}.csv`;
}
