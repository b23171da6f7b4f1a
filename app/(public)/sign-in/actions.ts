'use server';

import { CredentialsSignin } from 'next-auth';
import { redirect } from 'next/navigation';
import { findLocaleOf } from '@/lib/accounts/data';
import { signInSchema } from '@/lib/accounts/validation';
import { publicAction } from '@/lib/actions/safe-action';
import { signIn, SignInFailed } from '@/lib/auth/config';
import { AppError } from '@/lib/errors';
import { rememberLocale } from '@/lib/i18n/locale-cookie';

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
      throw new AppError(
        code === 'rate_limited' ? 'rate_limited' : 'invalid',
        messageFor[code] ?? messageFor.invalid_credentials,
      );
    }
    throw error;
  }
  // The user's saved language wins from now on.
  const locale = await findLocaleOf(email);
  if (locale) await rememberLocale(locale);
  redirect('/home');
});
