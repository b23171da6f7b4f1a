/**
 * Search benchmark (issue 3): `npm run bench:search`.
 *
 * Database layer: the browse page's own search functions (lib/listings/search.ts) with text +
 * two filters, page 1 (capped count + ranked page), as a verified member; p50/p95/max over
 * BENCH_RUNS runs. Target p95 ≤ 50 ms. The machine's load average is printed with each figure.
 * The browse pages under load over HTTP: scripts/bench-browse.ts (`npm run bench:browse`).
 *
 *   DATABASE_URL=postgres://…/cm_search100 npm run bench:search
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
const load = () =>
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`;

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
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

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
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
    (await import('drizzle-orm'))
      .sql`select (select count(*) from seeds)::int as seeds, (select count(*) from needs)::int as needs`,
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
    console.log(
      `DB  ${label}: text + 2 filters, page 1 (count + page): ${fmt(times)}; matches per query ${Math.min(...totals)}–${Math.max(...totals)}; ${load()}`,
    );
  }
}

await databaseLayer();
await closeDb();
