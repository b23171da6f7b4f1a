/**
 * Next.js start-up hook (once per server process): background passes for mail and
 * introductions, and the pg-boss job workers (lib/jobs) — only in the Node.js runtime, never
 * while `next build` evaluates modules; DISABLE_BACKGROUND_JOBS=1 turns both off.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  if (process.env.DISABLE_BACKGROUND_JOBS === '1' || process.env.JOBS_DISABLED === '1') return;
  // mail outbox sender and introduction follow-ups (reminders, expiry, check-ins): idempotent polling passes
  const { startBackgroundJobs } = await import('./lib/background/start');
  await startBackgroundJobs().catch((error) => console.error('[background] could not start', error));
  const { startWorkers } = await import('./lib/jobs');
  try {
    const started = await startWorkers();
    console.log(`[jobs] workers started: ${started.join(', ') || 'none'}`);
  } catch (error) {
    // the site still serves; jobs stay queued in the database until a worker runs
    console.error('[jobs] could not start workers', error);
  }
}
