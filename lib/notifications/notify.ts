import type { Db } from '@/db';
import { notifications } from '@/db/schema/notifications';
import { type MessageParams, storeParams } from '@/lib/i18n/message-params';

export type NotificationInput = {
  userId: string;
  /** Key under `notifications.kinds.` (rendered in the reader's language and time zone when shown). */
  kind: string;
  /** Dates as Date, message keys as messageKey('ns.key') (lib/i18n/message-params). */
  params?: MessageParams;
  href?: string;
};

/** Adds in-app notifications inside the caller's transaction. */
export async function notify(tx: Db, items: NotificationInput | NotificationInput[]): Promise<void> {
  const rows = (Array.isArray(items) ? items : [items]).map((n) => ({
    userId: n.userId,
    kind: n.kind,
    params: storeParams(n.params ?? {}),
    href: n.href ?? null,
  }));
  if (rows.length) await tx.insert(notifications).values(rows);
}
