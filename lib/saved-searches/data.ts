import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { savedSearches } from '@/db/schema/integrations';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import type { CreateSavedSearchInput } from './validation';

export const MAX_SAVED_SEARCHES = 50;

export async function createSavedSearch(db: Db, viewer: Viewer, input: CreateSavedSearchInput) {
  return db.transaction(async (tx) => {
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(savedSearches)
      .where(eq(savedSearches.userId, viewer.userId));
    if (n >= MAX_SAVED_SEARCHES) throw new AppError('conflict', 'searches.errors.too_many');
    const [row] = await tx
      .insert(savedSearches)
      .values({
        userId: viewer.userId,
        kind: input.kind,
        name: input.name,
        query: input.query,
        frequency: input.frequency,
      })
      .returning({ id: savedSearches.id });
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'saved_search.create',
      subjectType: 'saved_search',
      subjectId: row.id,
    });
    return row;
  });
}

export async function listSavedSearches(db: Db, viewer: Viewer) {
  return db
    .select()
    .from(savedSearches)
    .where(eq(savedSearches.userId, viewer.userId))
    .orderBy(desc(savedSearches.createdAt));
}

/** Only the viewer's own searches; anyone else's id is "not found". */
export async function setSavedSearchFrequency(
  db: Db,
  viewer: Viewer,
  id: string,
  frequency: 'daily' | 'weekly' | 'never',
) {
  const updated = await db
    .update(savedSearches)
    .set({ frequency, updatedAt: new Date() })
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, viewer.userId)))
    .returning({ id: savedSearches.id });
  if (!updated.length) throw new AppError('not_found');
}

export async function deleteSavedSearch(db: Db, viewer: Viewer, id: string) {
  const deleted = await db
    .delete(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, viewer.userId)))
    .returning({ id: savedSearches.id });
  if (!deleted.length) throw new AppError('not_found');
}
