/**
 * The mail sender as a pg-boss worker (`mail.flush`). The outbox table stays the source of
 * truth: a flush claims due rows with a conditional update (lib/mail/sender.ts), so running
 * it in several processes, or twice, never sends a mail twice, and a mail that failed while
 * the SMTP server was down stays pending until a later flush delivers it.
 *
 * - A flush runs every minute (retries after backoff, and anything a prompt flush missed);
 *   MAIL_FLUSH_EVERY_SECONDS makes it every few seconds instead (e2e/scale-out.spec.ts watches it run).
 * - After a transaction that wrote outbox rows commits, `transactionWithMail` (./transaction.ts)
 *   queues one more for prompt delivery; the queue's 'short' policy keeps at most one waiting.
 * - Without SMTP_URL no sender runs in this process: mail stays in the outbox (/mail/outbox).
 */
import type { Transporter } from 'nodemailer';
import { getDb } from '@/db';
import { env } from '@/lib/env';
import { defineWorker } from '@/lib/jobs';
import { deliverDueMails, smtpTransportFromEnv } from './sender';
import { MAIL_FLUSH_QUEUE } from './transaction';

const BATCH = 20;

let transport: Promise<Transporter | null> | undefined;

/** Sends every due outbox mail (in batches) until none is left or the SMTP server fails. */
async function flushOutbox(): Promise<{ sent: number; failed: number }> {
  transport ??= smtpTransportFromEnv();
  const smtp = await transport;
  const total = { sent: 0, failed: 0 };
  if (!smtp) return total;
  const db = await getDb();
  for (let i = 0; i < 50; i++) {
    const { sent, failed } = await deliverDueMails(db, { transport: smtp, batchSize: BATCH });
    total.sent += sent;
    total.failed += failed;
    if (failed > 0 || sent < BATCH) break; // SMTP trouble: the failed rows wait for their backoff
  }
  return total;
}

/** Declares the sender (instrumentation.ts at start-up; tests that send mail). Without SMTP_URL there is none. */
export function registerWorkers(): void {
  const { SMTP_URL, MAIL_FLUSH_EVERY_SECONDS } = env();
  if (!SMTP_URL) return;
  defineWorker(MAIL_FLUSH_QUEUE, async () => void (await flushOutbox()), {
    ...(MAIL_FLUSH_EVERY_SECONDS ? { everySeconds: MAIL_FLUSH_EVERY_SECONDS } : { cron: '* * * * *' }),
    policy: 'short',
    retryLimit: 1,
    expireInSeconds: 10 * 60,
  });
}
