import { describe, expect, it } from 'vitest';
import { toExcelCsv } from './csv';

describe('toExcelCsv', () => {
  it('writes UTF-8 with BOM, CRLF, quoted cells, and defuses formulas', async () => {
    const csv = toExcelCsv(
      ['title', 'keywords'],
      [
        ['精密加工, "引用"', ['a', 'b']],
        ['=HYPERLINK("x")', null],
      ],
    );
    expect(csv.startsWith('\uFEFF"title","keywords"\r\n')).toBe(true);
    expect(csv).toContain('"精密加工, ""引用""","a; b"\r\n');
    expect(csv).toContain(`"'=HYPERLINK(""x"")",""`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
