import { getDb } from '@/db';
import { defineWorker } from '@/lib/jobs';
import { runSavedSearchDigests } from './run';

export const DIGEST_QUEUE = 'saved-search-digests';

/** Declares the digest worker (instrumentation.ts at start-up). */
export function registerWorkers(): void {
  // Hourly: each run sends the daily/weekly digests that are due (idempotent, see run.ts).
  defineWorker(
    DIGEST_QUEUE,
    async () => {
      await runSavedSearchDigests(await getDb());
    },
    { cron: '17 * * * *', retryLimit: 2 },
  );
}
