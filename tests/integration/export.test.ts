import { eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { needs, seeds } from '@/db/schema/listings';
import type { Viewer } from '@/lib/auth/policy';
import { exportListingsCsv } from '@/lib/export/listings';
import { buildSearchText } from '@/lib/listings/search-text';
import { saveListing } from '@/lib/listings/data';
import { needSchema, searchParamsSchema, seedSchema } from '@/lib/listings/validation';
import { makeUser } from '../support/factories';

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock('@/lib/auth/session', () => ({ getViewer: async () => session.viewer }));
const { GET } = await import('@/app/api/export/route');

const base = {
  intent: 'draft' as const,
  language: 'ja' as const,
  summary: '概要, "引用" あり',
  details: '',
  domain: 'manufacturing' as const,
  keywords: ['切削', 'machining'],
  prefecture: 'Aichi',
  disclosure: {},
  timeline: '',
  partnerKinds: [],
  regionPreference: '',
  anonymousLabel: '',
};

async function need(viewer: Viewer, title: string, visibility: 'members' | 'private', open: boolean) {
  const { id } = await saveListing(viewer, 'need', { ...base, title, visibility });
  if (open)
    await (await getDb()).update(needs).set({ status: 'open', publishedAt: new Date() }).where(eq(needs.id, id));
  return id;
}

describe('CSV export of search results', () => {
  it('writes the browse search as UTF-8 with BOM and CRLF, with only what the viewer may see', async () => {
    const owner = await makeUser('sme');
    const word = `xprt${Math.random().toString(36).slice(2, 7)}`;
    await need(owner.viewer, `精密 ${word} 公開`, 'members', true);
    await need(owner.viewer, `=cmd ${word} formula`, 'members', true);
    await need(owner.viewer, `${word} 非公開`, 'private', true);
    await need(owner.viewer, `${word} 下書き`, 'members', false);
    session.viewer = (await makeUser('trading')).viewer;

    const res = await GET(new Request(`http://localhost/api/export?kind=needs&q=${word}&domain=manufacturing`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="clustermatch-needs-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).toContain('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const rows = Papa.parse<Record<string, string>>(text.trim(), { header: true }).data;
    expect(rows.map((r) => r.title).sort()).toEqual([`'=cmd ${word} formula`, `精密 ${word} 公開`]);
    expect(rows[0].summary).toBe('概要, "引用" あり');
    expect(rows[0].keywords).toBe('切削; machining');
    expect(res.headers.get('x-export-count')).toBe('2');
  });

  it('includes the licensing terms of seeds and the terms needs can accept (as members see them)', async () => {
    const db = await getDb();
    const word = `xtrm${Math.random().toString(36).slice(2, 7)}`;
    const researcher = await makeUser('researcher');
    const owner = await makeUser('sme');
    const seed = await saveListing(
      researcher.viewer,
      'seed',
      seedSchema.parse({
        intent: 'draft',
        language: 'en',
        title: `Sensor ${word}`,
        summary: 'A sensor',
        domain: 'manufacturing',
        visibility: 'members',
        licensing: ['exclusive'],
        royaltyMinPct: '2',
        royaltyMaxPct: '4.5',
        upfrontFeeMaxJpy: '3000000',
        licenceTerritories: ['japan', 'country:VN'],
        fieldOfUse: 'Welding',
        exclusivityMonths: '24',
        sublicensing: 'no',
      }),
    );
    await db.update(seeds).set({ status: 'open', publishedAt: new Date() }).where(eq(seeds.id, seed.id));
    const wanted = await saveListing(
      owner.viewer,
      'need',
      needSchema.parse({
        intent: 'draft',
        language: 'en',
        title: `Need ${word}`,
        summary: 'A need',
        domain: 'manufacturing',
        visibility: 'members',
        acceptRoyaltyMaxPct: '5',
        acceptTerritories: ['pref:Aichi'],
        needsSublicensing: true,
      }),
    );
    await db.update(needs).set({ status: 'open', publishedAt: new Date() }).where(eq(needs.id, wanted.id));
    const member = await makeUser('trading');
    const parse = (csv: string) =>
      Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, '').trim(), { header: true }).data;

    const [s] = parse((await exportListingsCsv(member.viewer, 'seeds', searchParamsSchema.parse({ q: word }), '')).csv);
    expect(s).toMatchObject({
      licensing: 'exclusive',
      royalty_min_pct: '2',
      royalty_max_pct: '4.5',
      upfront_fee_min_jpy: '',
      upfront_fee_max_jpy: '3000000',
      licence_territories: 'japan; country:VN',
      field_of_use: 'Welding',
      exclusivity_months: '24',
      sublicensing: 'false',
      option_agreement: '',
    });
    const [n] = parse((await exportListingsCsv(member.viewer, 'needs', searchParamsSchema.parse({ q: word }), '')).csv);
    expect(n).toMatchObject({
      accept_royalty_max_pct: '5',
      accept_upfront_max_jpy: '',
      accept_territories: 'pref:Aichi',
      wants_exclusive: 'false',
      needs_sublicensing: 'true',
    });
  });

  it("writes times and the file's date in the reader's time zone", async () => {
    const owner = await makeUser('sme');
    const word = `tz${Math.random().toString(36).slice(2, 7)}`;
    const id = await need(owner.viewer, `${word} 公開`, 'members', true);
    // 05:00 UTC is 14:00 in Japan; 16:30 UTC on 4 Dec is already 5 Dec there
    await (await getDb())
      .update(needs)
      .set({ publishedAt: new Date('2026-12-17T05:00:00Z') })
      .where(eq(needs.id, id));
    session.viewer = (await makeUser('trading', { timeZone: 'Asia/Tokyo' })).viewer;
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-04T16:30:00Z') });
    try {
      const res = await GET(new Request(`http://localhost/api/export?kind=needs&q=${word}`));
      expect(res.headers.get('content-disposition')).toContain('filename="clustermatch-needs-2026-12-05.csv"');
      const rows = Papa.parse<Record<string, string>>((await res.text()).replace(/^\uFEFF/, '').trim(), {
        header: true,
      }).data;
      expect(rows.map((r) => r.published_at)).toEqual(['2026-12-17 14:00']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('needs a signed-in member and a valid kind', async () => {
    session.viewer = null;
    expect((await GET(new Request('http://localhost/api/export?kind=needs'))).status).toBe(401);
    session.viewer = (await makeUser('sme', { verified: false })).viewer;
    expect((await GET(new Request('http://localhost/api/export?kind=needs'))).status).toBe(403);
    session.viewer = (await makeUser('lender')).viewer;
    const bad = await GET(new Request('http://localhost/api/export?kind=people'));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.kind).toBeDefined();
  });

  it('exports every result of the search, not only the visible page, up to the cap (and says when it stopped)', async () => {
    const owner = await makeUser('sme');
    const word = `bulk${Math.random().toString(36).slice(2, 7)}`;
    const db = await getDb();
    const rows = Array.from({ length: 45 }, (_, i) => ({
      organisationId: owner.viewer.organisationId,
      createdBy: owner.user.id,
      language: 'en' as const,
      title: `Listing ${i} ${word}`,
      summary: 'summary',
      domain: 'it' as const,
      status: 'open' as const,
      publishedAt: new Date(Date.now() - i * 60_000),
      searchText: buildSearchText({ title: `Listing ${i} ${word}`, summary: 'summary' }),
    }));
    await db.insert(needs).values(rows);
    const reader = (await makeUser('trading')).viewer;
    session.viewer = reader;

    const res = await GET(new Request(`http://localhost/api/export?kind=needs&q=${word}&sort=newest`));
    expect(res.headers.get('x-export-count')).toBe('45');
    expect(res.headers.get('x-export-truncated')).toBe('false');
    const parsed = Papa.parse<Record<string, string>>((await res.text()).replace(/^\uFEFF/, '').trim(), {
      header: true,
    }).data;
    expect(parsed).toHaveLength(45); // more than the 20 of a page
    expect(parsed[0].title).toBe(`Listing 0 ${word}`); // the search's order (newest first)
    expect(parsed[44].title).toBe(`Listing 44 ${word}`);

    const capped = await exportListingsCsv(
      reader,
      'needs',
      searchParamsSchema.parse({ q: word, sort: 'newest' }),
      'http://localhost',
      30,
    );
    expect(capped).toMatchObject({ count: 30, truncated: true });
    expect(capped.csv.trim().split('\r\n')).toHaveLength(31); // header + 30
  });
});
