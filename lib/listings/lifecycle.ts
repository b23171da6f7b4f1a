import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db';
import type { needs } from '@/db/schema/listings';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { transactionWithMail } from '@/lib/mail/transaction';
import { enqueueEmail } from '@/lib/mail/outbox';
import { notify } from '@/lib/notifications/notify';
import { enqueueRematch, prepareRematch } from '@/lib/matching/jobs';
import { coordinatedSql, manageableSql, tableOf, type ListingTable } from './access';
import { recipientsOf } from './expiry-reminders';
import {
  EXPIRY_WARNING_DAYS,
  LISTING_LIFETIME_MONTHS,
  statusesAllowing,
  TRANSITIONS,
  type Transition,
  type TransitionActor,
} from './rules';
import type { ListingKind, ListingStatus } from '@/db/vocabulary/listings';

// Needs and seeds share these columns; drizzle's update() wants one concrete table type.
const asNeeds = (t: ListingTable) => t as typeof needs;

const lifetime = sql.raw(`interval '${LISTING_LIFETIME_MONTHS} months'`);

function targetOf(transition: Transition): ListingStatus {
  for (const edges of Object.values(TRANSITIONS)) {
    const edge = edges[transition];
    if (edge) return edge.to;
  }
  throw new Error(`unknown transition ${transition}`);
}

/** How the viewer stands to a listing they may manage, or not_found (nothing leaked). */
export async function actorFor(
  db: Db,
  viewer: Viewer,
  kind: ListingKind,
  id: string,
): Promise<{ actor: TransitionActor; status: ListingStatus }> {
  const t = tableOf(kind);
  const [row] = await db
    .select({ organisationId: t.organisationId, status: t.status, coordinated: coordinatedSql(t, viewer) })
    .from(t)
    .where(and(eq(t.id, id), manageableSql(t, viewer)));
  if (!row) throw new AppError('not_found');
  return { actor: row.organisationId === viewer.organisationId ? 'owner' : 'coordinator', status: row.status };
}

export type TransitionOptions = { comment?: string; closedReason?: string; ip?: string | null };

/**
 * One conditional UPDATE on (id, version, allowed status, viewer scope), with its audit row
 * in the same transaction. Zero rows updated: someone else got there first → conflict.
 */
export async function transitionListing(
  viewer: Viewer,
  ref: { kind: ListingKind; id: string; version: number },
  transition: Transition,
  options: TransitionOptions = {},
): Promise<{ status: ListingStatus; version: number }> {
  const db = await getDb();
  const t = asNeeds(tableOf(ref.kind));
  const { actor } = await actorFor(db, viewer, ref.kind, ref.id);
  const allowed = statusesAllowing(transition, actor);
  if (!allowed.length) throw new AppError('forbidden');
  const to = targetOf(transition);
  const set: Record<string, unknown> = { status: to, version: sql`${t.version} + 1`, updatedAt: new Date() };
  if (transition === 'publish') {
    Object.assign(set, {
      publishedAt: sql`coalesce(${t.publishedAt}, now())`,
      expiresAt: sql`now() + ${lifetime}`,
      reviewComment: null,
    });
  }
  if (transition === 'send_back') set.reviewComment = options.comment ?? '';
  if (transition === 'close') set.closedReason = options.closedReason ?? 'other';
  if (transition === 'reopen' || transition === 'submit') set.closedReason = null;

  await prepareRematch(); // the re-match job is enqueued inside the transaction
  return transactionWithMail(db, async (tx) => {
    const updated = await tx
      .update(t)
      .set(set)
      .where(and(eq(t.id, ref.id), eq(t.version, ref.version), inArray(t.status, allowed), manageableSql(t, viewer)))
      .returning({
        status: t.status,
        version: t.version,
        title: t.title,
        organisationId: t.organisationId,
        contactUserId: t.contactUserId,
        createdBy: t.createdBy,
      });
    if (!updated.length) throw new AppError('conflict', 'listings.errors.conflict');
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: `${ref.kind}.${transition}`,
      subjectType: ref.kind,
      subjectId: ref.id,
      details: {
        to,
        actor,
        ...(options.comment ? { comment: options.comment } : {}),
        ...(options.closedReason ? { reason: options.closedReason } : {}),
      },
      ip: options.ip ?? null,
    });
    // published → indexed and proposed; closed, sent back, withdrawn … → leaves the index
    await enqueueRematch({ kind: ref.kind, id: ref.id }, { tx });
    if (actor === 'coordinator' && (transition === 'publish' || transition === 'send_back'))
      await announceReview(tx, ref.kind, ref.id, updated[0], transition, options.comment ?? '');
    return { status: updated[0].status, version: updated[0].version };
  });
}

/** The owners hear that a coordinator published their listing, or sent it back with the comment to act on. */
async function announceReview(
  tx: Db,
  kind: ListingKind,
  id: string,
  listing: { title: string; organisationId: string; contactUserId: string | null; createdBy: string },
  transition: 'publish' | 'send_back',
  comment: string,
) {
  const href = `/${kind}s/${id}`;
  const template = transition === 'publish' ? 'listing_published' : 'listing_sent_back';
  const params = { listing: listing.title, comment, path: href };
  for (const userId of await recipientsOf(tx, listing)) {
    await notify(tx, { userId, kind: template, params, href });
    await enqueueEmail(tx, { to: { userId }, category: 'transactional', template, params });
  }
}

/** Extends an open listing by another lifetime; allowed within the warning window or after expiry. */
export async function renewListing(
  viewer: Viewer,
  ref: { kind: ListingKind; id: string; version: number },
  ip: string | null = null,
) {
  const db = await getDb();
  const t = asNeeds(tableOf(ref.kind));
  await actorFor(db, viewer, ref.kind, ref.id);
  await prepareRematch();
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(t)
      .set({ expiresAt: sql`now() + ${lifetime}`, version: sql`${t.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(t.id, ref.id),
          eq(t.version, ref.version),
          eq(t.status, 'open'),
          sql`${t.expiresAt} <= now() + ${sql.raw(`interval '${EXPIRY_WARNING_DAYS} days'`)}`,
          manageableSql(t, viewer),
        ),
      )
      .returning({ expiresAt: t.expiresAt, version: t.version });
    if (!updated.length) throw new AppError('conflict', 'listings.errors.conflict');
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: `${ref.kind}.renew`,
      subjectType: ref.kind,
      subjectId: ref.id,
      ip,
    });
    await enqueueRematch({ kind: ref.kind, id: ref.id }, { tx }); // an expired listing returns to matching
    return updated[0];
  });
}
