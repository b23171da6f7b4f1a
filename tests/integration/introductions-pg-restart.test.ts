import { execFileSync } from 'node:child_process';
import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { getDb } from '@/db';
import { auditLogs } from '@/db/schema/accounts';
import { matchEvents } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import { AppError } from '@/lib/errors';
import { transitionMatch } from '@/lib/introductions/transition';
import { makeCluster, makeUser, unique } from '../support/factories';

// Fault test: the local Postgres server is stopped and started in the middle of transition traffic.
// It restarts a shared server, so it runs only when asked:
//   ALLOW_PG_RESTART=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/cm_intro npx vitest run tests/integration/introductions-pg-restart.test.ts
const enabled = process.env.ALLOW_PG_RESTART === '1' && !!process.env.DATABASE_URL;
const CLUSTER = (process.env.PG_CLUSTER ?? '15 main').split(' ');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!enabled)('Postgres restart during introductions traffic', () => {
  it('answers 503 while down, recovers without a restart, leaves no half-done transition', async () => {
    const db = await getDb();
    const cluster = await makeCluster();
    const coordinator = await makeUser('coordinator', { coordinates: [cluster.id] });
    const sme = await makeUser('sme', { clusterIds: [cluster.id] });
    const researcher = await makeUser('researcher', { clusterIds: [cluster.id] });
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const [need] = await db.insert(needs).values({ organisationId: sme.user.organisationId, createdBy: sme.user.id, language: 'en', title: unique('n'), summary: 's', domain: 'it', status: 'open' }).returning();
      const [seed] = await db.insert(seeds).values({ organisationId: researcher.user.organisationId, createdBy: researcher.user.id, language: 'en', title: unique('s'), summary: 's', domain: 'it', status: 'open' }).returning();
      const [m] = await db.insert(matches).values({ kind: 'engine', needId: need.id, seedId: seed.id, clusterId: cluster.id }).returning();
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
              const [row] = await db.select({ status: matches.status }).from(matches).where(eq(matches.id, id)).catch(() => [{ status: null }]);
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
    execFileSync('pg_ctlcluster', [...CLUSTER, 'stop', '-m', 'fast']);
    let sawOutage = false;
    try {
      for (let i = 0; i < 3; i++) {
        const res = await health();
        if (res.status === 503) sawOutage = true;
        await sleep(500);
      }
    } finally {
      execFileSync('pg_ctlcluster', [...CLUSTER, 'start']);
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
    const rows = await db.select({ id: matches.id, status: matches.status, version: matches.version }).from(matches).where(inArray(matches.id, ids));
    const events = await db.select({ matchId: matchEvents.matchId, n: sql<number>`count(*)::int` }).from(matchEvents).where(inArray(matchEvents.matchId, ids)).groupBy(matchEvents.matchId);
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
