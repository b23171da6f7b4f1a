/**
 * The outbox's side of prompt delivery, apart from the sender: a state change that writes
 * mail runs in `transactionWithMail(db, fn)`, and once it commits a flush of the outbox is
 * queued for the mail worker (lib/mail/jobs.ts). Where no worker runs in this process the
 * mail waits in the outbox for the scheduled flush (or /mail/outbox when no SMTP is set).
 */
import type { Db } from '@/db';
import { enqueue, isWorking } from '@/lib/jobs';
import { log } from '@/lib/log/logger';
import { wroteMail } from './outbox';

export const MAIL_FLUSH_QUEUE = 'mail.flush';

/** Asks the sender to run soon (no-op where no sender runs; the schedule covers it then). */
function requestMailFlush(): void {
  if (!isWorking(MAIL_FLUSH_QUEUE)) return;
  enqueue(MAIL_FLUSH_QUEUE, {}, { singletonKey: 'outbox' }).catch((error) =>
    log().warn({ err: error }, 'could not queue a mail flush; the scheduled one will send the mail'),
  );
}

/** `db.transaction(fn)`, then a prompt flush if the transaction wrote mail and committed. */
export async function transactionWithMail<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  let used: Db | undefined;
  const result = await db.transaction(async (tx) => {
    used = tx;
    return fn(tx);
  });
  if (used && wroteMail(used)) requestMailFlush();
  return result;
}
