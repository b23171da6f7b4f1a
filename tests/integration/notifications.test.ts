import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { listNotifications, markNotificationsRead, NOTIFICATIONS_PAGE_SIZE } from '@/lib/notifications/data';
import { notify } from '@/lib/notifications/notify';
import { makeUser } from '../support/factories';

beforeAll(async () => {
  await getDb();
}, 180_000);

describe('notifications', () => {
  it('pages newest first, counts unread, marks one, then all, only for their owner', async () => {
    const db = await getDb();
    const me = await makeUser('sme');
    const other = await makeUser('researcher');
    const n = NOTIFICATIONS_PAGE_SIZE + 5;
    for (let i = 0; i < n; i++)
      await notify(db, { userId: me.user.id, kind: 'new_message', params: { sender: 's', listing: `L${i}` } });
    await notify(db, { userId: other.user.id, kind: 'new_message', params: { sender: 's', listing: 'theirs' } });

    const first = await listNotifications(me.viewer, 1);
    expect(first.rows).toHaveLength(NOTIFICATIONS_PAGE_SIZE);
    expect(first).toMatchObject({ total: n, unread: n, totalPages: 2 });
    // newest first (inserts in a row may share a timestamp: only the order of times is certain)
    const times = first.rows.map((r) => new Date(r.createdAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(first.rows.map((r) => (r.params as { listing: string }).listing)).toContain(`L${n - 1}`);
    const second = await listNotifications(me.viewer, 2);
    expect(second.rows).toHaveLength(5);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(n);

    // someone else's id is ignored
    const theirs = (await listNotifications(other.viewer)).rows[0];
    expect(await markNotificationsRead(me.viewer, [first.rows[0].id, theirs.id])).toBe(1);
    expect((await listNotifications(me.viewer)).unread).toBe(n - 1);
    expect((await listNotifications(other.viewer)).unread).toBe(1);

    expect(await markNotificationsRead(me.viewer, 'all')).toBe(n - 1);
    expect((await listNotifications(me.viewer, 2)).unread).toBe(0);
    expect((await listNotifications(other.viewer)).unread).toBe(1);
  });
});
