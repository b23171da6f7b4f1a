import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Db } from '@/db';
import { rowsOf } from '@/db/rows';
import { outboxEmails } from '@/db/schema/mail';
import { env } from '@/lib/env';

export type SendOptions = {
  transport: Pick<Transporter, 'sendMail'>;
  from?: string;
  batchSize?: number;
  /** How long a claim keeps other workers off a row; longer than the SMTP timeouts. */
  leaseSeconds?: number;
  maxAttempts?: number;
  /** Delay before attempt n+1 after n failed attempts. */
  backoffSeconds?: (attempts: number) => number;
};

export const defaultBackoff = (attempts: number) => Math.min(30 * 2 ** (attempts - 1), 3600);

type Claimed = {
  id: string;
  toAddress: string;
  subject: string;
  textBody: string;
  messageId: string;
  attempts: number;
  locale: string;
};

/**
 * One pass of the outbox: claim due rows (FOR UPDATE SKIP LOCKED, so concurrent workers
 * never take the same row), send each, and mark it sent only if our claim still holds.
 * A crash between send and mark leaves the lease to expire and the mail is sent again with
 * the same Message-ID (receivers drop duplicates); within a live process each row is sent
 * once. Returns how many were sent and how many failed this pass.
 */
export async function deliverDueMails(db: Db, options: SendOptions): Promise<{ sent: number; failed: number }> {
  const token = crypto.randomUUID();
  const lease = options.leaseSeconds ?? 120;
  const rows = rowsOf<Claimed>(
    await db.execute(sql`
    UPDATE outbox_emails SET locked_until = now() + make_interval(secs => ${lease}), claim_token = ${token}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM outbox_emails
      WHERE status = 'pending' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
      ORDER BY next_attempt_at
      LIMIT ${options.batchSize ?? 20}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, to_address AS "toAddress", subject, text_body AS "textBody", message_id AS "messageId", attempts, locale
  `),
  );
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    try {
      await options.transport.sendMail({
        from: options.from ?? env().MAIL_FROM,
        to: row.toAddress,
        subject: row.subject,
        text: row.textBody,
        messageId: row.messageId,
        headers: { 'Content-Language': row.locale },
      });
    } catch (error) {
      failed++;
      const maxAttempts = options.maxAttempts ?? 10;
      const delay = (options.backoffSeconds ?? defaultBackoff)(row.attempts);
      await db
        .update(outboxEmails)
        .set({
          status: row.attempts >= maxAttempts ? 'failed' : 'pending',
          lockedUntil: null,
          claimToken: null,
          nextAttemptAt: sql`now() + make_interval(secs => ${delay})`,
          lastError: String((error as Error)?.message ?? error).slice(0, 500),
        })
        .where(and(eq(outboxEmails.id, row.id), eq(outboxEmails.claimToken, token)));
      continue;
    }
    sent++;
    await db
      .update(outboxEmails)
      .set({ status: 'sent', sentAt: new Date(), lockedUntil: null, claimToken: null, lastError: null })
      .where(and(eq(outboxEmails.id, row.id), eq(outboxEmails.claimToken, token)));
  }
  return { sent, failed };
}

/** nodemailer transport from SMTP_URL, or null when mail should stay in the outbox. */
export async function smtpTransportFromEnv(): Promise<Transporter | null> {
  const url = env().SMTP_URL;
  if (!url) return null;
  const nodemailer = await import('nodemailer');
  return nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
}
