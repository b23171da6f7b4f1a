import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { analyseImport, formatOf } from './analyse';
import { analyseImportOffThread, readUploadForm } from './analyse-off-thread';
import { enumValue, columnsByKind } from './columns';
import { parseCsv } from './csv';
import { decodeText, ImportFileError } from './encoding';
import { enc, fileError } from './test-support';

const sjis = (s: string) => new Uint8Array(iconv.encode(s, 'cp932'));
const fileErrorOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected an ImportFileError');
};

const NEEDS_CSV =
  'タイトル,概要,分野,キーワード,TRL下限\n圧縮空気の漏れ検知,稼働中に漏れを見つけたい,環境・エネルギー,省エネ;漏れ検知,4\n';

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, and Shift_JIS', async () => {
    expect(decodeText(enc(NEEDS_CSV))).toEqual({ text: NEEDS_CSV, encoding: 'utf-8' });
    expect(decodeText(enc(`\uFEFF${NEEDS_CSV}`))).toEqual({ text: NEEDS_CSV, encoding: 'utf-8-bom' });
    expect(decodeText(sjis(`${NEEDS_CSV}①㈱`))).toEqual({ text: `${NEEDS_CSV}①㈱`, encoding: 'shift_jis' });
  });

  it('refuses UTF-16, binary files, bytes valid in neither encoding, and empty files', async () => {
    expect(fileError(() => decodeText(new Uint8Array(iconv.encode('\uFEFFtitle', 'utf16le')))).key).toBe('utf16');
    expect(fileError(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).key).toBe('binary');
    expect(
      fileError(() => decodeText(new Uint8Array([0x74, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0x81, 0x20, 0xff]))).key,
    ).toBe('encoding');
    expect(fileError(() => decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x41]))).key).toBe('encoding');
    expect(fileError(() => decodeText(new Uint8Array())).key).toBe('empty');
  });
});

describe('parseCsv', () => {
  it('maps Japanese and English headers loosely (case, width, spacing)', async () => {
    const parsed = await parseCsv('ＴＩＴＬＥ, Summary ,DOMAIN\na,b,it\n', 'needs');
    expect(parsed.columns.map((c) => c.name)).toEqual(['title', 'summary', 'domain']);
    expect(parsed.records).toEqual([{ row: 2, cells: ['a', 'b', 'it'] }]);
  });

  it('names unknown, missing and repeated columns', async () => {
    const error = await fileErrorOf(parseCsv('title,colour,title\nx,y,z\n', 'needs'));
    expect(error.key).toBe('columns');
    expect(error.params).toMatchObject({ unknown: 'colour', missing: 'summary, domain', duplicate: 'title' });
  });

  it('seed columns are not need columns', async () => {
    expect((await fileErrorOf(parseCsv('title,summary,domain,trl\nx,y,it,4\n', 'needs'))).params.unknown).toBe('trl');
  });

  it('reports rows with the wrong number of cells and keeps quoted line breaks', async () => {
    const parsed = await parseCsv('title,summary,domain\n"two\nlines",b,it\nonly,two\n', 'needs');
    expect(parsed.records[0].cells[0]).toBe('two\nlines');
    expect(parsed.malformed).toEqual([{ row: 3, key: 'import.errors.cell_count?expected=3&actual=2' }]);
  });

  it('refuses a header-only file', async () => {
    expect((await fileErrorOf(parseCsv('title,summary,domain\n', 'needs'))).key).toBe('no_rows');
  });
});

describe('enumValue', () => {
  it('accepts keys and Japanese labels', async () => {
    const domain = columnsByKind.needs.find((c) => c.name === 'domain')!.values!;
    expect(enumValue('環境・エネルギー', domain)).toBe('environment_energy');
    expect(enumValue('IT', domain)).toBe('it');
    expect(enumValue('Manufacturing', domain)).toBe('manufacturing');
    expect(enumValue('astrology', domain)).toBe('astrology');
  });
});

describe('analyseImport', () => {
  it('validates every row and reports row, column and reason', async () => {
    const csv = [
      'title,summary,domain,trl_min,trl_max,budget_min_jpy,visibility,keywords',
      'Good one,Fine,it,3,5,"1,000,000",members,a;b',
      ',Missing title,astrology,12,5,,everyone,',
      'Range,Wrong,it,7,3,,members,',
      'Budget,Wrong,it,,,abc,members,',
    ].join('\r\n');
    const { summary, valid } = await analyseImport({
      bytes: enc(csv),
      fileName: 'x.csv',
      kind: 'needs',
      intent: 'draft',
    });
    expect(summary).toMatchObject({ total: 4, validCount: 1, invalidCount: 3, format: 'csv', encoding: 'utf-8' });
    expect(valid[0].data).toMatchObject({
      title: 'Good one',
      trlMin: 3,
      budgetMinJpy: 1_000_000,
      keywords: ['a', 'b'],
      language: 'en',
      intent: 'draft',
    });
    const byRow = (row: number) => summary.errors.filter((e) => e.row === row).map((e) => `${e.column}: ${e.message}`);
    expect(byRow(3)).toEqual(
      expect.arrayContaining([
        'title: validation.required',
        'domain: validation.choice',
        'trl_min: validation.too_big?maximum=9',
        'visibility: validation.choice',
      ]),
    );
    expect(byRow(4)).toEqual(['trl_max: listings.errors.trl_range']);
    expect(byRow(5)).toEqual(['budget_min_jpy: validation.type']);
  });

  it('reads a Shift_JIS seed CSV with one IP record per row and Japanese labels', async () => {
    const csv =
      'タイトル,概要,分野,TRL,ライセンス条件,権利状況,出願国,発明の名称,出願番号,出願日\n固体電解質,量産プロセス,環境・エネルギー,5,非独占、共同研究,登録,JP,固体電解質の製法,特許第7000001号,2021/4/1\n';
    const { summary, valid } = await analyseImport({
      bytes: sjis(csv),
      fileName: 'seeds.csv',
      kind: 'seeds',
      intent: 'submit',
    });
    expect(summary).toMatchObject({ encoding: 'shift_jis', validCount: 1, invalidCount: 0 });
    expect(valid[0].data).toMatchObject({
      language: 'ja',
      licensing: ['non_exclusive', 'joint_research'],
      ipRecords: [{ status: 'granted', jurisdiction: 'JP', number: '特許第7000001号', filedOn: '2021-04-01' }],
    });
  });

  it('refuses files over the size limit before reading them', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    expect(
      (await fileErrorOf(analyseImport({ bytes: big, fileName: 'big.csv', kind: 'needs', intent: 'draft' }))).key,
    ).toBe('too_large');
  });

  it('refuses more than 20,000 rows with the count', async () => {
    const csv = `title,summary,domain\n${'a,b,it\n'.repeat(20_001)}`;
    const error = await fileErrorOf(
      analyseImport({ bytes: enc(csv), fileName: 'many.csv', kind: 'needs', intent: 'draft' }),
    );
    expect(error).toMatchObject({ key: 'too_many_rows', params: { max: 20_000, count: 20_001 } });
  });

  it('a maximal preview (9.8 MB, 20,000 rows) runs off the main thread: its event loop keeps turning all along', async () => {
    const row = (i: number) => `"需要 ${i}","${'精密加工の摩耗検知。'.repeat(14)} ${i}",it,"省エネ;漏れ検知",4\n`;
    const csv = `title,summary,domain,keywords,trl_min\n${Array.from({ length: 20_000 }, (_, i) => row(i)).join('')}`;
    expect(enc(csv).byteLength).toBeGreaterThan(9 * 1024 * 1024);
    const form = new FormData();
    form.set('kind', 'needs');
    form.set('file', new File([csv], 'max.csv', { type: 'text/csv' }));
    const upload = new Request('http://localhost/api/import', { method: 'POST', body: form });
    const body = await upload.arrayBuffer();
    await analyseImportOffThread(
      { bytes: enc(NEEDS_CSV).buffer, fileName: 'warm.csv', kind: 'needs', intent: 'draft' },
      { withRows: false },
    ); // the worker thread is started (and its modules loaded) before counting
    let turns = 0;
    let done = false;
    const spin = () => {
      turns++;
      if (!done) setImmediate(spin);
    };
    setImmediate(spin);
    const read = await readUploadForm([body], upload.headers.get('content-type') ?? '');
    expect(read?.fields).toEqual({ kind: 'needs' });
    expect(read?.file?.name).toBe('max.csv');
    const { summary, valid } = await analyseImportOffThread(
      { bytes: read!.file!.bytes, fileName: 'max.csv', kind: 'needs', intent: 'draft' },
      { withRows: false },
    );
    done = true;
    expect(summary).toMatchObject({ total: 20_000, validCount: 20_000, invalidCount: 0 });
    expect(summary.sample[0]).toMatchObject({ row: 2, title: '需要 0', domain: 'it', language: 'ja' });
    expect(valid).toEqual([]); // a preview brings back the summary only
    // On this thread, reading the form and the analysis would let the loop turn once (both synchronous) or a few
    // hundred times (paced by 64 KB chunks); awaiting the worker's answers, the loop is free: many thousands.
    expect(turns).toBeGreaterThan(5_000);
  }, 120_000);

  it('off the main thread: file errors arrive as ImportFileError, a broken form as null, a commit gets the valid rows', async () => {
    const error = await fileErrorOf(
      analyseImportOffThread(
        { bytes: enc('title,colour\nx,y\n').buffer, fileName: 'a.csv', kind: 'needs', intent: 'draft' },
        { withRows: true },
      ),
    );
    expect(error).toMatchObject({ key: 'columns', params: { unknown: 'colour' } });
    expect(await readUploadForm([enc('not a form').buffer], 'multipart/form-data; boundary=x')).toBeNull();
    const { summary, valid } = await analyseImportOffThread(
      { bytes: enc(NEEDS_CSV).buffer, fileName: 'needs.csv', kind: 'needs', intent: 'submit' },
      { withRows: true },
    );
    expect(summary).toMatchObject({ total: 1, validCount: 1 });
    expect(valid).toMatchObject([
      { row: 2, data: { title: '圧縮空気の漏れ検知', domain: 'environment_energy', trlMin: 4 } },
    ]);
  });

  it('tells JSON from CSV by extension or content', async () => {
    expect(formatOf('a.JSON', enc('x'))).toBe('json');
    expect(formatOf('upload', enc('\uFEFF  [ {}]'))).toBe('json');
    expect(formatOf('upload', enc('title,summary'))).toBe('csv');
  });
});
