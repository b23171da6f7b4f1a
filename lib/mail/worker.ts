import { getDb } from '@/db';
import { startPoller, type Poller } from '@/lib/background/poller';
import { deliverDueMails, smtpTransportFromEnv } from './sender';

/** Sends outbox mail every few seconds when SMTP_URL is set; without it mail stays in the outbox. */
export async function startMailWorker(intervalMs = Number(process.env.MAIL_POLL_MS ?? 3000)): Promise<Poller | null> {
  const transport = await smtpTransportFromEnv();
  if (!transport) {
    console.info('[mail] SMTP_URL not set: mail stays in the outbox (/admin/outbox)');
    return null;
  }
  return startPoller('mail', intervalMs, async () => {
    const db = await getDb();
    // drain: keep going while full batches come back
    for (let i = 0; i < 10; i++) {
      const { sent, failed } = await deliverDueMails(db, { transport });
      if (sent + failed < 20 || failed > 0) break;
    }
  });
}
