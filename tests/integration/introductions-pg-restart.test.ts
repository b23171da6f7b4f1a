import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { closeDb, getDb } from '@/db';
import { auditLogs } from '@/db/schema/accounts';
import { matchEvents } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import { AppError } from '@/lib/errors';
import { stopJobs } from '@/lib/jobs';
import { transitionMatch } from '@/lib/introductions/transition';
import { makeCluster, makeUser, unique } from '../support/factories';

// Fault test: a Postgres server is stopped and started in the middle of transition traffic.
// It runs its own throwaway server (initdb in a temporary folder, its own port), so stopping
// it disturbs nobody; it needs the PostgreSQL server binaries (Debian: postgresql).
const pgBin = (() => {
  const candidates = [
    process.env.PG_BIN,
    ...(fs.existsSync('/usr/lib/postgresql')
      ? fs
          .readdirSync('/usr/lib/postgresql')
          .sort()
          .reverse()
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ];
  return candidates.find((dir) => dir && fs.existsSync(path.join(dir, 'pg_ctl')));
})();
const asRoot = process.getuid?.() === 0; // initdb refuses to run as root: use the postgres account
const run = (cmd: string, args: string[]) => {
  const bin = path.join(pgBin!, cmd);
  execFileSync(asRoot ? 'runuser' : bin, asRoot ? ['-u', 'postgres', '--', bin, ...args] : args, { stdio: 'pipe' });
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The app reads DATABASE_URL once, and some modules read the configuration as they load:
// point it at the private server before any import (the server starts in beforeAll).
// The port sits below Linux's ephemeral range (32768–60999): there, any outgoing connection — the
// thousands the browser tests leave in TIME_WAIT just before — can hold it, and pg_ctl fails to start.
// 20000–24999 also misses the machine's other servers (RabbitMQ's 25672).
const port = vi.hoisted(() => {
  const chosen = 20_000 + (process.pid % 5_000);
  process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:${chosen}/postgres`;
  return chosen;
});

let dir = '';
const startServer = () =>
  run('pg_ctl', [
    '-D',
    dir,
    '-l',
    path.join(dir, 'server.log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    '-w',
    'start',
  ]);
const stopServer = (mode: 'fast' | 'immediate') => run('pg_ctl', ['-D', dir, '-m', mode, '-w', 'stop']);

beforeAll(async () => {
  if (!pgBin) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clustermatch-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    fs.chownSync(dir, uid, gid);
  }
  run('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']);
  startServer();
}, 120_000);

afterAll(async () => {
  if (!pgBin) return;
  await stopJobs();
  await closeDb();
  try {
    stopServer('immediate');
  } catch {
    // already stopped
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!pgBin)('Postgres restart during introductions traffic', () => {
  it('answers 503 while down, recovers without a restart, leaves no half-done transition', async () => {
    const db = await getDb();
    const cluster = await makeCluster();
    const coordinator = await makeUser('coordinator', { coordinates: [cluster.id] });
    const sme = await makeUser('sme', { clusterIds: [cluster.id] });
    const researcher = await makeUser('researcher', { clusterIds: [cluster.id] });
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const [need] = await db
        .insert(needs)
        .values({
          organisationId: sme.user.organisationId,
          createdBy: sme.user.id,
          language: 'en',
          title: unique('n'),
          summary: 's',
          domain: 'it',
          status: 'open',
        })
        .returning();
      const [seed] = await db
        .insert(seeds)
        .values({
          organisationId: researcher.user.organisationId,
          createdBy: researcher.user.id,
          language: 'en',
          title: unique('s'),
          summary: 's',
          domain: 'it',
          status: 'open',
        })
        .returning();
      const [m] = await db
        .insert(matches)
        .values({ kind: 'engine', needId: need.id, seedId: seed.id, clusterId: cluster.id })
        .returning();
      ids.push(m.id);
    }
    expect((await health()).status).toBe(200);

    // traffic: walk every match through approve → accept → accept, retrying what fails
    let stop = false;
    const outcomes = { ok: 0, conflict: 0, failed: 0 };
    const traffic = (async () => {
      const steps = [
        (id: string) => transitionMatch(db, coordinator.viewer, id, { type: 'approve', note: 'go' }),
        (id: string) => transitionMatch(db, sme.viewer, id, { type: 'accept' }),
        (id: string) => transitionMatch(db, researcher.viewer, id, { type: 'accept' }),
      ];
      const progress = new Map(ids.map((id) => [id, 0]));
      while (!stop && [...progress.values()].some((p) => p < steps.length)) {
        for (const id of ids) {
          const p = progress.get(id)!;
          if (p >= steps.length) continue;
          try {
            await steps[p](id);
            outcomes.ok++;
            progress.set(id, p + 1);
          } catch (error) {
            if (error instanceof AppError) {
              outcomes.conflict++;
              // a transition that committed but whose reply was lost: re-read and move on
              const [row] = await db
                .select({ status: matches.status })
                .from(matches)
                .where(eq(matches.id, id))
                .catch(() => [{ status: null }]);
              if (row?.status === 'introduced') progress.set(id, steps.length);
            } else {
              outcomes.failed++;
              await sleep(100);
            }
          }
          await sleep(20);
        }
      }
    })();

    await sleep(300);
    stopServer('fast');
    let sawOutage = false;
    try {
      for (let i = 0; i < 3; i++) {
        const res = await health();
        if (res.status === 503) sawOutage = true;
        await sleep(500);
      }
    } finally {
      startServer();
    }
    expect(sawOutage).toBe(true);

    // recovery, same process and pool
    let recovered = false;
    for (let i = 0; i < 40 && !recovered; i++) {
      recovered = (await health()).status === 200;
      if (!recovered) await sleep(500);
    }
    expect(recovered).toBe(true);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const rows = await db.select({ status: matches.status }).from(matches).where(inArray(matches.id, ids));
      if (rows.every((r) => r.status === 'introduced')) break;
      await sleep(250);
    }
    stop = true;
    await traffic;
    expect(outcomes.failed).toBeGreaterThan(0); // the outage was felt

    // no half-done transition: each version bump has exactly one timeline event and one audit row
    const rows = await db
      .select({ id: matches.id, status: matches.status, version: matches.version })
      .from(matches)
      .where(inArray(matches.id, ids));
    const events = await db
      .select({ matchId: matchEvents.matchId, n: sql<number>`count(*)::int` })
      .from(matchEvents)
      .where(inArray(matchEvents.matchId, ids))
      .groupBy(matchEvents.matchId);
    const audits = await db
      .select({ id: auditLogs.subjectId, n: sql<number>`count(*)::int` })
      .from(auditLogs)
      .where(inArray(auditLogs.subjectId, ids))
      .groupBy(auditLogs.subjectId);
    for (const row of rows) {
      expect(row.status).toBe('introduced');
      expect(row.version).toBe(4);
      expect(events.find((e) => e.matchId === row.id)?.n).toBe(3);
      expect(audits.find((a) => a.id === row.id)?.n).toBe(3);
    }
  }, 180_000);
});
