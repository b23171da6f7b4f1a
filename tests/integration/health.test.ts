import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DbProxy } from '../support/db-proxy';

// A database outage is simulated with a TCP proxy in front of the real Postgres (tests/support/db-proxy.ts).
const target = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL) : null;

describe.runIf(target)('health through a database outage', () => {
  const proxy = new DbProxy(target!);
  let GET: () => Promise<Response>;

  beforeAll(async () => {
    await proxy.up();
    process.env.DATABASE_URL = proxy.url();
    ({ GET } = await import('@/app/api/health/route'));
    // Open the database (and check its migrations) first: on a loaded machine that alone can
    // take longer than the health check's budget, which would read as an outage.
    await (await import('@/db')).getHandle();
  }, 120_000);
  afterAll(() => proxy.down());

  // The check gives the database under a second; on a loaded machine one ping can miss that,
  // so "up" means: answers 200 within a few tries.
  async function answersOk(): Promise<Response | null> {
    for (let i = 0; i < 20; i++) {
      const res = await GET();
      if (res.status === 200) return res;
      await new Promise((r) => setTimeout(r, 250));
    }
    return null;
  }

  it('answers 200 with db ok, 503 with db down during the outage, and recovers by itself', async () => {
    const up = await answersOk();
    expect(up?.status).toBe(200);
    expect(await up?.json()).toEqual({ status: 'ok', db: 'ok' });

    await proxy.down();
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ db: 'down' });

    await proxy.up();
    expect((await answersOk())?.status).toBe(200);
  });
});
