/**
 * Matching's background work:
 * - `matching.rematch` {kind, id}: re-index one listing and refresh its engine proposals
 *   (lib/listings calls `enqueueRematch` when a listing is published, edited or closed);
 * - `matching.reweigh`: drop documents of closed / expired listings and re-weigh stored
 *   vectors whose IDF drifted as the corpus grew (queued after re-matches, at most one
 *   waiting at a time, and hourly by schedule).
 */
import { getDb, type Db } from '@/db';
import { defineWorker, enqueue, prepareJobs } from '@/lib/jobs';
import { rematchListing } from './proposals';
import { pruneIndex, reweigh } from './store';
import type { ListingKind } from '@/db/vocabulary/listings';

export const REMATCH_QUEUE = 'matching.rematch';
export const REWEIGH_QUEUE = 'matching.reweigh';

export type RematchJob = { kind: ListingKind; id: string };

/**
 * Asks for a listing to be re-matched in the background. One waiting job per listing.
 * Called inside a transaction, pass it as `tx` so the job commits with the listing.
 * Higher `priority` jobs are taken before older ones (default 0).
 */
export async function enqueueRematch(
  listing: RematchJob,
  options: { tx?: Db; priority?: number } = {},
): Promise<string | null> {
  return enqueue(
    REMATCH_QUEUE,
    { kind: listing.kind, id: listing.id },
    { tx: options.tx, priority: options.priority, singletonKey: `${listing.kind}:${listing.id}` },
  );
}

/** Readies the re-match queue: call before a transaction that will `enqueueRematch({ tx })`. */
export function prepareRematch(): Promise<void> {
  return prepareJobs([REMATCH_QUEUE]);
}

export async function handleRematch(data: RematchJob): Promise<void> {
  if ((data.kind !== 'need' && data.kind !== 'seed') || typeof data.id !== 'string') return; // malformed: drop
  const db = await getDb();
  await rematchListing(db, data.kind, data.id);
  await enqueue(REWEIGH_QUEUE, {}, { singletonKey: 'reweigh', startAfter: 60 });
}

export async function handleReweigh(): Promise<void> {
  const db = await getDb();
  for (const kind of ['need', 'seed'] as const) {
    await pruneIndex(db, kind);
    await reweigh(db, kind);
  }
}

/** Declares matching's workers (instrumentation.ts at start-up; tests that run them). */
export function registerWorkers(): void {
  defineWorker<RematchJob>(REMATCH_QUEUE, handleRematch, { concurrency: 2 });
  defineWorker(REWEIGH_QUEUE, handleReweigh, { concurrency: 1, expireInSeconds: 60 * 60, cron: '17 * * * *' });
}
