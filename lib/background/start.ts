import { getDb } from '@/db';
import { runIntroductionSweeps } from '@/lib/introductions/jobs';
import { startMailWorker } from '@/lib/mail/worker';
import { startPoller } from './poller';

const globalForJobs = globalThis as unknown as { clustermatchBackground?: boolean };

export async function startBackgroundJobs() {
  if (globalForJobs.clustermatchBackground) return;
  globalForJobs.clustermatchBackground = true;
  await startMailWorker();
  startPoller('introductions', Number(process.env.INTRO_SWEEP_MS ?? 60_000), async () => runIntroductionSweeps(await getDb()));
}
