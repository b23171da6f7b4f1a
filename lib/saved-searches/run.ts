import { and, eq, lte, or } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema/accounts';
import { savedSearches } from '@/db/schema/integrations';
import { can } from '@/lib/auth/policy';
import { loadViewer } from '@/lib/auth/viewer';
import { searchNeeds, searchSeeds } from '@/lib/listings/search';
import { searchParamsSchema } from '@/lib/listings/validation';
import { enqueueEmail } from '@/lib/mail/outbox';
import { appUrl } from '@/lib/mail/templates';
import { buildDigest, dueBefore, newItems, type DigestItem } from './digest';

export const DIGEST_TEMPLATE = 'saved_search_digest';

/**
 * One pass: for every due saved search, run the browse page's search as its owner (same
 * visibility rules), keep the listings published since the last digest, and write the mail
 * to the outbox in the transaction that moves `last_digest_at` on. The update is conditional
 * on the old value, so two passes at once never send the same digest twice.
 */
export async function runSavedSearchDigests(
  db: Db,
  now = new Date(),
  limit = 200,
): Promise<{ checked: number; sent: number }> {
  const due = await db
    .select({ search: savedSearches, sessionVersion: users.sessionVersion })
    .from(savedSearches)
    .innerJoin(users, eq(users.id, savedSearches.userId))
    .where(
      and(
        eq(users.disabled, false),
        or(
          and(eq(savedSearches.frequency, 'daily'), lte(savedSearches.lastDigestAt, dueBefore('daily', now))),
          and(eq(savedSearches.frequency, 'weekly'), lte(savedSearches.lastDigestAt, dueBefore('weekly', now))),
        ),
      ),
    )
    .limit(limit);
  let sent = 0;
  for (const { search, sessionVersion } of due) {
    const viewer = await loadViewer(search.userId, sessionVersion);
    if (!viewer || !can(viewer, 'savedSearches.manage')) continue;
    const params = searchParamsSchema.parse({ ...search.query, sort: 'newest', page: 1 });
    const result = search.kind === 'needs' ? await searchNeeds(viewer, params) : await searchSeeds(viewer, params);
    const fresh = newItems<DigestItem>(result.items as DigestItem[], search.lastDigestAt, now);
    const digest = buildDigest({
      search: { id: search.id, name: search.name, kind: search.kind, query: search.query },
      items: fresh,
      more: fresh.length === result.items.length && result.total > result.items.length,
      appUrl: appUrl(),
    });
    await db.transaction(async (tx) => {
      const claimed = await tx
        .update(savedSearches)
        .set({ lastDigestAt: now })
        .where(and(eq(savedSearches.id, search.id), eq(savedSearches.lastDigestAt, search.lastDigestAt)))
        .returning({ id: savedSearches.id });
      if (!claimed.length || !digest) return;
      const id = await enqueueEmail(tx, {
        to: { userId: search.userId },
        category: 'digests',
        template: DIGEST_TEMPLATE,
        params: { name: '', ...digest },
      });
      if (id) sent++;
    });
  }
  return { checked: due.length, sent };
}
