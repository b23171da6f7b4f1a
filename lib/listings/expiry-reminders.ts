import { and, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema/accounts';
import { listingExpiryReminders, needs, seeds } from '@/db/schema/listings';
import { enqueueEmail } from '@/lib/mail/outbox';
import { transactionWithMail } from '@/lib/mail/transaction';
import { notify } from '@/lib/notifications/notify';
import { DAY, EXPIRY_REMINDER_DAYS } from './rules';
import type { ListingKind } from '@/db/vocabulary/listings';

export const EXPIRY_REMINDER_TEMPLATE = 'listing_expiring';

/**
 * The reminder due for a listing expiring at `expiresAt`: the smallest of EXPIRY_REMINDER_DAYS
 * that the time left is within (3 when 2 days are left, 14 when 10 are), or null.
 */
export function reminderStage(expiresAt: Date, now: Date): number | null {
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return null;
  const within = EXPIRY_REMINDER_DAYS.filter((d) => left <= d * DAY);
  return within.length ? Math.min(...within) : null;
}

/** Who hears about a listing: the contact person and the creator if they are of the owner organisation, else its members. */
export async function recipientsOf(
  tx: Db,
  listing: { organisationId: string; contactUserId: string | null; createdBy: string },
): Promise<string[]> {
  const candidates = [listing.contactUserId, listing.createdBy].filter((id): id is string => Boolean(id));
  const own = candidates.length
    ? await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            inArray(users.id, candidates),
            eq(users.organisationId, listing.organisationId),
            eq(users.disabled, false),
          ),
        )
    : [];
  if (own.length) return [...new Set(own.map((u) => u.id))];
  const members = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organisationId, listing.organisationId), eq(users.disabled, false)));
  return members.map((u) => u.id);
}

/**
 * Reminds owners of open listings that expire within the largest reminder window: an in-app
 * notification and an e-mail (outbox, recipient's language, category 'reminders') per owner.
 * Each (listing, expiry date, stage) is claimed once by inserting its reminder row, so reruns
 * and concurrent runs send nothing twice; a listing first seen 2 days before expiry gets the
 * 3-day reminder only. Renewal moves the expiry date, so the next cycle reminds again.
 */
export async function runExpiryReminders(db: Db, now: Date = new Date(), limit = 500): Promise<{ reminded: number }> {
  const horizon = new Date(now.getTime() + Math.max(...EXPIRY_REMINDER_DAYS) * DAY);
  let reminded = 0;
  for (const kind of ['need', 'seed'] as const) {
    const t = kind === 'need' ? needs : seeds;
    const column = kind === 'need' ? listingExpiryReminders.needId : listingExpiryReminders.seedId;
    const due = await db
      .select({
        id: t.id,
        title: t.title,
        expiresAt: t.expiresAt,
        organisationId: t.organisationId,
        contactUserId: t.contactUserId,
        createdBy: t.createdBy,
      })
      .from(t)
      .where(and(eq(t.status, 'open'), gt(t.expiresAt, now), lte(t.expiresAt, horizon)))
      .orderBy(t.expiresAt)
      .limit(limit);
    for (const listing of due) {
      const stage = reminderStage(listing.expiresAt, now);
      if (stage === null) continue;
      const sent = await transactionWithMail(db, async (tx) => {
        // a smaller stage already sent for this expiry date (or this one) means nothing is due
        const earlier = await tx
          .select({ id: listingExpiryReminders.id })
          .from(listingExpiryReminders)
          .where(
            and(
              eq(column, listing.id),
              eq(listingExpiryReminders.expiresAt, listing.expiresAt),
              lte(listingExpiryReminders.daysBefore, stage),
            ),
          )
          .limit(1);
        if (earlier.length) return false;
        const claimed = await tx
          .insert(listingExpiryReminders)
          .values({
            [kind === 'need' ? 'needId' : 'seedId']: listing.id,
            expiresAt: listing.expiresAt,
            daysBefore: stage,
            sentAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: listingExpiryReminders.id });
        if (!claimed.length) return false;
        await remind(tx, kind, listing, stage);
        return true;
      });
      if (sent) reminded++;
    }
  }
  return { reminded };
}

async function remind(
  tx: Db,
  kind: ListingKind,
  listing: {
    id: string;
    title: string;
    expiresAt: Date;
    organisationId: string;
    contactUserId: string | null;
    createdBy: string;
  },
  days: number,
) {
  const href = `/${kind}s/${listing.id}`;
  const params = { listing: listing.title, expires: listing.expiresAt, days, path: href };
  for (const userId of await recipientsOf(tx, listing)) {
    await notify(tx, { userId, kind: EXPIRY_REMINDER_TEMPLATE, params, href });
    await enqueueEmail(tx, { to: { userId }, category: 'reminders', template: EXPIRY_REMINDER_TEMPLATE, params });
  }
}
