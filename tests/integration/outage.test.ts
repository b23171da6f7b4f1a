import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '@/db/errors';

// Writes during a database outage (issue 18 item 5): the JSON API answers 503 with Retry-After (the
// client retries; nothing was half-written), not 500; server actions answer "temporarily
// unavailable". The outage is a TCP proxy in front of the real Postgres, closed and reopened (as in
// health.test.ts); the embedded database cannot go down, so this runs only against Postgres.
const target = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL) : null;

class Outage {
  private server?: net.Server;
  private sockets = new Set<net.Socket>();
  constructor(readonly port: number) {}
  async end() {
    this.server = net.createServer((client) => {
      const upstream = net.connect(Number(target!.port || 5432), target!.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => s.destroy());
        s.on('close', () => this.sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }
  async begin() {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

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
  const outage = new Outage(40000 + Math.floor(Math.random() * 20000));
  let post: (token: string, title: string) => Promise<Response>;
  let token = '';

  beforeAll(async () => {
    await outage.end();
    const viaProxy = new URL(target!.toString());
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(outage.port);
    process.env.DATABASE_URL = viaProxy.toString();
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
  afterAll(() => outage.begin()); // closes the proxy for good

  it('answers 503 with Retry-After while the database is away, and writes again once it is back', async () => {
    expect((await post(token, 'before the outage')).status).toBe(201);

    await outage.begin();
    const during = await post(token, 'during the outage');
    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).toBe('5');
    expect(await during.json()).toMatchObject({ error: { code: 'unavailable' } });

    await outage.end();
    let after: Response | null = null;
    for (let i = 0; i < 40 && after?.status !== 201; i++) {
      after = await post(token, 'after the outage');
      if (after.status !== 201) await new Promise((r) => setTimeout(r, 250));
    }
    expect(after?.status).toBe(201);
  });
});
