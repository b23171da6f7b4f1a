import bcrypt from 'bcryptjs';
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { organisations, signUpRequests, users } from '@/db/schema/accounts';
import { outboxEmails } from '@/db/schema/mail';
import { completeSignUp, findSignUpRequest, requestSignUp } from '@/lib/accounts/sign-up';
import { signUpSchema } from '@/lib/accounts/validation';
import { authenticate, SignInRefused } from '@/lib/auth/sign-in';
import { makeUser, TEST_PASSWORD, unique } from '../support/factories';

// Issue 12 item 3: sign-up and sign-in do not tell a stranger whether an e-mail address has an account.

const signUp = (overrides: Record<string, unknown> = {}) =>
  signUpSchema.parse({
    email: `${unique('new')}@test.example`,
    name: 'New Member',
    password: 'a-long-enough-password',
    locale: 'en',
    organisationMode: 'new',
    organisation: { kind: 'sme', nameJa: '新会社', nameEn: unique('New Co'), prefecture: 'Gifu' },
    ...overrides,
  });

async function mailsTo(address: string) {
  const db = await getDb();
  return db
    .select({ template: outboxEmails.template, subject: outboxEmails.subject, text: outboxEmails.textBody })
    .from(outboxEmails)
    .where(sql`lower(${outboxEmails.toAddress}) = ${address.toLowerCase()}`);
}
const tokenIn = (text: string) => /\/sign-up\/confirm\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? '';

beforeAll(async () => {
  await getDb();
}, 180_000);
afterEach(() => vi.restoreAllMocks());

describe('sign-up answers the same for a new and a registered address', () => {
  it('a new address: nothing is created until the mailed link is followed with the password', async () => {
    const input = signUp();
    await expect(requestSignUp(input)).resolves.toBeUndefined();
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.email, input.email))).toEqual([]);
    expect(await db.select().from(organisations).where(eq(organisations.nameEn, input.organisation!.nameEn))).toEqual(
      [],
    );
    const [mail, ...more] = await mailsTo(input.email);
    expect(more).toEqual([]);
    expect(mail.template).toBe('sign_up_confirm');
    const token = tokenIn(mail.text);
    expect(token).not.toBe('');
    const [stored] = await db.select().from(signUpRequests).where(eq(signUpRequests.email, input.email));
    expect(JSON.stringify(stored)).not.toContain(token); // only its hash is kept
    expect(JSON.stringify(stored)).not.toContain(input.password);
    expect(await findSignUpRequest(token)).toMatchObject({ email: input.email });

    // the link alone does not make the account: the password chosen at sign-up is asked for
    await expect(completeSignUp(token, 'not-the-password', null)).rejects.toMatchObject({
      fieldErrors: { password: ['errors.sign_up_password'] },
    });
    await expect(completeSignUp(token, input.password, null)).resolves.toEqual({ email: input.email });
    const [user] = await db.select().from(users).where(eq(users.email, input.email));
    expect(user).toMatchObject({ name: 'New Member', role: 'sme', approved: true, locale: 'en' });
    // a link works once
    expect(await findSignUpRequest(token)).toBeNull();
    await expect(completeSignUp(token, input.password, null)).rejects.toMatchObject({
      messageKey: 'errors.sign_up_link_invalid',
    });
  });

  it('a registered address (any letter case): the same answer, no account, and a note to the owner instead', async () => {
    const { user } = await makeUser('sme');
    const input = signUp({ email: user.email.toUpperCase() });
    const hashes = vi.spyOn(bcrypt, 'hash');
    await expect(requestSignUp(input)).resolves.toBeUndefined();
    expect(hashes).toHaveBeenCalledTimes(1); // the same work as a new address: the password is hashed either way
    const db = await getDb();
    expect(await db.select().from(signUpRequests).where(eq(signUpRequests.email, input.email))).toEqual([]);
    expect(await db.select().from(organisations).where(eq(organisations.nameEn, input.organisation!.nameEn))).toEqual(
      [],
    );
    const [owner] = await db.select().from(users).where(eq(users.id, user.id));
    expect(owner.passwordHash).toBe(user.passwordHash); // untouched
    const mails = await mailsTo(user.email);
    expect(mails.map((m) => m.template)).toEqual(['sign_up_existing']);
    expect(mails[0].text).toContain('/sign-in');
    expect(tokenIn(mails[0].text)).toBe('');
  });

  it('an organisation that cannot be joined is refused alike for both', async () => {
    const { user } = await makeUser('sme');
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const email of [user.email, `${unique('other')}@test.example`]) {
      const input = signUp({
        email,
        organisationMode: 'existing',
        existingOrganisationId: missing,
        organisation: undefined,
      });
      await expect(requestSignUp(input)).rejects.toMatchObject({
        fieldErrors: { existingOrganisationId: ['validation.choice'] },
      });
    }
  });

  it('an expired link is refused and creates nothing', async () => {
    const input = signUp();
    await requestSignUp(input);
    const db = await getDb();
    await db
      .update(signUpRequests)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(signUpRequests.email, input.email)));
    const token = tokenIn((await mailsTo(input.email))[0].text);
    await expect(completeSignUp(token, input.password, null)).rejects.toMatchObject({
      messageKey: 'errors.sign_up_link_invalid',
    });
    expect(await db.select().from(users).where(eq(users.email, input.email))).toEqual([]);
  });
});

describe('sign-in answers the same for an unknown address and a wrong password', () => {
  const headers = () => new Headers({ 'x-clustermatch-socket-address': `198.51.100.${unique()}` });
  async function refusal(email: string, password: string) {
    try {
      await authenticate({ email, password }, headers());
      return 'ok';
    } catch (error) {
      if (error instanceof SignInRefused) return error.code;
      throw error;
    }
  }

  it('the same refusal, after the same bcrypt comparison', async () => {
    const { user } = await makeUser('sme');
    const compare = vi.spyOn(bcrypt, 'compare');
    expect(await refusal(user.email, 'not-the-password')).toBe('invalid_credentials');
    expect(compare).toHaveBeenCalledTimes(1);
    expect(await refusal(`${unique('nobody')}@test.example`, 'not-the-password')).toBe('invalid_credentials');
    expect(compare).toHaveBeenCalledTimes(2); // an unknown address costs a hash check too (same timing)
    expect(await refusal(user.email, TEST_PASSWORD)).toBe('ok');
  });
});
