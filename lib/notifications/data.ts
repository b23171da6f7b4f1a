import 'server-only';
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { notifications } from '@/db/schema/notifications';
import type { Viewer } from '@/lib/auth/policy';

const PAGE_SIZE = 30;

/** One page of the viewer's own notifications, newest first, with the totals for the pager and the badge. */
export async function listNotifications(viewer: Viewer, page = 1) {
  const db = await getDb();
  const mine = eq(notifications.userId, viewer.userId);
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        params: notifications.params,
        href: notifications.href,
        readAt: notifications.readAt,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .where(mine)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(PAGE_SIZE)
      .offset((Math.max(page, 1) - 1) * PAGE_SIZE),
    db
      .select({ total: count(), unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)` })
      .from(notifications)
      .where(mine),
  ]);
  const total = Number(totals?.total ?? 0);
  return { rows, total, unread: Number(totals?.unread ?? 0), totalPages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export const NOTIFICATIONS_PAGE_SIZE = PAGE_SIZE;

export async function countUnreadNotifications(viewer: Viewer): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, viewer.userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks the given notifications (or all) read; only the viewer's own rows are touched. */
export async function markNotificationsRead(viewer: Viewer, ids: string[] | 'all'): Promise<number> {
  const db = await getDb();
  const where =
    ids === 'all'
      ? and(eq(notifications.userId, viewer.userId), isNull(notifications.readAt))
      : and(
          eq(notifications.userId, viewer.userId),
          isNull(notifications.readAt),
          inArray(notifications.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']),
        );
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(where)
    .returning({ id: notifications.id });
  return rows.length;
}
