import { getDb } from '@/db';
import { defineWorker } from '@/lib/jobs';
import { runExpiryReminders } from './expiry-reminders';

export const EXPIRY_REMINDER_QUEUE = 'listings.expiry-reminders';

/** Declares the listings' worker (instrumentation.ts at start-up). */
export function registerWorkers(): void {
  // Hourly (reminders are counted in days); idempotent, see expiry-reminders.ts.
  defineWorker(EXPIRY_REMINDER_QUEUE, async () => void (await runExpiryReminders(await getDb())), {
    cron: '23 * * * *',
    policy: 'short',
    retryLimit: 2,
  });
}
