import { getDb } from '@/db';
import { defineWorker } from '@/lib/jobs';
import { log } from '@/lib/log/logger';
import { purgeExpired } from './retention';

export const RETENTION_QUEUE = 'privacy.retention';

/** Declares the retention worker (instrumentation.ts at start-up). */
export function registerWorkers(): void {
  // Daily at 03:41 UTC: deletes what is past the retention periods of the privacy notice (idempotent).
  defineWorker(
    RETENTION_QUEUE,
    async () => {
      const purged = await purgeExpired(await getDb());
      log().info({ purged }, 'retention applied');
    },
    { cron: '41 3 * * *', retryLimit: 2 },
  );
}
