import type { Db } from '@/db';
import { notifications } from '@/db/schema/notifications';

export type NotificationInput = {
  userId: string;
  /** Key under `notifications.kinds.` (rendered in the reader's language when shown). */
  kind: string;
  params?: Record<string, string | number>;
  href?: string;
};

/** Adds in-app notifications inside the caller's transaction. */
export async function notify(tx: Db, items: NotificationInput | NotificationInput[]): Promise<void> {
  const rows = (Array.isArray(items) ? items : [items]).map((n) => ({
    userId: n.userId,
    kind: n.kind,
    params: n.params ?? {},
    href: n.href ?? null,
  }));
  if (rows.length) await tx.insert(notifications).values(rows);
}
