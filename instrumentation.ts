// Runs once when the Next.js server starts: background passes for mail and introductions.
// (A small in-process poller; each pass is idempotent and safe alongside other servers.)
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build' || process.env.DISABLE_BACKGROUND_JOBS === '1') return;
  const { startBackgroundJobs } = await import('./lib/background/start');
  await startBackgroundJobs();
}
