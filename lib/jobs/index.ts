/**
 * Background jobs: a Postgres-backed queue (pg-boss) in the application's own database.
 *
 * - With DATABASE_URL, pg-boss keeps its own small connection pool (schema `pgboss`).
 * - With embedded PGlite there is a single connection, so pg-boss runs through its PGlite
 *   adapter on the same handle: jobs are rows in the same database and survive a restart.
 *   PGlite serialises work, so a long job delays requests; that is the embedded mode's limit.
 *
 * This module knows no feature. Each feature declares its workers with `defineWorker(name,
 * handler)` inside `registerWorkers()` of its `lib/<feature>/jobs.ts`; instrumentation.ts calls
 * those at server start-up and then `startWorkers()`; a test registers and starts only the
 * workers it tests. Anyone may `enqueue(name, data)`. Inside a database transaction pass `{ tx }`,
 * so the job is committed with the transaction (and, on PGlite, does not wait on it: name the
 * queue to `prepareJobs([name])` first).
 */
import { type SQL, sql } from 'drizzle-orm';
import { PgBoss, fromDrizzle, fromPglite, type SendOptions } from 'pg-boss';
import { getHandle, type Db } from '@/db';
import { rowsOf } from '@/db/rows';
import { env } from '@/lib/env';
import { log, runJob } from '@/lib/log/logger';

export type JobHandler<T> = (data: T, job: { id: string; name: string }) => Promise<void>;

export interface WorkerOptions {
  /** jobs of this queue handled at once by this process */
  concurrency?: number;
  /** retries after a failure (exponential backoff) */
  retryLimit?: number;
  /** seconds a job may run before it is retried */
  expireInSeconds?: number;
  /** also run on this cron schedule (UTC), e.g. '17 * * * *' */
  cron?: string;
  /**
   * also run every this many seconds: each process that works the queue sends one on a timer (a
   * cron schedule's smallest step is a minute). For tests that must see a schedule run in seconds.
   */
  everySeconds?: number;
  /** pg-boss queue policy; 'short' keeps at most one job waiting per singletonKey */
  policy?: 'standard' | 'short';
}

type Registered = { handler: JobHandler<unknown>; options: WorkerOptions };

type JobsState = {
  boss?: Promise<PgBoss>;
  queues: Set<string>;
  workers: Map<string, Registered>;
  working: Set<string>;
  timers?: ReturnType<typeof setInterval>[];
};
// process-wide (dev-mode hot reloads must not start a second queue)
declare global {
  var clustermatchJobs: JobsState | undefined;
}
globalThis.clustermatchJobs ??= { queues: new Set(), workers: new Map(), working: new Set() };
const jobs: JobsState = globalThis.clustermatchJobs;

export const JOB_SCHEMA = 'pgboss';

/** Declares the worker of a queue (call at module load of the feature's jobs module). */
export function defineWorker<T>(name: string, handler: JobHandler<T>, options: WorkerOptions = {}): void {
  jobs.workers.set(name, { handler: handler as JobHandler<unknown>, options });
}

/** The started queue (lazily; shares the application's database). */
export function getBoss(): Promise<PgBoss> {
  jobs.boss ??= (async () => {
    const handle = await getHandle();
    const boss =
      handle.kind === 'postgres'
        ? new PgBoss({
            connectionString: env().DATABASE_URL!,
            schema: JOB_SCHEMA,
            max: 3,
            application_name: 'clustermatch-jobs',
          })
        : new PgBoss({
            db: fromPglite(handle.pglite!),
            backend: 'pglite',
            schema: JOB_SCHEMA,
          });
    boss.on('error', (error) => log().error({ err: error }, 'job queue error'));
    await boss.start();
    for (const name of jobs.workers.keys()) await ensureQueue(boss, name);
    return boss;
  })().catch((error) => {
    jobs.boss = undefined;
    throw error;
  });
  return jobs.boss;
}

async function ensureQueue(boss: PgBoss, name: string) {
  if (jobs.queues.has(name)) return;
  const o = jobs.workers.get(name)?.options ?? {};
  await boss.createQueue(name, {
    policy: o.policy ?? 'standard',
    retryLimit: o.retryLimit ?? 3,
    retryBackoff: true,
    expireInSeconds: o.expireInSeconds ?? 15 * 60,
  });
  jobs.queues.add(name);
}

export interface EnqueueOptions {
  /** the current transaction: the job is inserted in it */
  tx?: Db;
  /** at most one queued job with this key (e.g. one re-match per listing) */
  singletonKey?: string;
  startAfter?: number | string | Date;
  priority?: number;
}

/** Queues a job; returns its id (null when a singleton duplicate was skipped). */
export async function enqueue<T extends object>(
  name: string,
  data: T,
  options: EnqueueOptions = {},
): Promise<string | null> {
  if (options.tx && !jobs.queues.has(name) && (await getHandle()).kind === 'pglite') {
    // PGlite has one connection, held by the caller's transaction: starting the queue or
    // creating a queue now would wait for that transaction forever.
    throw new Error(
      `enqueue('${name}', …, { tx }) on embedded PGlite needs the queue ready first (prepareJobs(['${name}'])); or enqueue after commit`,
    );
  }
  const boss = await getBoss();
  await ensureQueue(boss, name);
  const send: SendOptions = {};
  if (options.singletonKey) send.singletonKey = options.singletonKey;
  if (options.startAfter !== undefined) send.startAfter = options.startAfter as SendOptions['startAfter'];
  if (options.priority !== undefined) send.priority = options.priority;
  const tx = options.tx;
  if (tx) send.db = fromDrizzle({ execute: async (query) => ({ rows: rowsOf(await tx.execute(query as SQL)) }) }, sql);
  return boss.send(name, data, send);
}

/**
 * Starts the queue and creates every declared queue and those named (before enqueueing inside
 * a transaction on PGlite, whose one connection the transaction holds).
 */
export async function prepareJobs(queues: string[] = []): Promise<void> {
  const boss = await getBoss();
  for (const name of queues) await ensureQueue(boss, name);
}

/** Starts every declared worker in this process, or only those named (idempotent). */
export async function startWorkers(only?: string[]): Promise<string[]> {
  const boss = await getBoss();
  const started: string[] = [];
  for (const [name, { handler, options }] of jobs.workers) {
    if (jobs.working.has(name) || (only && !only.includes(name))) continue;
    await ensureQueue(boss, name);
    await boss.work(name, { localConcurrency: options.concurrency ?? 1, pollingIntervalSeconds: 2 }, async (batch) => {
      for (const job of batch) await runJob(name, job.id, () => handler(job.data, { id: job.id, name }));
    });
    if (options.cron) await boss.schedule(name, options.cron, {});
    if (options.everySeconds) {
      const tick = () =>
        boss.send(name, {}).catch((error) => log().warn({ err: error, queue: name }, 'could not queue a timed job'));
      jobs.timers ??= [];
      jobs.timers.push(setInterval(tick, options.everySeconds * 1000).unref());
    }
    jobs.working.add(name);
    started.push(name);
  }
  return started;
}

/** Whether this process runs the worker of a queue (startWorkers was called). */
export function isWorking(name: string): boolean {
  return jobs.working.has(name);
}

/** Stops workers and the queue (tests, scripts, shutdown). */
export async function stopJobs(): Promise<void> {
  const pending = jobs.boss;
  jobs.boss = undefined;
  jobs.queues.clear();
  jobs.working.clear();
  for (const timer of jobs.timers?.splice(0) ?? []) clearInterval(timer);
  if (pending) await (await pending).stop({ graceful: true, timeout: 5_000 });
}

/** Counts of a queue's jobs by state (admin views, tests). */
export async function queueCounts(name: string): Promise<Record<string, number>> {
  const handle = await getHandle();
  const rows = rowsOf<{ state: string; n: number }>(
    await handle.db.execute(
      sql`select state::text as state, count(*)::int as n from ${sql.raw(JOB_SCHEMA)}.job where name = ${name} group by state`,
    ),
  );
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}
