/**
 * Search benchmark (issue 3): `npm run bench:search`.
 *
 * 1. Database layer: the browse page's own search functions (lib/listings/search.ts) with
 *    text + two filters, page 1 (capped count + ranked page), as a verified member; p50/p95/max
 *    over N runs. Target p95 ≤ 50 ms. The machine's load average is printed with each figure.
 * 2. HTTP (when BENCH_URL is set, e.g. http://localhost:3213 of `next start` on a production
 *    build against the same DATABASE_URL and AUTH_SECRET): the /seeds and /needs browse pages
 *    with the same searches, signed in, 20 concurrent connections for BENCH_SECONDS with
 *    autocannon. Target p95 ≤ 150 ms.
 *
 *   DATABASE_URL=postgres://…/cm_bench [BENCH_URL=http://localhost:3213 AUTH_SECRET=…] npm run bench:search
 */
import { register } from 'node:module';

// lib/listings/search.ts is marked server-only (for Next's bundler); a script may import it.
register('./support/server-only-hook.mjs', import.meta.url);

const { eq } = await import('drizzle-orm');
const { closeDb, getDb } = await import('@/db');
const { users } = await import('@/db/schema/accounts');
const { loadViewer } = await import('@/lib/auth/viewer');
const { searchNeeds, searchSeeds } = await import('@/lib/listings/search');
const { searchParamsSchema } = await import('@/lib/listings/validation');
const { loadavg } = await import('node:os');
const load = () => `load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const EMAIL = process.env.BENCH_EMAIL ?? 'trading@demo.test';

// text + two filters: a mix of Japanese and English terms the generator uses (glossary words)
const seedQueries = [
  { q: '固体電解質', domain: 'environment_energy', trl: '4' },
  { q: 'machining', domain: 'manufacturing', trl: '3' },
  { q: '画像解析', domain: 'it', trl: '5' },
  { q: 'fermentation', domain: 'biotech', trl: '2' },
  { q: '熱処理', domain: 'manufacturing', trl: '4' },
  { q: 'battery', domain: 'environment_energy', trl: '3' },
  { q: 'センサ', domain: 'it', trl: '2' },
  { q: 'sensor', domain: 'manufacturing', trl: '5' },
];
const needQueries = [
  { q: '省エネ', domain: 'environment_energy', prefecture: 'Aichi' },
  { q: 'inspection', domain: 'manufacturing', trl: '5' },
  { q: '受注', domain: 'it', trl: '6' },
  { q: 'cost', domain: 'biotech', prefecture: 'Osaka' },
];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const fmt = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${pct(s, 50).toFixed(1)} ms · p95 ${pct(s, 95).toFixed(1)} ms · max ${s[s.length - 1].toFixed(1)} ms (n=${s.length})`;
};

async function databaseLayer() {
  const db = await getDb();
  const [user] = await db.select({ id: users.id, sv: users.sessionVersion }).from(users).where(eq(users.email, EMAIL));
  if (!user) throw new Error(`no user ${EMAIL}: seed the demo data into this database first (npm run db:seed)`);
  const viewer = (await loadViewer(user.id, user.sv))!;
  const counts = await db.execute(
    (await import('drizzle-orm')).sql`select (select count(*) from seeds)::int as seeds, (select count(*) from needs)::int as needs`,
  );
  console.log('rows:', JSON.stringify(Array.isArray(counts) ? counts[0] : (counts as { rows: unknown[] }).rows[0]));
  for (const [label, queries, search] of [
    ['seeds', seedQueries, searchSeeds],
    ['needs', needQueries, searchNeeds],
  ] as const) {
    for (let i = 0; i < 10; i++) await search(viewer, searchParamsSchema.parse(queries[i % queries.length])); // warm-up
    const times: number[] = [];
    const totals: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const params = searchParamsSchema.parse(queries[i % queries.length]);
      const t0 = performance.now();
      const result = await search(viewer, params);
      times.push(performance.now() - t0);
      totals.push(result.total);
    }
    console.log(`DB  ${label}: text + 2 filters, page 1 (count + page): ${fmt(times)}; matches per query ${Math.min(...totals)}–${Math.max(...totals)}; ${load()}`);
  }
  return viewer;
}

async function httpLayer(viewer: { userId: string }, sessionVersion: number) {
  const base = process.env.BENCH_URL!.replace(/\/$/, '');
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET must be the same as the server’s');
  const { encode } = await import('next-auth/jwt');
  const cookieName = base.startsWith('https') ? '__Secure-authjs.session-token' : 'authjs.session-token';
  const token = await encode({ token: { sub: viewer.userId, sv: sessionVersion }, secret, salt: cookieName, maxAge: 3600 });
  const cookie = `${cookieName}=${token}; NEXT_LOCALE=ja`;
  const { default: autocannon } = await import('autocannon');
  for (const [label, path, queries] of [
    ['seeds', '/seeds', seedQueries],
    ['needs', '/needs', needQueries],
  ] as const) {
    const requests = queries.map((q) => ({ method: 'GET' as const, path: `${path}?${new URLSearchParams(q as Record<string, string>).toString()}` }));
    // check once that we get the signed-in page, not a redirect
    const probe = await fetch(`${base}${requests[0].path}`, { headers: { cookie }, redirect: 'manual' });
    if (probe.status !== 200) throw new Error(`${label}: GET ${requests[0].path} answered ${probe.status}`);
    const result = await autocannon({ url: base, connections: 20, duration: SECONDS, headers: { cookie }, requests });
    const l = result.latency;
    console.log(
      `HTTP ${label}: 20 connections × ${SECONDS} s: ${result.requests.total} requests, ${result.non2xx} non-2xx, ` +
        `latency p50 ${l.p50} ms · p90 ${l.p90} ms · p97.5 ${l.p97_5} ms · p99 ${l.p99} ms · max ${l.max} ms; ${result.requests.average} req/s; ${load()}`,
    );
  }
}

const viewer = await databaseLayer();
if (process.env.BENCH_URL) {
  const db = await getDb();
  const [u] = await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, viewer.userId));
  await httpLayer(viewer, u.sv);
}
await closeDb();
