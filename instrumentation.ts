/**
 * Next.js start-up hook (once per server process): starts the pg-boss job workers (lib/jobs;
 * every worker is listed in lib/jobs/workers.ts: matching, saved-search digests, the mail
 * sender, introduction reminders/expiry/check-ins) — only in the Node.js runtime, never while
 * `next build` evaluates modules; DISABLE_BACKGROUND_JOBS=1 (or JOBS_DISABLED=1) turns them off.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  if (process.env.DISABLE_BACKGROUND_JOBS === '1' || process.env.JOBS_DISABLED === '1') return;
  const [{ startWorkers }, { log }] = await Promise.all([import('./lib/jobs'), import('./lib/log/logger')]);
  try {
    const started = await startWorkers();
    log().info({ workers: started }, 'job workers started');
  } catch (error) {
    // the site still serves; jobs stay queued in the database until a worker runs
    log().error({ err: error }, 'could not start the job workers');
  }
}
