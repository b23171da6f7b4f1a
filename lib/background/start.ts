import { getDb } from '@/db';
import { runIntroductionSweeps } from '@/lib/introductions/jobs';
import { startMailWorker } from '@/lib/mail/worker';
import { startPoller } from './poller';

const globalForJobs = globalThis as unknown as { clustermatchJobs?: boolean };

export async function startBackgroundJobs() {
  if (globalForJobs.clustermatchJobs) return;
  globalForJobs.clustermatchJobs = true;
  await startMailWorker();
  startPoller('introductions', Number(process.env.INTRO_SWEEP_MS ?? 60_000), async () => runIntroductionSweeps(await getDb()));
}
