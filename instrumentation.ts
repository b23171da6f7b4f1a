/**
 * Next.js start-up hook (once per server process): the composition root of background work.
 * Each feature registers its pg-boss workers here (lib/<feature>/jobs.ts `registerWorkers`:
 * matching, listings' expiry reminders, saved-search digests, the mail sender, introduction
 * reminders/expiry/check-ins, the privacy retention job), then they start — only in the Node.js runtime, never while
 * `next build` evaluates modules; DISABLE_BACKGROUND_JOBS=1 (or JOBS_DISABLED=1) turns them off.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  if (process.env.DISABLE_BACKGROUND_JOBS === '1' || process.env.JOBS_DISABLED === '1') return;
  const [{ startWorkers, stopJobs }, { log }] = await Promise.all([import('./lib/jobs'), import('./lib/log/logger')]);
  // scripts/server.mjs calls this on SIGTERM, after the requests in flight have finished
  (globalThis as { clustermatchStopJobs?: () => Promise<void> }).clustermatchStopJobs = stopJobs;
  const features = await Promise.all([
    import('./lib/matching/jobs'),
    import('./lib/listings/jobs'),
    import('./lib/saved-searches/jobs'),
    import('./lib/mail/jobs'),
    import('./lib/introductions/jobs'),
    import('./lib/privacy/jobs'),
    import('./lib/programme/survey/jobs'),
  ]);
  for (const feature of features) feature.registerWorkers();
  try {
    const started = await startWorkers();
    log().info({ workers: started }, 'job workers started');
  } catch (error) {
    // the site still serves; jobs stay queued in the database until a worker runs
    log().error({ err: error }, 'could not start the job workers');
  }
}
