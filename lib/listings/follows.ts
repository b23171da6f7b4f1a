import 'server-only';
import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditLogs } from '@/db/schema/accounts';
import { listingFollows } from '@/db/schema/listings';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import type { ListingKind } from '@/db/vocabulary/listings';
import { browsableSql, readableSql } from './access';
import { partsSince } from './changes';
import { tableOf } from './access';

// A member follows listings (a trading firm tracking seeds and needs it might sell): the list shows what
// changed on each since they last looked at it.

/** Follow a live listing the viewer may browse and does not own. Following twice is following once. */
export async function followListing(viewer: Viewer, kind: ListingKind, id: string, ip: string | null = null) {
  const db = await getDb();
  const table = tableOf(kind);
  return db.transaction(async (tx) => {
    const [listing] = await tx
      .select({ id: table.id, organisationId: table.organisationId })
      .from(table)
      .where(and(eq(table.id, id), browsableSql(table, viewer)));
    if (!listing) throw new AppError('not_found');
    if (listing.organisationId === viewer.organisationId) throw new AppError('invalid', 'listings.follow.own_listing');
    const inserted = await tx
      .insert(listingFollows)
      .values({
        userId: viewer.userId,
        listingId: id,
        needId: kind === 'need' ? id : null,
        seedId: kind === 'seed' ? id : null,
      })
      .onConflictDoNothing()
      .returning({ listingId: listingFollows.listingId });
    if (inserted.length)
      await writeAudit(tx, {
        actorId: viewer.userId,
        action: 'listing.follow',
        subjectType: kind,
        subjectId: id,
        ip,
      });
    return { following: true };
  });
}

export async function unfollowListing(viewer: Viewer, id: string) {
  const db = await getDb();
  await db
    .delete(listingFollows)
    .where(and(eq(listingFollows.userId, viewer.userId), eq(listingFollows.listingId, id)));
  return { following: false };
}

/**
 * Whether the viewer follows this listing; when they do, opening it counts as their visit (its changes are
 * then seen).
 */
export async function visitFollowed(viewer: Viewer, id: string): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .update(listingFollows)
    .set({ lastSeenAt: sql`now()` })
    .where(and(eq(listingFollows.userId, viewer.userId), eq(listingFollows.listingId, id)))
    .returning({ id: listingFollows.listingId });
  return rows.length > 0;
}

/**
 * The listings the viewer follows that they may still read, newest change first, each with whether it changed
 * since their last visit and which parts its owners edited since then (from the edits' audit entries).
 */
export async function listFollowed(viewer: Viewer) {
  const db = await getDb();
  const rows = async (kind: ListingKind) => {
    const table = tableOf(kind);
    const ref = kind === 'need' ? listingFollows.needId : listingFollows.seedId;
    return db
      .select({
        id: table.id,
        title: table.title,
        language: table.language,
        status: table.status,
        updatedAt: table.updatedAt,
        lastSeenAt: listingFollows.lastSeenAt,
        followedAt: listingFollows.createdAt,
      })
      .from(listingFollows)
      .innerJoin(table, eq(table.id, ref))
      .where(and(eq(listingFollows.userId, viewer.userId), readableSql(table, viewer)))
      .orderBy(desc(table.updatedAt))
      .limit(200);
  };
  const [n, s] = await Promise.all([rows('need'), rows('seed')]);
  const all = [...n.map((r) => ({ ...r, kind: 'need' as const })), ...s.map((r) => ({ ...r, kind: 'seed' as const }))];
  const changedSince = all.filter((r) => r.updatedAt > r.lastSeenAt);
  const oldest = changedSince.reduce<Date | null>((d, r) => (d && d < r.lastSeenAt ? d : r.lastSeenAt), null);
  const edits = oldest
    ? await db
        .select({ subjectId: auditLogs.subjectId, details: auditLogs.details, at: auditLogs.createdAt })
        .from(auditLogs)
        .where(
          and(
            inArray(auditLogs.action, ['need.update', 'seed.update']),
            inArray(
              auditLogs.subjectId,
              changedSince.map((r) => r.id),
            ),
            gt(auditLogs.createdAt, oldest),
          ),
        )
    : [];
  return all
    .map((r) => {
      const changed = r.updatedAt > r.lastSeenAt;
      const mine = changed ? edits.filter((e) => e.subjectId === r.id && e.at > r.lastSeenAt) : [];
      return { ...r, changed, changedParts: partsSince(mine) };
    })
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
}
