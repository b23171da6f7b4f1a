import 'server-only';

// Signing up: the organisations one may join, the e-mailed confirmation link, and the account it creates.
import crypto from 'node:crypto';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { organisations, signUpRequests, users } from '@/db/schema/accounts';
import { writeAudit } from '@/lib/audit/write';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { roleForOrganisationKind } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { enqueueEmail } from '@/lib/mail/outbox';
import { appUrl } from '@/lib/mail/templates';
import { transactionWithMail } from '@/lib/mail/transaction';
import type { OrganisationKind } from '@/db/vocabulary/accounts';
import type { SignUpInput } from './validation';

export async function listOrganisationsForSignUp() {
  const db = await getDb();
  return db
    .select({
      id: organisations.id,
      nameJa: organisations.nameJa,
      nameEn: organisations.nameEn,
      kind: organisations.kind,
    })
    .from(organisations)
    .where(eq(organisations.verified, true))
    .orderBy(asc(organisations.nameEn));
}

/** Creates the account at once (the last step of a confirmed sign-up; tests and seeds call it directly). */
export async function createAccount(input: SignUpInput, ip: string | null): Promise<{ userId: string }> {
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => insertAccount(tx, input, passwordHash, ip));
}

type AccountDetails = Omit<SignUpInput, 'password'>;

async function insertAccount(
  tx: Db,
  input: AccountDetails,
  passwordHash: string,
  ip: string | null,
): Promise<{ userId: string }> {
  if (await emailTaken(tx, input.email))
    throw new AppError('conflict', 'errors.email_taken', { email: ['errors.email_taken'] });

  let organisationId: string;
  let kind: OrganisationKind;
  if (input.organisationMode === 'existing') {
    const org = await verifiedOrganisation(tx, input.existingOrganisationId!);
    if (!org) throw new AppError('invalid', 'validation.choice', { existingOrganisationId: ['validation.choice'] });
    organisationId = org.id;
    kind = org.kind;
  } else {
    const o = input.organisation!;
    const [org] = await tx
      .insert(organisations)
      .values({
        kind: o.kind,
        nameJa: o.nameJa,
        nameEn: o.nameEn,
        prefecture: o.prefecture,
        website: o.website || null,
        employeeBand: o.employeeBand ?? null,
        verified: false,
      })
      .returning({ id: organisations.id, kind: organisations.kind });
    organisationId = org.id;
    kind = org.kind;
  }

  const [user] = await tx
    .insert(users)
    .values({
      email: input.email,
      name: input.name,
      passwordHash,
      role: roleForOrganisationKind(kind),
      organisationId,
      locale: input.locale,
      // the founder of a new organisation is approved together with it
      approved: input.organisationMode === 'new',
    })
    .returning({ id: users.id });
  await writeAudit(tx, {
    actorId: user.id,
    action: 'account.sign_up',
    subjectType: 'user',
    subjectId: user.id,
    details: { organisationId, newOrganisation: input.organisationMode === 'new' },
    ip,
  });
  return { userId: user.id };
}

async function emailTaken(tx: Db, email: string): Promise<{ id: string } | undefined> {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row;
}

async function verifiedOrganisation(tx: Db, id: string) {
  const [org] = await tx
    .select({ id: organisations.id, kind: organisations.kind })
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.verified, true)));
  return org;
}

/** How long the link of a sign-up mail stays valid. */
export const SIGN_UP_LINK_HOURS = 24;
const tokenHashOf = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/**
 * The sign-up form's one answer, whether or not the address already has an account (issue 12
 * item 3): the password is hashed either way, then a new address gets a link that finishes the
 * sign-up and a registered one a note to its owner (sign in, or ignore it). Nothing else differs
 * for the caller. A choice of organisation that does not exist is refused first, for every address.
 */
export async function requestSignUp(input: SignUpInput): Promise<void> {
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  const { password: _password, ...details } = input;
  await transactionWithMail(db, async (tx) => {
    if (input.organisationMode === 'existing' && !(await verifiedOrganisation(tx, input.existingOrganisationId!)))
      throw new AppError('invalid', 'validation.choice', { existingOrganisationId: ['validation.choice'] });
    const owner = await emailTaken(tx, input.email);
    if (owner) {
      await enqueueEmail(tx, {
        to: { userId: owner.id },
        category: 'transactional',
        template: 'sign_up_existing',
        params: { signInUrl: `${appUrl()}/sign-in` },
      });
      return;
    }
    const token = crypto.randomBytes(32).toString('base64url');
    await tx.insert(signUpRequests).values({
      tokenHash: tokenHashOf(token),
      email: input.email,
      passwordHash,
      details,
      expiresAt: new Date(Date.now() + SIGN_UP_LINK_HOURS * 3600_000),
    });
    await enqueueEmail(tx, {
      to: { address: input.email, locale: input.locale },
      category: 'transactional',
      template: 'sign_up_confirm',
      params: { name: input.name, url: `${appUrl()}/sign-up/confirm?token=${token}`, hours: SIGN_UP_LINK_HOURS },
    });
  });
}

/** The pending sign-up of a link, if it is still valid (unused, not expired). */
export async function findSignUpRequest(token: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: signUpRequests.id, email: signUpRequests.email })
    .from(signUpRequests)
    .where(
      and(
        eq(signUpRequests.tokenHash, tokenHashOf(token)),
        isNull(signUpRequests.usedAt),
        gt(signUpRequests.expiresAt, new Date()),
      ),
    );
  return row ?? null;
}

/**
 * Follows a sign-up link: the password typed at sign-up must be typed again (the link alone,
 * forwarded or scanned, does not make an account), then the account is created and the link used
 * up in one transaction. Returns the e-mail address to sign in with.
 */
export async function completeSignUp(token: string, password: string, ip: string | null): Promise<{ email: string }> {
  const db = await getDb();
  const [request] = await db
    .select()
    .from(signUpRequests)
    .where(
      and(
        eq(signUpRequests.tokenHash, tokenHashOf(token)),
        isNull(signUpRequests.usedAt),
        gt(signUpRequests.expiresAt, new Date()),
      ),
    );
  if (!request) throw new AppError('invalid', 'errors.sign_up_link_invalid');
  if (!(await verifyPassword(password, request.passwordHash)))
    throw new AppError('invalid', 'errors.invalid', { password: ['errors.sign_up_password'] });
  await db.transaction(async (tx) => {
    const used = await tx
      .update(signUpRequests)
      .set({ usedAt: new Date() })
      .where(and(eq(signUpRequests.id, request.id), isNull(signUpRequests.usedAt)))
      .returning({ id: signUpRequests.id });
    if (!used.length) throw new AppError('invalid', 'errors.sign_up_link_invalid');
    await insertAccount(tx, { ...(request.details as AccountDetails), email: request.email }, request.passwordHash, ip);
  });
  return { email: request.email };
}
