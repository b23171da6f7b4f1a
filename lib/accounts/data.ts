import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditLogs, organisations, users } from '@/db/schema/accounts';
import { writeAudit } from '@/lib/audit/write';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import type { ChangePasswordInput, UpdateProfileInput } from './validation';

/** Only what sign-in needs; the hash never leaves this module's callers in lib/auth. */
export async function findUserForSignIn(email: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row ?? null;
}

/** The saved language of the account with this e-mail, if any. */
export async function findLocaleOf(email: string) {
  const db = await getDb();
  const [row] = await db
    .select({ locale: users.locale })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row?.locale;
}

/** The user signed in successfully from this address in the last 90 days (the audit log says so). */
export async function signedInFrom(userId: string, ip: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ one: sql`1` })
    .from(auditLogs)
    .where(
      and(
        eq(auditLogs.actorId, userId),
        eq(auditLogs.action, 'account.sign_in'),
        eq(auditLogs.ip, ip),
        sql`${auditLogs.createdAt} > now() - interval '90 days'`,
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function recordSignIn(userId: string, ip: string | null) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, userId));
    await writeAudit(tx, { actorId: userId, action: 'account.sign_in', subjectType: 'user', subjectId: userId, ip });
  });
}

export async function getAccount(viewer: Viewer) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      phone: users.phone,
      role: users.role,
      locale: users.locale,
      timeZone: users.timeZone,
      approved: users.approved,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
      organisation: {
        id: organisations.id,
        nameJa: organisations.nameJa,
        nameEn: organisations.nameEn,
        kind: organisations.kind,
        prefecture: organisations.prefecture,
        verified: organisations.verified,
      },
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, viewer.userId));
  if (!row) throw new AppError('not_found');
  return row;
}

export async function updateProfile(viewer: Viewer, input: UpdateProfileInput) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        name: input.name,
        phone: input.phone || null,
        locale: input.locale,
        timeZone: input.timeZone,
        updatedAt: new Date(),
      })
      .where(eq(users.id, viewer.userId));
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'account.update_profile',
      subjectType: 'user',
      subjectId: viewer.userId,
    });
  });
}

export async function setLocale(userId: string, locale: 'ja' | 'en') {
  const db = await getDb();
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

export async function changePassword(viewer: Viewer, input: ChangePasswordInput) {
  const db = await getDb();
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, viewer.userId));
  if (!row || !(await verifyPassword(input.currentPassword, row.hash))) {
    throw new AppError('invalid', 'errors.wrong_password', { currentPassword: ['errors.wrong_password'] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, viewer.userId));
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'account.change_password',
      subjectType: 'user',
      subjectId: viewer.userId,
    });
  });
}

/**
 * Invalidates every session of the user, this one included: the session version in each cookie
 * no longer matches, so even a copied cookie opens nothing. Signing out does this too (a JWT
 * cannot be revoked alone, and we keep no per-session rows), so it signs out every device.
 */
export async function signOutEverywhere(
  viewer: Viewer,
  action: 'account.sign_out' | 'account.sign_out_everywhere' = 'account.sign_out_everywhere',
) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, viewer.userId));
    await writeAudit(tx, {
      actorId: viewer.userId,
      action,
      subjectType: 'user',
      subjectId: viewer.userId,
    });
  });
}
