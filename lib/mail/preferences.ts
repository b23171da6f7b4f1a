import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { emailPreferences } from '@/db/schema/mail';

/**
 * Kinds of mail a user may switch off. Add one line for a new kind (e.g. digests);
 * `transactional` mails (sign-in, security) cannot be switched off.
 */
export const mailCategories = ['introductions', 'messages', 'reminders', 'follow_up', 'digests', 'funding'] as const;
export type MailCategory = (typeof mailCategories)[number] | 'transactional';

export async function isMailEnabled(db: Db, userId: string, category: MailCategory): Promise<boolean> {
  if (category === 'transactional') return true;
  const [row] = await db
    .select({ enabled: emailPreferences.enabled })
    .from(emailPreferences)
    .where(and(eq(emailPreferences.userId, userId), eq(emailPreferences.category, category)));
  return row?.enabled ?? true;
}

export async function getMailPreferences(
  db: Db,
  userId: string,
): Promise<Record<(typeof mailCategories)[number], boolean>> {
  const rows = await db.select().from(emailPreferences).where(eq(emailPreferences.userId, userId));
  const byCategory = new Map(rows.map((r) => [r.category, r.enabled]));
  return Object.fromEntries(mailCategories.map((c) => [c, byCategory.get(c) ?? true])) as Record<
    (typeof mailCategories)[number],
    boolean
  >;
}

export async function setMailPreferences(
  db: Db,
  userId: string,
  prefs: Partial<Record<(typeof mailCategories)[number], boolean>>,
) {
  for (const [category, enabled] of Object.entries(prefs)) {
    if (typeof enabled !== 'boolean' || !(mailCategories as readonly string[]).includes(category)) continue;
    await db
      .insert(emailPreferences)
      .values({ userId, category, enabled })
      .onConflictDoUpdate({
        target: [emailPreferences.userId, emailPreferences.category],
        set: { enabled, updatedAt: new Date() },
      });
  }
}
