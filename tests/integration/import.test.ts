import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { auditLogs } from '@/db/schema/accounts';
import { ipRecords, needs, seeds } from '@/db/schema/listings';
import type { Viewer } from '@/lib/auth/policy';
import { commitImport } from '@/lib/import/commit';
import type { ValidRow } from '@/lib/import/rows';
import { makeUser } from '../support/factories';

// The route reads the session through lib/auth/session; here the test decides who is signed in.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock('@/lib/auth/session', () => ({ getViewer: async () => session.viewer }));

const { POST } = await import('@/app/api/import/route');

function upload(
  body: { kind: string; intent?: string; mode: 'preview' | 'commit'; file?: Uint8Array | string; name?: string },
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  form.set('kind', body.kind);
  form.set('intent', body.intent ?? 'draft');
  form.set('mode', body.mode);
  if (body.file !== undefined) form.set('file', new File([body.file as BlobPart], body.name ?? 'listings.csv'));
  return POST(
    new Request('http://localhost/api/import', {
      method: 'POST',
      body: form,
      headers: { origin: 'http://localhost', host: 'localhost', ...headers },
    }),
  );
}

const needCount = async (organisationId: string) =>
  (await (await getDb()).select({ n: count() }).from(needs).where(eq(needs.organisationId, organisationId)))[0].n;

const NEEDS_CSV = [
  'タイトル,概要,分野,キーワード,TRL下限,TRL上限,公開範囲',
  '圧縮空気の漏れ検知,稼働中に配管の漏れを見つけたい,環境・エネルギー,省エネ、漏れ検知,4,7,会員',
  'FAX注文の自動入力,手書きの注文書を読み取りたい,IT,OCR;受注,5,,会員',
].join('\r\n');

let sme: Awaited<ReturnType<typeof makeUser>>;
beforeEach(async () => {
  sme = await makeUser('sme');
  session.viewer = sme.viewer;
});

describe('CSV import', () => {
  it("previews and commits a UTF-8 CSV (with BOM) as drafts of the importer's organisation", async () => {
    const file = new TextEncoder().encode(`\uFEFF${NEEDS_CSV}`);
    const preview = await upload({ kind: 'needs', mode: 'preview', file });
    expect(preview.status).toBe(200);
    const { summary } = await preview.json();
    expect(summary).toMatchObject({ encoding: 'utf-8-bom', total: 2, validCount: 2, invalidCount: 0, errors: [] });
    expect(summary.sample[0]).toMatchObject({
      row: 2,
      title: '圧縮空気の漏れ検知',
      domain: 'environment_energy',
      language: 'ja',
    });
    expect(await needCount(sme.viewer.organisationId)).toBe(0); // preview saves nothing

    const commit = await upload({ kind: 'needs', mode: 'commit', file });
    expect(commit.status).toBe(200);
    expect((await commit.json()).created).toBe(2);
    const rows = await (await getDb()).select().from(needs).where(eq(needs.organisationId, sme.viewer.organisationId));
    expect(rows.map((r) => r.status)).toEqual(['draft', 'draft']);
    const leak = rows.find((r) => r.title === '圧縮空気の漏れ検知')!;
    expect(leak).toMatchObject({
      createdBy: sme.user.id,
      keywords: ['省エネ', '漏れ検知'],
      trlMin: 4,
      trlMax: 7,
      language: 'ja',
    });
    expect(leak.searchText).toContain('圧縮'); // built by lib/listings' search-text builder
    const [audit] = await (await getDb())
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.actorId, sme.user.id), eq(auditLogs.action, 'listings.import')));
    expect(audit.details).toMatchObject({ count: 2, status: 'draft' });
  });

  it('reads a Shift_JIS CSV (Excel "CSV") and can submit the rows for review', async () => {
    const file = new Uint8Array(iconv.encode(NEEDS_CSV.replace('FAX注文', 'FAX注文①'), 'cp932'));
    const preview = await (await upload({ kind: 'needs', mode: 'preview', file })).json();
    expect(preview.summary).toMatchObject({ encoding: 'shift_jis', validCount: 2 });
    const commit = await upload({ kind: 'needs', intent: 'submit', mode: 'commit', file });
    expect(commit.status).toBe(200);
    const rows = await (await getDb()).select().from(needs).where(eq(needs.organisationId, sme.viewer.organisationId));
    expect(rows.map((r) => r.status)).toEqual(['pending_review', 'pending_review']);
    expect(rows.map((r) => r.title)).toContain('FAX注文①の自動入力');
  });

  it('names wrong columns in a clear header error', async () => {
    const res = await upload({ kind: 'needs', mode: 'preview', file: 'name,description,category\na,b,c\n' });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.fileError).toBe('columns');
    expect(error.message).toContain('Unknown: name, description, category');
    expect(error.message).toContain('Missing: title, summary, domain');
  });

  it('refuses a file in an encoding it cannot read, and UTF-16', async () => {
    const latin1 = new Uint8Array(iconv.encode('title,summary,domain\nCafé ÿ,résumé,it\n', 'latin1'));
    const bad = await upload({ kind: 'needs', mode: 'preview', file: latin1 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({
      fileError: 'encoding',
      message: expect.stringContaining('UTF-8'),
    });
    const utf16 = new Uint8Array(iconv.encode(`\uFEFF${NEEDS_CSV}`, 'utf16le'));
    expect((await (await upload({ kind: 'needs', mode: 'preview', file: utf16 })).json()).error.fileError).toBe(
      'utf16',
    );
  });

  it('shows every row error (row, column, translated reason) and commits nothing while any remain', async () => {
    const csv = ['title,summary,domain,trl_min', 'Fine,ok,it,3', 'Too high,ok,it,12', ',no title,biology,'].join('\n');
    const preview = await (await upload({ kind: 'needs', mode: 'preview', file: csv })).json();
    expect(preview.summary).toMatchObject({ total: 3, validCount: 1, invalidCount: 2 });
    expect(preview.summary.errors).toEqual(
      expect.arrayContaining([
        { row: 3, column: 'trl_min', message: 'validation.too_big?maximum=9' },
        { row: 4, column: 'title', message: 'validation.required' },
        { row: 4, column: 'domain', message: 'validation.choice' },
      ]),
    );
    const commit = await upload({ kind: 'needs', mode: 'commit', file: csv });
    expect(commit.status).toBe(400);
    expect((await commit.json()).error.message).toMatch(/nothing was imported/);
    expect(await needCount(sme.viewer.organisationId)).toBe(0);
  });

  it('names a cell holding a NUL character as a row error instead of failing the import', async () => {
    // with a BOM (as Excel writes UTF-8) the file is not sniffed for binary bytes, so the NUL reaches the rows
    const csv = `\uFEFF${['title,summary,domain', 'Fine,ok,it', 'Bad\u0000title,ok,it'].join('\n')}`;
    const preview = await upload({ kind: 'needs', mode: 'preview', file: csv });
    expect(preview.status).toBe(200);
    const summary = (await preview.json()).summary;
    expect(summary).toMatchObject({ total: 2, validCount: 1, invalidCount: 1 });
    expect(summary.errors).toEqual([{ row: 3, column: 'title', message: 'validation.nul' }]);
    const commit = await upload({ kind: 'needs', mode: 'commit', file: csv });
    expect(commit.status).toBe(400);
    expect(await needCount(sme.viewer.organisationId)).toBe(0);
  });

  it('imports 10,500 rows in one go', async () => {
    const lines = ['title,summary,domain,keywords,trl_min'];
    for (let i = 0; i < 10_500; i++)
      lines.push(
        `Need ${i} 精密加工,Summary of need ${i} with some words,manufacturing,k${i % 50};切削,${(i % 9) + 1}`,
      );
    const file = lines.join('\n');
    const preview = await (await upload({ kind: 'needs', mode: 'preview', file })).json();
    expect(preview.summary).toMatchObject({ total: 10_500, validCount: 10_500 });
    expect(preview.summary.sample.length).toBeLessThanOrEqual(20);
    const commit = await upload({ kind: 'needs', mode: 'commit', file });
    expect((await commit.json()).created).toBe(10_500);
    expect(await needCount(sme.viewer.organisationId)).toBe(10_500);
  }, 120_000);

  it('a maximal preview (9.8 MB, 20,000 rows) sent in chunks: the same rows and errors, the chunks moved to the worker uncopied', async () => {
    const row = (i: number) =>
      i === 7 || i === 19_998
        ? `"需要 ${i}","${'精密加工の摩耗検知。'.repeat(14)} ${i}",unknown_domain,"省エネ;漏れ検知",12\n`
        : `"需要 ${i}","${'精密加工の摩耗検知。'.repeat(14)} ${i}",it,"省エネ;漏れ検知",4\n`;
    const csv = `title,summary,domain,keywords,trl_min\n${Array.from({ length: 20_000 }, (_, i) => row(i)).join('')}`;
    const file = new TextEncoder().encode(csv);
    expect(file.byteLength).toBeGreaterThan(9 * 1024 * 1024);
    const whole = await (await upload({ kind: 'needs', mode: 'preview', file, name: 'max.csv' })).json();
    expect(whole.summary).toMatchObject({ total: 20_000, validCount: 19_998, invalidCount: 2 });
    expect(whole.summary.errors).toEqual([
      { row: 9, column: 'domain', message: 'validation.choice' },
      { row: 9, column: 'trl_min', message: 'validation.too_big?maximum=9' },
      { row: 20_000, column: 'domain', message: 'validation.choice' },
      { row: 20_000, column: 'trl_min', message: 'validation.too_big?maximum=9' },
    ]);

    // the same upload as a stream of 64 KB chunks, each its own ArrayBuffer, and one view into a larger buffer
    const form = new FormData();
    for (const [name, value] of Object.entries({ kind: 'needs', intent: 'draft', mode: 'preview' }))
      form.set(name, value);
    form.set('file', new File([file], 'max.csv', { type: 'text/csv' }));
    const encoded = new Response(form);
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < bytes.byteLength; at += 64 * 1024) chunks.push(bytes.slice(at, at + 64 * 1024));
    const padded = new Uint8Array(chunks[1].byteLength + 2);
    padded.set(chunks[1], 1);
    const view = padded.subarray(1, 1 + chunks[1].byteLength);
    const sent = [chunks[0], view, ...chunks.slice(2)];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = sent.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const streamed = await POST(
      new Request('http://localhost/api/import', {
        method: 'POST',
        body,
        duplex: 'half',
        headers: {
          origin: 'http://localhost',
          host: 'localhost',
          'content-type': encoded.headers.get('content-type') ?? '',
        },
      } as RequestInit),
    );
    expect(streamed.status).toBe(200);
    expect((await streamed.json()).summary).toEqual(whole.summary);
    // handed over, not copied on this thread: every chunk that owned its buffer is detached now (a detached buffer
    // has no bytes); the view's larger buffer was copied from, and is left whole
    expect(chunks.filter((chunk, i) => i !== 1 && chunk.buffer.byteLength > 0)).toEqual([]);
    expect(padded.buffer.byteLength).toBe(chunks[1].byteLength + 2);
    expect(view[0]).toBe(bytes[64 * 1024]);
  }, 120_000);

  it('refuses more rows than the documented cap, and files over the size cap', async () => {
    const file = `title,summary,domain\n${'a,b,it\n'.repeat(20_001)}`;
    const res = await upload({ kind: 'needs', mode: 'preview', file });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/20001 rows.*at most 20000/);
    const big = await upload({ kind: 'needs', mode: 'preview', file: new Uint8Array(10 * 1024 * 1024 + 10) });
    expect(big.status).toBe(413);
  });

  it('rolls back everything when the database refuses a row in a later batch', async () => {
    const row = (i: number): ValidRow<'needs'> => ({
      row: i + 2,
      data: {
        intent: 'draft',
        language: 'en',
        title: `Row ${i}`,
        summary: 's',
        details: '',
        domain: 'it',
        keywords: [],
        prefecture: '',
        disclosure: {},
        timeline: '',
        partnerKinds: [],
        regionPreference: '',
        visibility: 'members',
        anonymousLabel: '',
      },
    });
    const rows = Array.from({ length: 1200 }, (_, i) => row(i));
    rows[1100].data.trlMin = 12; // the CHECK constraint fails in the third batch
    await expect(
      commitImport(await getDb(), sme.viewer, 'needs', rows, { intent: 'draft', fileName: 'x.csv', ip: null }),
    ).rejects.toThrow();
    expect(await needCount(sme.viewer.organisationId)).toBe(0);
  });
});

describe('JSON import', () => {
  it('imports the match-eval dataset seeds with their IP records', async () => {
    const researcher = await makeUser('researcher');
    session.viewer = researcher.viewer;
    const file = fs.readFileSync(path.join(import.meta.dirname, '../../scripts/match-eval-data/topics-2.json'));
    const preview = await (
      await upload({ kind: 'seeds', mode: 'preview', file: new Uint8Array(file), name: 'topics-2.json' })
    ).json();
    expect(preview.summary).toMatchObject({ format: 'json', total: 175, validCount: 175, otherKindCount: 32 });
    const commit = await upload({
      kind: 'seeds',
      mode: 'commit',
      file: new Uint8Array(file),
      name: 'topics-2.json',
    });
    expect((await commit.json()).created).toBe(175);
    const db = await getDb();
    const rows = await db.select().from(seeds).where(eq(seeds.organisationId, researcher.viewer.organisationId));
    expect(rows).toHaveLength(175);
    const filed = rows.filter((r) => r.ipStatus === 'filed');
    expect(filed.length).toBeGreaterThan(0);
    const [{ n }] = await db.select({ n: count() }).from(ipRecords).where(eq(ipRecords.seedId, filed[0].id));
    expect(n).toBeGreaterThan(0);
  });

  it('reports per-item errors of the API shape', async () => {
    const file = JSON.stringify({
      needs: [
        { title: 'ok', summary: 's', domain: 'it' },
        { title: '<b>x</b>', summary: 's', domain: 'it', visibility: 'secret' },
      ],
    });
    const { summary } = await (await upload({ kind: 'needs', mode: 'preview', file, name: 'n.json' })).json();
    expect(summary.errors).toEqual([{ row: 2, column: 'visibility', message: 'validation.choice' }]);
  });
});

describe('who may import', () => {
  it('an SME cannot import seeds; a trading firm cannot import at all', async () => {
    const res = await upload({ kind: 'seeds', mode: 'preview', file: 'title,summary,domain\na,b,it\n' });
    expect(res.status).toBe(403);
    session.viewer = (await makeUser('trading')).viewer;
    expect((await upload({ kind: 'needs', mode: 'preview', file: NEEDS_CSV })).status).toBe(403);
    session.viewer = null;
    expect((await upload({ kind: 'needs', mode: 'preview', file: NEEDS_CSV })).status).toBe(401);
  });

  it('refuses a cross-site upload', async () => {
    const res = await upload({ kind: 'needs', mode: 'commit', file: NEEDS_CSV }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await needCount(sme.viewer.organisationId)).toBe(0);
  });

  it('stores HTML in imported text as text', async () => {
    const file = 'title,summary,domain\n"<script>alert(1)</script>",<img src=x onerror=alert(1)>,it\n';
    expect((await upload({ kind: 'needs', mode: 'commit', file })).status).toBe(200);
    const [row] = await (await getDb()).select().from(needs).where(eq(needs.organisationId, sme.viewer.organisationId));
    expect(row).toMatchObject({ title: '<script>alert(1)</script>', summary: '<img src=x onerror=alert(1)>' });
  });
});
