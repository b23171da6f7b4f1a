import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '@/db/errors';
import { DbProxy } from '../support/db-proxy';

// Writes during a database outage (issue 18 item 5): the JSON API answers 503 with Retry-After (the
// client retries; nothing was half-written), not 500; server actions answer "temporarily
// unavailable". The outage is tests/support/db-proxy.ts.
const target = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL) : null;

describe('isDatabaseUnavailable', () => {
  it('tells connection failures (also wrapped by drizzle) from query errors', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error('Failed query', { cause: { code: 'CONNECTION_CLOSED' } }))).toBe(true);
    expect(isDatabaseUnavailable({ code: '57P03' })).toBe(true);
    expect(isDatabaseUnavailable({ code: '08006' })).toBe(true);
    expect(isDatabaseUnavailable({ code: '23505' })).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });
});

describe.runIf(target)('writes through a database outage', () => {
  const proxy = new DbProxy(target!);
  let post: (token: string, title: string) => Promise<Response>;
  let token = '';

  beforeAll(async () => {
    await proxy.up();
    process.env.DATABASE_URL = proxy.url();
    const { POST } = await import('@/app/api/v1/needs/route');
    const { getDb } = await import('@/db');
    const { createApiToken } = await import('@/lib/api/tokens');
    const { makeUser } = await import('../support/factories');
    const sme = await makeUser('sme');
    token = (await createApiToken(await getDb(), sme.viewer, { name: 'outage', expiresInDays: '30' })).token;
    post = (t, title) =>
      POST(
        new Request('http://localhost/api/v1/needs', {
          method: 'POST',
          headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json', 'accept-language': 'en' },
          body: JSON.stringify({
            intent: 'draft',
            language: 'en',
            title,
            summary: 'Find leaks in 3 km of piping while production runs.',
            domain: 'environment_energy',
            keywords: ['leak detection'],
            visibility: 'members',
          }),
        }),
      );
  }, 120_000);
  afterAll(() => proxy.down()); // closes the proxy for good

  it('answers 503 with Retry-After while the database is away, and writes again once it is back', async () => {
    expect((await post(token, 'before the outage')).status).toBe(201);

    await proxy.down();
    const during = await post(token, 'during the outage');
    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).toBe('5');
    expect(await during.json()).toMatchObject({ error: { code: 'unavailable' } });

    await proxy.up();
    let after: Response | null = null;
    for (let i = 0; i < 40 && after?.status !== 201; i++) {
      after = await post(token, 'after the outage');
      if (after.status !== 201) await new Promise((r) => setTimeout(r, 250));
    }
    expect(after?.status).toBe(201);
  });
});
