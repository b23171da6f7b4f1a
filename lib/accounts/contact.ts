import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema/accounts';

/** How to reach a person: shown only where disclosure (listings) or an introduction allows it. */
export type Contact = { name: string; email: string; phone: string | null };

export async function loadContact(db: Db, userId: string | null): Promise<Contact | null> {
  if (!userId) return null;
  const [row] = await db
    .select({ name: users.name, email: users.email, phone: users.phone })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}
