import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLogs } from '@/db/schema/accounts';
import { writeAudit } from '@/lib/audit/write';
import { makeUser, unique } from '../support/factories';

// The audit log is append-only in the database itself (a trigger), not only by convention: the
// application's own connection can add rows but never change or remove one. Runs on Postgres and
// on the embedded database (both passes of the integration suite).
describe('audit log', () => {
  it('takes new rows but refuses to update, delete or truncate them', async () => {
    const db = await getDb();
    const actor = await makeUser('admin');
    const subjectId = unique('subject');
    await db.transaction((tx) =>
      writeAudit(tx, { actorId: actor.user.id, action: 'test.append', subjectType: 'test', subjectId, details: {} }),
    );
    const [row] = await db.select().from(auditLogs).where(eq(auditLogs.subjectId, subjectId));
    expect(row.action).toBe('test.append');

    await expect(
      db.update(auditLogs).set({ action: 'test.rewritten' }).where(eq(auditLogs.id, row.id)),
    ).rejects.toThrow();
    await expect(db.delete(auditLogs).where(eq(auditLogs.id, row.id))).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_logs`)).rejects.toThrow();

    const [after] = await db.select().from(auditLogs).where(eq(auditLogs.id, row.id));
    expect(after).toEqual(row);
  });
});
