import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GET as getNeedRoute, PATCH as patchNeedRoute } from '@/app/api/v1/needs/[id]/route';
import { GET as listNeedsRoute, POST as postNeedRoute } from '@/app/api/v1/needs/route';
import { GET as getSeedRoute } from '@/app/api/v1/seeds/[id]/route';
import { GET as listSeedsRoute, POST as postSeedRoute } from '@/app/api/v1/seeds/route';
import { getDb } from '@/db';
import { users } from '@/db/schema/accounts';
import { apiTokens } from '@/db/schema/integrations';
import { needs, seeds } from '@/db/schema/listings';
import { apiRateLimit, setApiRateLimit } from '@/lib/api/handler';
import { createApiToken, hashToken, listApiTokens, revokeApiToken } from '@/lib/api/tokens';
import type { Viewer } from '@/lib/auth/policy';
import { makeUser, unique } from '../support/factories';

const BASE = 'http://localhost/api/v1';
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

function req(
  path: string,
  token: string | null,
  init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { 'accept-language': 'en', ...init.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined || init.raw !== undefined) headers['content-type'] = 'application/json';
  return new Request(`${BASE}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
}

async function tokenFor(viewer: Viewer, expiresInDays: '30' | 'never' = '30') {
  return (await createApiToken(await getDb(), viewer, { name: unique('token'), expiresInDays })).token;
}

const needBody = (over: Record<string, unknown> = {}) => ({
  intent: 'draft',
  language: 'en',
  title: `Leak detection for compressed air ${unique()}`,
  summary: 'Find leaks in 3 km of piping while production runs.',
  domain: 'environment_energy',
  keywords: ['compressed air', 'leak detection'],
  visibility: 'members',
  trlMin: 4,
  trlMax: 7,
  ...over,
});

async function publish(table: typeof needs | typeof seeds, id: string) {
  const db = await getDb();
  await db.update(table).set({ status: 'open', publishedAt: new Date() }).where(eq(table.id, id));
}

let sme: Awaited<ReturnType<typeof makeUser>>;
let smeToken: string;
let researcher: Awaited<ReturnType<typeof makeUser>>;
let researcherToken: string;

beforeAll(async () => {
  sme = await makeUser('sme');
  smeToken = await tokenFor(sme.viewer);
  researcher = await makeUser('researcher');
  researcherToken = await tokenFor(researcher.viewer);
});

afterEach(() => setApiRateLimit(apiRateLimit().points));

describe('caching', () => {
  it('every /api/v1 answer, success or error, says Cache-Control: no-store', async () => {
    const responses = [
      await listNeedsRoute(req('/needs', researcherToken)),
      await listSeedsRoute(req('/seeds', smeToken)),
      await listNeedsRoute(req('/needs', null)),
      await getNeedRoute(req('/needs/not-a-uuid', smeToken), ctx('not-a-uuid')),
      await postNeedRoute(req('/needs', smeToken, { method: 'POST', raw: '{' })),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 401, 404, 400]);
    for (const res of responses) expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('API tokens', () => {
  it('stores only the sha256 of the secret and lists tokens with their prefix', async () => {
    const { viewer } = await makeUser('sme');
    const created = await createApiToken(await getDb(), viewer, { name: 'CRM sync', expiresInDays: '90' });
    expect(created.token).toMatch(/^cm_[A-Za-z0-9_-]{43}$/);
    const [row] = await (await getDb()).select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const list = await listApiTokens(await getDb(), viewer);
    expect(list.map((t) => t.prefix)).toEqual([created.token.slice(0, 9)]);
    expect(JSON.stringify(list)).not.toContain(created.token);
  });

  it("cannot revoke someone else's token", async () => {
    const other = await makeUser('sme');
    const created = await createApiToken(await getDb(), sme.viewer, { name: 'x', expiresInDays: '30' });
    await expect(revokeApiToken(await getDb(), other.viewer, created.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('401: authentication', () => {
  it('refuses a missing token', async () => {
    const res = await listNeedsRoute(req('/needs', null));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    expect((await res.json()).error.code).toBe('unauthorized');
  });

  it('refuses a malformed or unknown token', async () => {
    for (const bad of ['nonsense', `cm_${'A'.repeat(43)}`]) {
      const res = await listNeedsRoute(req('/needs', bad));
      expect(res.status).toBe(401);
    }
    const res = await listNeedsRoute(new Request(`${BASE}/needs`, { headers: { authorization: `Basic ${smeToken}` } }));
    expect(res.status).toBe(401);
  });

  it('refuses an expired token', async () => {
    const { viewer } = await makeUser('sme');
    const token = await tokenFor(viewer);
    await (await getDb())
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.tokenHash, hashToken(token)));
    const res = await listNeedsRoute(req('/needs', token));
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toMatch(/expired or revoked/);
  });

  it('refuses a revoked token', async () => {
    const { viewer } = await makeUser('sme');
    const token = await tokenFor(viewer, 'never');
    expect((await listNeedsRoute(req('/needs', token))).status).toBe(200);
    const [row] = await (await getDb())
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, hashToken(token)));
    await revokeApiToken(await getDb(), viewer, row.id);
    expect((await listNeedsRoute(req('/needs', token))).status).toBe(401);
  });

  it("refuses a disabled user's token", async () => {
    const { user, viewer } = await makeUser('sme');
    const token = await tokenFor(viewer);
    await (await getDb()).update(users).set({ disabled: true }).where(eq(users.id, user.id));
    expect((await listNeedsRoute(req('/needs', token))).status).toBe(401);
  });

  it('records the last use', async () => {
    const { viewer } = await makeUser('sme');
    const token = await tokenFor(viewer);
    await listNeedsRoute(req('/needs', token));
    const [row] = await (await getDb())
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, hashToken(token)));
    expect(row.lastUsedAt).toBeInstanceOf(Date);
  });
});

describe("403: beyond the user's permissions", () => {
  it('an SME token cannot create seeds', async () => {
    const res = await postSeedRoute(
      req('/seeds', smeToken, {
        method: 'POST',
        body: { intent: 'draft', language: 'en', title: 'x', summary: 'y', domain: 'it', visibility: 'members' },
      }),
    );
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden');
  });

  it('a researcher token cannot create needs', async () => {
    const res = await postNeedRoute(req('/needs', researcherToken, { method: 'POST', body: needBody() }));
    expect(res.status).toBe(403);
  });

  it('a member of an unverified organisation cannot use the API', async () => {
    const { viewer } = await makeUser('sme', { verified: false });
    const res = await listNeedsRoute(req('/needs', await tokenFor(viewer)));
    expect(res.status).toBe(403);
  });
});

describe('create, get, update, list, search', () => {
  it('creates a need (201, Location), reads it back and updates it', async () => {
    const res = await postNeedRoute(
      req('/needs', smeToken, { method: 'POST', body: needBody({ title: 'Compressor leak detection' }) }),
    );
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(res.headers.get('location')).toBe(`/api/v1/needs/${created.id}`);
    expect(created).toMatchObject({ kind: 'need', title: 'Compressor leak detection', status: 'draft', trlMin: 4 });

    const got = await getNeedRoute(req(`/needs/${created.id}`, smeToken), ctx(created.id));
    expect(got.status).toBe(200);
    const view = await got.json();
    const version = view.manage.version;

    const patched = await patchNeedRoute(
      req(`/needs/${created.id}`, smeToken, { method: 'PATCH', body: { version, summary: 'New summary' } }),
      ctx(created.id),
    );
    expect(patched.status).toBe(200);
    const after = await patched.json();
    expect(after.summary).toBe('New summary');
    expect(after.title).toBe('Compressor leak detection'); // fields not sent are kept
    expect(after.manage.version).toBe(version + 1);

    // a stale version is a conflict, never a silent overwrite
    const stale = await patchNeedRoute(
      req(`/needs/${created.id}`, smeToken, { method: 'PATCH', body: { version, summary: 'Lost update' } }),
      ctx(created.id),
    );
    expect(stale.status).toBe(409);
  });

  it('lists and searches open listings with the browse page filters', async () => {
    const word = `zyqx${Math.random().toString(36).slice(2, 8)}`;
    const a = await (
      await postNeedRoute(
        req('/needs', smeToken, {
          method: 'POST',
          body: needBody({ title: `Vibration ${word} sensor`, domain: 'manufacturing' }),
        }),
      )
    ).json();
    const b = await (
      await postNeedRoute(
        req('/needs', smeToken, { method: 'POST', body: needBody({ title: `Other ${word} topic`, domain: 'it' }) }),
      )
    ).json();
    await publish(needs, a.id);
    await publish(needs, b.id);
    const all = await (await listNeedsRoute(req(`/needs?q=${word}`, researcherToken))).json();
    expect(all.items.map((i: { id: string }) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect(all.total).toBe(2);
    const filtered = await (
      await listNeedsRoute(req(`/needs?q=${word}&domain=manufacturing&trl=5`, researcherToken))
    ).json();
    expect(filtered.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
  });

  it('answers one-character and stop-word searches (電, ア, a, !) with 200, a single kanji finding its listing', async () => {
    const tag = `zyqx${Math.random().toString(36).slice(2, 8)}`;
    const created = await (
      await postNeedRoute(req('/needs', smeToken, { method: 'POST', body: needBody({ title: `鰻 tank ${tag}` }) }))
    ).json();
    await publish(needs, created.id);
    const found = await listNeedsRoute(req(`/needs?q=${encodeURIComponent('鰻')}`, researcherToken));
    expect(found.status).toBe(200);
    expect((await found.json()).items.map((i: { id: string }) => i.id)).toContain(created.id);
    for (const q of ['電', 'ア', 'a', '!']) {
      for (const list of [listNeedsRoute, listSeedsRoute]) {
        const res = await list(
          req(`/${list === listNeedsRoute ? 'needs' : 'seeds'}?q=${encodeURIComponent(q)}`, researcherToken),
        );
        expect(res.status).toBe(200);
      }
    }
  });

  it('creates a seed with an IP record and finds it in the seed search', async () => {
    const res = await postSeedRoute(
      req('/seeds', researcherToken, {
        method: 'POST',
        body: {
          intent: 'draft',
          language: 'ja',
          title: '全固体電池用の固体電解質',
          summary: '硫化物系固体電解質の量産プロセス。',
          domain: 'environment_energy',
          visibility: 'members',
          trl: 5,
          licensing: ['non_exclusive'],
          ipRecords: [{ jurisdiction: 'JP', status: 'granted', number: 'JP7000001', title: '固体電解質' }],
        },
      }),
    );
    expect(res.status).toBe(201);
    const seed = await res.json();
    await publish(seeds, seed.id);
    const found = await (
      await listSeedsRoute(req(`/seeds?q=${encodeURIComponent('固体電解質')}&ipStatus=granted`, smeToken))
    ).json();
    expect(found.items.map((i: { id: string }) => i.id)).toContain(seed.id);
    expect((await getSeedRoute(req(`/seeds/${seed.id}`, smeToken), ctx(seed.id))).status).toBe(200);
  });

  it('sends and returns licensing terms: a seed’s offered terms, the terms a need can accept', async () => {
    const res = await postSeedRoute(
      req('/seeds', researcherToken, {
        method: 'POST',
        body: {
          intent: 'draft',
          language: 'en',
          title: `Weld seam sensor ${unique()}`,
          summary: 'Ultrasonic weld seam inspection.',
          domain: 'manufacturing',
          visibility: 'members',
          licensing: ['exclusive'],
          royaltyMinPct: 2,
          royaltyMaxPct: 4,
          licenceTerritories: ['japan'],
          sublicensing: 'yes',
        },
      }),
    );
    expect(res.status).toBe(201);
    const seed = await res.json();
    await publish(seeds, seed.id);
    const read = await (await getSeedRoute(req(`/seeds/${seed.id}`, smeToken), ctx(seed.id))).json();
    expect(read.terms).toMatchObject({
      royaltyMinPct: 2,
      royaltyMaxPct: 4,
      upfrontFeeMinJpy: null,
      licenceTerritories: ['japan'],
      sublicensing: true,
    });
    const listed = await (
      await listSeedsRoute(req(`/seeds?q=${encodeURIComponent(seed.title)}&royaltyMax=3`, smeToken))
    ).json();
    expect(listed.items.find((i: { id: string }) => i.id === seed.id)?.terms.royaltyMaxPct).toBe(4);

    const created = await (
      await postNeedRoute(
        req('/needs', smeToken, {
          method: 'POST',
          body: needBody({ acceptRoyaltyMaxPct: 5, acceptTerritories: ['pref:Aichi'], wantsExclusive: true }),
        }),
      )
    ).json();
    expect(created.acceptTerms).toEqual({
      royaltyMaxPct: 5,
      upfrontMaxJpy: null,
      territories: ['pref:Aichi'],
      exclusive: true,
      sublicensing: false,
    });
    const patched = await patchNeedRoute(
      req(`/needs/${created.id}`, smeToken, {
        method: 'PATCH',
        body: { version: created.manage.version, acceptUpfrontMaxJpy: 2_000_000, acceptTerritories: ['mars'] },
      }),
      ctx(created.id),
    );
    expect(patched.status).toBe(400); // an unknown territory is refused, with the field named
    expect(Object.keys((await patched.json()).error.fields)).toEqual(['acceptTerritories.0']);
    const fixed = await patchNeedRoute(
      req(`/needs/${created.id}`, smeToken, {
        method: 'PATCH',
        body: { version: created.manage.version, acceptUpfrontMaxJpy: 2_000_000 },
      }),
      ctx(created.id),
    );
    expect((await fixed.json()).acceptTerms).toMatchObject({ royaltyMaxPct: 5, upfrontMaxJpy: 2_000_000 });
  });

  it('stores HTML as text and returns it unchanged (never interpreted)', async () => {
    const title = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const res = await postNeedRoute(req('/needs', smeToken, { method: 'POST', body: needBody({ title }) }));
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toContain('application/json');
    const created = await res.json();
    expect(created.title).toBe(title);
    const [row] = await (await getDb()).select({ title: needs.title }).from(needs).where(eq(needs.id, created.id));
    expect(row.title).toBe(title);
  });
});

describe('404: unknown ids and other organisations', () => {
  it('unknown and malformed ids', async () => {
    const id = crypto.randomUUID();
    expect((await getNeedRoute(req(`/needs/${id}`, smeToken), ctx(id))).status).toBe(404);
    expect((await getNeedRoute(req('/needs/not-a-uuid', smeToken), ctx('not-a-uuid'))).status).toBe(404);
    expect(
      (await patchNeedRoute(req(`/needs/${id}`, smeToken, { method: 'PATCH', body: { version: 1 } }), ctx(id))).status,
    ).toBe(404);
  });

  it("another organisation's draft cannot be read or edited, and nothing leaks", async () => {
    const other = await makeUser('sme');
    const created = await (
      await postNeedRoute(
        req('/needs', await tokenFor(other.viewer), {
          method: 'POST',
          body: needBody({ title: 'SECRET-DRAFT-TITLE' }),
        }),
      )
    ).json();
    const get = await getNeedRoute(req(`/needs/${created.id}`, smeToken), ctx(created.id));
    expect(get.status).toBe(404);
    const patch = await patchNeedRoute(
      req(`/needs/${created.id}`, smeToken, { method: 'PATCH', body: { version: 1, title: 'mine now' } }),
      ctx(created.id),
    );
    expect(patch.status).toBe(404);
    expect(await patch.text()).not.toContain('SECRET-DRAFT-TITLE');
    const [row] = await (await getDb()).select({ title: needs.title }).from(needs).where(eq(needs.id, created.id));
    expect(row.title).toBe('SECRET-DRAFT-TITLE');
  });

  it("another organisation's published need can be read but not edited", async () => {
    const other = await makeUser('sme');
    const created = await (
      await postNeedRoute(req('/needs', await tokenFor(other.viewer), { method: 'POST', body: needBody() }))
    ).json();
    await publish(needs, created.id);
    const { viewer } = await makeUser('sme');
    const token = await tokenFor(viewer);
    expect((await getNeedRoute(req(`/needs/${created.id}`, token), ctx(created.id))).status).toBe(200);
    expect(
      (
        await patchNeedRoute(
          req(`/needs/${created.id}`, token, { method: 'PATCH', body: { version: 1, title: 'x' } }),
          ctx(created.id),
        )
      ).status,
    ).toBe(404);
  });
});

describe('400 / 413 / 429: bad input', () => {
  it('reports every invalid field, translated', async () => {
    const res = await postNeedRoute(
      req('/needs', smeToken, {
        method: 'POST',
        body: needBody({ title: 'x'.repeat(201), trlMin: 12, domain: 'astrology', visibility: 'everyone', extra: 1 }),
      }),
    );
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('invalid');
    expect(error.fields.title).toEqual(['Use at most 200 characters.']);
    expect(Object.keys(error.fields)).toEqual(expect.arrayContaining(['title', 'trlMin', 'domain', 'visibility']));
  });

  it('answers in Japanese when asked', async () => {
    const res = await postNeedRoute(
      req('/needs', smeToken, { method: 'POST', body: needBody({ title: '' }), headers: { 'accept-language': 'ja' } }),
    );
    const { error } = await res.json();
    expect(error.fields.title[0]).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  it('refuses a NUL character in a body field or a query with 400 naming the field, never 500', async () => {
    const res = await postNeedRoute(
      req('/needs', smeToken, {
        method: 'POST',
        body: needBody({ title: 'Leak\u0000 detection', keywords: ['ok', 'a\u0000'] }),
      }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.fields.title).toEqual([expect.stringMatching(/NUL/)]);
    expect(body.error.fields['keywords.1']).toEqual([expect.stringMatching(/NUL/)]);
    for (const list of [listNeedsRoute, listSeedsRoute]) {
      const search = await list(req('/needs?q=%E9%9B%BB%00', researcherToken));
      expect(search.status).toBe(400);
      expect((await search.json()).error.fields.q).toEqual([expect.stringMatching(/NUL/)]);
    }
  });

  it('refuses an id in a create (that would be an update)', async () => {
    const res = await postNeedRoute(
      req('/needs', smeToken, { method: 'POST', body: needBody({ id: crypto.randomUUID(), version: 1 }) }),
    );
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).error.fields)).toEqual(expect.arrayContaining(['id', 'version']));
  });

  it('refuses malformed JSON and a PATCH without version', async () => {
    expect((await postNeedRoute(req('/needs', smeToken, { method: 'POST', raw: '{"title": ' }))).status).toBe(400);
    const created = await (await postNeedRoute(req('/needs', smeToken, { method: 'POST', body: needBody() }))).json();
    const res = await patchNeedRoute(
      req(`/needs/${created.id}`, smeToken, { method: 'PATCH', body: { title: 'no version' } }),
      ctx(created.id),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.version).toBeDefined();
    const bad = await patchNeedRoute(
      req(`/needs/${created.id}`, smeToken, { method: 'PATCH', body: { version: 1, trlMin: 0 } }),
      ctx(created.id),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.trlMin).toBeDefined();
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await postNeedRoute(
      req('/needs', smeToken, { method: 'POST', body: needBody({ details: 'x'.repeat(300 * 1024) }) }),
    );
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('limits requests per token with 429 and Retry-After', async () => {
    setApiRateLimit(2);
    const { viewer } = await makeUser('sme');
    const token = await tokenFor(viewer);
    expect((await listNeedsRoute(req('/needs', token))).status).toBe(200);
    expect((await listNeedsRoute(req('/needs', token))).status).toBe(200);
    const res = await listNeedsRoute(req('/needs', token));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
