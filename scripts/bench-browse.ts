/**
 * Browse pages under load (issue 3): `npm run bench:browse`. Target p95 ≤ 150 ms.
 *
 * 20 concurrent connections (autocannon) for BENCH_SECONDS each against a production build:
 *   - /seeds as a signed-out visitor (public teasers),
 *   - /seeds and /needs as a signed-in member (BENCH_EMAIL, default trading@demo.test),
 * each cycling through searches with text + filters. Prints p50/p95/p99 of the response times
 * (measured per response by autocannon on the same machine), req/s and the load average, and
 * first p50/p95 of BENCH_SEQUENTIAL requests sent one at a time (server time without queueing),
 * and the CPU time one page costs the server and Postgres under load (Linux).
 *
 *   NEXT_DIST_DIR=.next-50 npx next build
 *   DATABASE_URL=postgres://…/cm_search100 AUTH_SECRET=… NEXT_DIST_DIR=.next-50 npm run bench:browse
 *
 * Without BENCH_URL the script starts the production server as `npm start` runs it
 * (scripts/start.mjs: one process per core, WEB_CONCURRENCY to change) on BENCH_PORT (3250)
 * from that build (background jobs off, so the figures are the pages' own) and stops it at the end. With
 * BENCH_URL it uses a server already running against the same DATABASE_URL and AUTH_SECRET.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { loadavg } from 'node:os';
import { eq } from 'drizzle-orm';
import autocannon, { type Result } from 'autocannon';
import { encode } from 'next-auth/jwt';
import { closeDb, getDb } from '@/db';
import { users } from '@/db/schema/accounts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 40);
const EMAIL = process.env.BENCH_EMAIL ?? 'trading@demo.test';
const PORT = Number(process.env.BENCH_PORT ?? 3250);
const secret = process.env.AUTH_SECRET;
if (!secret) throw new Error('AUTH_SECRET must be set (the same as the server’s)');
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL must be set (the database the server reads)');

const seedQueries: Record<string, string>[] = [
  { q: '固体電解質', domain: 'environment_energy', trl: '4' },
  { q: 'machining', domain: 'manufacturing', trl: '3' },
  { q: '画像解析', domain: 'it', trl: '5' },
  { q: 'fermentation', domain: 'biotech', trl: '2' },
  { q: 'battery', domain: 'environment_energy', trl: '3' },
  { q: 'センサ', domain: 'it', trl: '2' },
];
const needQueries: Record<string, string>[] = [
  { q: '省エネ', domain: 'environment_energy', prefecture: 'Aichi' },
  { q: 'inspection', domain: 'manufacturing', trl: '5' },
  { q: '受注', domain: 'it', trl: '6' },
  { q: 'cost', domain: 'biotech', prefecture: 'Osaka' },
];

/**
 * CPU seconds used so far by the page server (processes named next-server) and by Postgres
 * (processes named postgres), from /proc on Linux (null elsewhere): with them each run reports
 * the CPU one page costs on each side, which bounds the throughput two cores can give.
 */
function cpuSeconds(): { server: number; postgres: number } | null {
  if (!fs.existsSync('/proc/self/stat')) return null;
  const out = { server: 0, postgres: 0 };
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const seconds = (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (100/s)
    if (name.startsWith('next-server')) out.server += seconds;
    else if (name.startsWith('postgres')) out.postgres += seconds;
  }
  return out;
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

async function startServer(): Promise<{ base: string; child: ChildProcess | null }> {
  if (process.env.BENCH_URL) return { base: process.env.BENCH_URL.replace(/\/$/, ''), child: null };
  const base = `http://127.0.0.1:${PORT}`;
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      AUTH_TRUST_HOST: 'true',
      DISABLE_BACKGROUND_JOBS: '1',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true, // own process group, so stopping it stops the server processes too
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  process.kill(-child.pid!, 'SIGTERM');
  throw new Error(
    `the server did not answer on ${base} within 60 s (built with NEXT_DIST_DIR=${process.env.NEXT_DIST_DIR ?? '.next'}?)`,
  );
}

async function sessionCookie(base: string): Promise<string> {
  const db = await getDb();
  const [user] = await db.select({ id: users.id, sv: users.sessionVersion }).from(users).where(eq(users.email, EMAIL));
  if (!user) throw new Error(`no user ${EMAIL}: seed the demo data into this database first (npm run db:seed)`);
  const name = base.startsWith('https') ? '__Secure-authjs.session-token' : 'authjs.session-token';
  const token = await encode({ token: { sub: user.id, sv: user.sv }, secret: secret!, salt: name, maxAge: 3600 });
  return `${name}=${token}`;
}

async function run(base: string, label: string, path: string, queries: Record<string, string>[], cookie: string) {
  const requests = queries.map((q) => ({
    method: 'GET' as const,
    path: `${path}?${new URLSearchParams(q).toString()}`,
  }));
  const headers = { cookie: `${cookie ? `${cookie}; ` : ''}NEXT_LOCALE=ja` };
  // once per query: the page itself, not a redirect to sign-in (and a warm-up of each route)
  for (const r of requests) {
    const res = await fetch(`${base}${r.path}`, { headers, redirect: 'manual' });
    if (res.status !== 200) throw new Error(`${label}: GET ${r.path} answered ${res.status}`);
  }
  // one request at a time first: the page's own server time, without queueing behind the others
  const alone: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const t0 = performance.now();
    await (await fetch(`${base}${requests[i % requests.length].path}`, { headers })).arrayBuffer();
    alone.push(performance.now() - t0);
  }
  alone.sort((a, b) => a - b);
  const times: number[] = [];
  const cpuBefore = cpuSeconds();
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      { url: base, connections: CONNECTIONS, duration: SECONDS, headers, requests },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
  const cpuAfter = cpuSeconds();
  times.sort((a, b) => a - b);
  const f = (p: number) => pct(times, p).toFixed(0);
  const perPage = (side: 'server' | 'postgres') =>
    (((cpuAfter![side] - cpuBefore![side]) * 1000) / Math.max(1, result.requests.total)).toFixed(1);
  console.log(
    `${label.padEnd(22)} 1 at a time × ${SEQUENTIAL}: p50 ${pct(alone, 50).toFixed(0)} ms · p95 ${pct(alone, 95).toFixed(0)} ms`,
  );
  console.log(
    `${label.padEnd(22)} ${CONNECTIONS} conn × ${SECONDS} s: ${result.requests.total} requests (${result.non2xx} non-2xx, ${result.errors} errors) · ` +
      `p50 ${f(50)} ms · p95 ${f(95)} ms · p99 ${f(99)} ms · max ${times[times.length - 1]?.toFixed(0)} ms · ${result.requests.average} req/s · load average ${load()}`,
  );
  if (cpuBefore && cpuAfter)
    console.log(`${''.padEnd(22)} CPU per page: server ${perPage('server')} ms · Postgres ${perPage('postgres')} ms`);
}

const { base, child } = await startServer();
try {
  const cookie = await sessionCookie(base);
  console.log(
    `server ${base}${child ? ` (scripts/start.mjs, WEB_CONCURRENCY ${process.env.WEB_CONCURRENCY ?? 'one per core'}, dist ${process.env.NEXT_DIST_DIR ?? '.next'})` : ''}; load average before ${load()}`,
  );
  await run(base, 'seeds, signed out', '/seeds', seedQueries, '');
  await run(base, `seeds, ${EMAIL}`, '/seeds', seedQueries, cookie);
  await run(base, `needs, ${EMAIL}`, '/needs', needQueries, cookie);
} finally {
  await closeDb();
  if (child) process.kill(-child.pid!, 'SIGTERM');
}
