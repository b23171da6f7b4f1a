import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A database outage is simulated with a TCP proxy in front of the real Postgres: closing
// it drops every connection and refuses new ones, as a restarting server does. Embedded
// PGlite lives in-process and cannot go down, so this runs only against Postgres.
const target = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL) : null;

class TcpProxy {
  private server?: net.Server;
  private sockets = new Set<net.Socket>();
  constructor(readonly port: number) {}
  async up() {
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
  async down() {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe.runIf(target)('health through a database outage', () => {
  const proxy = new TcpProxy(40000 + Math.floor(Math.random() * 20000));
  let GET: () => Promise<Response>;

  beforeAll(async () => {
    await proxy.up();
    const viaProxy = new URL(target!.toString());
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    process.env.DATABASE_URL = viaProxy.toString();
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
