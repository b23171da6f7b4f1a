import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema/accounts';

/**
 * How to reach a person: shown only where disclosure (listings) or an introduction allows it.
 * `formerMember`: the person deleted their account; nothing of theirs is shown (lib/privacy/delete.ts).
 */
export type Contact = { name: string; email: string; phone: string | null; formerMember: boolean };

export async function loadContact(db: Db, userId: string | null): Promise<Contact | null> {
  if (!userId) return null;
  const [row] = await db
    .select({ name: users.name, email: users.email, phone: users.phone, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) return null;
  if (row.deletedAt) return { name: '', email: '', phone: null, formerMember: true };
  return { name: row.name, email: row.email, phone: row.phone, formerMember: false };
}
