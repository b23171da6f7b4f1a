import 'server-only';
import { and, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditLogs, coordinatorClusters, users } from '@/db/schema/accounts';
import { apiTokens, savedSearches } from '@/db/schema/integrations';
import { matchMessageReads } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { emailPreferences, outboxEmails } from '@/db/schema/mail';
import { notifications } from '@/db/schema/notifications';
import { writeAudit } from '@/lib/audit/write';
import { verifyPassword } from '@/lib/auth/password';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { enqueueRematch, prepareRematch } from '@/lib/matching/jobs';
import type { DeleteAccountInput } from './validation';

/** The closed reason of listings closed because their organisation's last member left. */
export const ACCOUNT_DELETED_REASON = 'account_deleted';

/**
 * Deletes a member's account (APPI: erasure on request). What happens, as the privacy notice says:
 *
 * - The person is erased: name, e-mail, phone and password are replaced in place; the row stays
 *   (anonymised, `deleted_at` set) so the organisation's records keep their shape and counterparts
 *   of past introductions see "former member". Every session ends at once; sign-in is impossible.
 * - What was only theirs goes: notifications, mails addressed to them, saved searches, API tokens,
 *   mail settings, read markers, coordinator assignments.
 * - What belongs to their organisation stays with it: listings (where they were the contact, the
 *   contact is cleared), introductions and the messages of them (shown as from a former member,
 *   deleted with the conversation when its retention period ends).
 * - If they were the organisation's last active member, its draft, pending and open listings are
 *   closed (nobody is left to answer) and leave matching.
 * - The audit trail stays consistent: its rows keep the (now anonymous) account id, their IP
 *   addresses are erased, and one `account.delete` row without personal data records the erasure.
 */
export async function deleteAccount(viewer: Viewer, input: DeleteAccountInput) {
  const db = await getDb();
  const [row] = await db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, viewer.userId), isNull(users.deletedAt)));
  if (!row) throw new AppError('not_found');
  if (!(await verifyPassword(input.password, row.hash))) {
    throw new AppError('invalid', 'errors.wrong_password', { password: ['errors.wrong_password'] });
  }
  const me = viewer.userId;
  await prepareRematch();
  return db.transaction(async (tx) => {
    const anonymised = await tx
      .update(users)
      .set({
        email: `deleted-${me}@deleted.invalid`,
        name: '',
        phone: null,
        passwordHash: '!', // matches no password
        disabled: true,
        approved: false,
        deletedAt: new Date(),
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, me), isNull(users.deletedAt)))
      .returning({ organisationId: users.organisationId });
    if (!anonymised.length) throw new AppError('conflict');
    const organisationId = anonymised[0].organisationId;

    await tx.delete(notifications).where(eq(notifications.userId, me));
    await tx.delete(outboxEmails).where(eq(outboxEmails.toUserId, me));
    await tx.delete(savedSearches).where(eq(savedSearches.userId, me));
    await tx.delete(apiTokens).where(eq(apiTokens.userId, me));
    await tx.delete(emailPreferences).where(eq(emailPreferences.userId, me));
    await tx.delete(matchMessageReads).where(eq(matchMessageReads.userId, me));
    await tx.delete(coordinatorClusters).where(eq(coordinatorClusters.userId, me));
    for (const t of [needs, seeds]) {
      await tx
        .update(t as typeof needs)
        .set({ contactUserId: null })
        .where(eq(t.contactUserId, me));
    }

    const [others] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(and(eq(users.organisationId, organisationId), ne(users.id, me), eq(users.disabled, false)));
    const lastMember = others.n === 0;
    let listingsClosed = 0;
    if (lastMember) {
      for (const [kind, t] of [
        ['need', needs],
        ['seed', seeds],
      ] as const) {
        const closed = await tx
          .update(t as typeof needs)
          .set({
            status: 'closed',
            closedReason: ACCOUNT_DELETED_REASON,
            version: sql`${t.version} + 1`,
            updatedAt: new Date(),
          })
          .where(and(eq(t.organisationId, organisationId), inArray(t.status, ['draft', 'pending_review', 'open'])))
          .returning({ id: t.id });
        for (const { id } of closed) await enqueueRematch({ kind, id }, { tx });
        listingsClosed += closed.length;
      }
    }

    // The trail stays, but no longer says where the member connected from.
    await tx
      .update(auditLogs)
      .set({ ip: null })
      .where(and(eq(auditLogs.actorId, me), isNotNull(auditLogs.ip)));
    await writeAudit(tx, {
      actorId: me,
      action: 'account.delete',
      subjectType: 'user',
      subjectId: me,
      details: { lastMember, listingsClosed },
    });
    return { lastMember, listingsClosed };
  });
}
