import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLogs, organisations, users } from '@/db/schema/accounts';
import { changePassword, signOutEverywhere } from '@/lib/accounts/data';
import { createAccount } from '@/lib/accounts/sign-up';
import { signUpSchema } from '@/lib/accounts/validation';
import { loadViewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { makeOrganisation, makeUser, TEST_PASSWORD, unique } from '../support/factories';

const signUp = (overrides: Record<string, unknown> = {}) => ({
  email: `${unique('new')}@test.example`,
  name: 'New Member',
  password: 'a-long-enough-password',
  locale: 'ja',
  organisationMode: 'new',
  organisation: { kind: 'sme', nameJa: '新会社', nameEn: unique('New Co'), prefecture: 'Gifu' },
  ...overrides,
});

describe('sign-up', () => {
  it('creates an unverified organisation, a member with the role of its kind, and an audit row', async () => {
    const input = signUpSchema.parse(signUp());
    const { userId } = await createAccount(input, '203.0.113.9');
    const db = await getDb();
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    const [org] = await db.select().from(organisations).where(eq(organisations.id, user.organisationId));
    expect(user.role).toBe('sme');
    expect(org.verified).toBe(false);
    expect(user.passwordHash).not.toContain('a-long-enough-password');
    const audit = await db.select().from(auditLogs).where(eq(auditLogs.subjectId, userId));
    expect(audit.map((a) => a.action)).toEqual(['account.sign_up']);
    const viewer = await loadViewer(userId, user.sessionVersion);
    expect(viewer?.verified).toBe(false);
  });

  it('refuses a duplicate e-mail in any letter case and writes nothing', async () => {
    const first = signUpSchema.parse(signUp());
    await createAccount(first, null);
    const again = signUpSchema.parse(signUp({ email: first.email.toUpperCase() }));
    await expect(createAccount(again, null)).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'errors.email_taken',
    });
    const db = await getDb();
    const orphan = await db.select().from(organisations).where(eq(organisations.nameEn, again.organisation!.nameEn));
    expect(orphan).toEqual([]); // the new organisation of the refused sign-up was rolled back
  });

  it('refuses smuggled fields such as role, verified or organisationId', () => {
    for (const extra of [{ role: 'admin' }, { verified: true }, { organisationId: crypto.randomUUID() }]) {
      const parsed = signUpSchema.safeParse(signUp(extra));
      expect(parsed.success).toBe(false);
    }
    const nested = signUpSchema.safeParse(
      signUp({ organisation: { kind: 'sme', nameJa: 'a', nameEn: 'b', prefecture: 'c', verified: true } }),
    );
    expect(nested.success).toBe(false);
  });

  it('reports every invalid field, not only the first', () => {
    const parsed = signUpSchema.safeParse({ ...signUp(), email: 'nope', password: 'short', name: '' });
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'name']));
  });

  it('lets a member join only a verified organisation, pending approval', async () => {
    const unverified = await makeOrganisation('sme', { verified: false });
    const input = signUpSchema.parse(
      signUp({ organisationMode: 'existing', existingOrganisationId: unverified.id, organisation: undefined }),
    );
    await expect(createAccount(input, null)).rejects.toBeInstanceOf(AppError);

    const verified = await makeOrganisation('university');
    const ok = signUpSchema.parse(
      signUp({ organisationMode: 'existing', existingOrganisationId: verified.id, organisation: undefined }),
    );
    const { userId } = await createAccount(ok, null);
    const db = await getDb();
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    expect(user.role).toBe('researcher');
    expect((await loadViewer(userId, 1))?.verified).toBe(false); // waits for the admin's approval
  });
});

describe('sessions', () => {
  it('sign out everywhere invalidates every session issued before', async () => {
    const { user, viewer } = await makeUser('sme');
    expect(await loadViewer(user.id, user.sessionVersion)).not.toBeNull();
    await signOutEverywhere(viewer);
    expect(await loadViewer(user.id, user.sessionVersion)).toBeNull();
    expect(await loadViewer(user.id, user.sessionVersion + 1)).not.toBeNull();
  });

  it('a disabled user has no session at the next request', async () => {
    const { user } = await makeUser('researcher');
    const db = await getDb();
    await db.update(users).set({ disabled: true }).where(eq(users.id, user.id));
    expect(await loadViewer(user.id, user.sessionVersion)).toBeNull();
  });

  it('changing the password needs the current one', async () => {
    const { viewer } = await makeUser('sme');
    await expect(
      changePassword(viewer, {
        currentPassword: 'wrong-password',
        newPassword: 'another-long-password',
        confirmPassword: 'another-long-password',
      }),
    ).rejects.toMatchObject({ code: 'invalid' });
    await changePassword(viewer, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'another-long-password',
      confirmPassword: 'another-long-password',
    });
  });
});
