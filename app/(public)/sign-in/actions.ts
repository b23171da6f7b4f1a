'use server';

import { CredentialsSignin } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema/accounts';
import { signInSchema } from '@/lib/accounts/validation';
import { publicAction } from '@/lib/actions/safe-action';
import { signIn, SignInFailed } from '@/lib/auth/config';
import { AppError } from '@/lib/errors';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';

const messageFor: Record<string, string> = {
  rate_limited: 'errors.rate_limited',
  disabled: 'errors.account_disabled',
  invalid_credentials: 'errors.invalid_credentials',
};

export const signInAction = publicAction(signInSchema, async ({ email, password }) => {
  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const code = error instanceof SignInFailed ? error.code : 'invalid_credentials';
      throw new AppError(code === 'rate_limited' ? 'rate_limited' : 'invalid', messageFor[code] ?? messageFor.invalid_credentials);
    }
    throw error;
  }
  // The user's saved language wins from now on.
  const db = await getDb();
  const [row] = await db
    .select({ locale: users.locale })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (row) (await cookies()).set(LOCALE_COOKIE, row.locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  redirect('/home');
});
