import 'server-only';
import { and, inArray, isNotNull, lt, ne, or } from 'drizzle-orm';
import type { Db } from '@/db';
import { auditLogs, rateLimits, signUpRequests } from '@/db/schema/accounts';
import { matchMessages } from '@/db/schema/introductions';
import { outboxEmails } from '@/db/schema/mail';
import { matches } from '@/db/schema/matching';
import { notifications } from '@/db/schema/notifications';
import { env } from '@/lib/env';

/** Introductions that ended: nothing more is said in them. */
export const ENDED_STATUSES = ['closed', 'declined', 'expired', 'rejected', 'withdrawn'] as const;

/** The retention periods the privacy notice states (configurable by the operator, lib/env.ts). */
export function retentionPeriods() {
  const e = env();
  return {
    messagesYears: e.RETENTION_MESSAGES_YEARS,
    notificationsDays: e.RETENTION_NOTIFICATIONS_DAYS,
    mailDays: e.RETENTION_MAIL_DAYS,
    ipDays: e.RETENTION_IP_DAYS,
  };
}
export type RetentionPeriods = ReturnType<typeof retentionPeriods>;

function ago(n: number, unit: 'days' | 'years', now: Date): Date {
  const at = new Date(now);
  if (unit === 'years') at.setUTCFullYear(at.getUTCFullYear() - n);
  else at.setTime(at.getTime() - n * 86_400_000);
  return at;
}

/**
 * Deletes what is past its retention period; idempotent (a second run finds nothing). Returns
 * how many rows each rule removed or cleaned.
 *
 * - messages of an introduction that ended (closed, declined, expired…) more than N years ago;
 * - notifications older than their period, read or not;
 * - copies of sent or failed mails older than their period (pending mails are never dropped);
 * - IP addresses in the audit log older than their period (the rows stay: the trail is kept);
 * - spent rate-limit counters;
 * - sign-ups waiting for their e-mail confirmation once used or expired (address, name, password hash).
 */
export async function purgeExpired(db: Db, periods: RetentionPeriods = retentionPeriods(), now = new Date()) {
  const endedLongAgo = db
    .select({ id: matches.id })
    .from(matches)
    .where(
      and(
        inArray(matches.status, [...ENDED_STATUSES]),
        lt(matches.updatedAt, ago(periods.messagesYears, 'years', now)),
      ),
    );
  const messages = await db
    .delete(matchMessages)
    .where(inArray(matchMessages.matchId, endedLongAgo))
    .returning({ id: matchMessages.id });
  const notes = await db
    .delete(notifications)
    .where(lt(notifications.createdAt, ago(periods.notificationsDays, 'days', now)))
    .returning({ id: notifications.id });
  const mails = await db
    .delete(outboxEmails)
    .where(and(ne(outboxEmails.status, 'pending'), lt(outboxEmails.createdAt, ago(periods.mailDays, 'days', now))))
    .returning({ id: outboxEmails.id });
  const ips = await db
    .update(auditLogs)
    .set({ ip: null })
    .where(and(isNotNull(auditLogs.ip), lt(auditLogs.createdAt, ago(periods.ipDays, 'days', now))))
    .returning({ id: auditLogs.id });
  const limits = await db.delete(rateLimits).where(lt(rateLimits.expire, now)).returning({ key: rateLimits.key });
  const signUps = await db
    .delete(signUpRequests)
    .where(or(isNotNull(signUpRequests.usedAt), lt(signUpRequests.expiresAt, now)))
    .returning({ id: signUpRequests.id });
  return {
    messages: messages.length,
    notifications: notes.length,
    mails: mails.length,
    auditIps: ips.length,
    rateLimits: limits.length,
    signUpRequests: signUps.length,
  };
}
