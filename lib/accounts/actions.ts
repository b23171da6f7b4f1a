'use server';

import { CredentialsSignin } from 'next-auth';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { changePassword, findLocaleOf, setLocale, signOutEverywhere, updateProfile } from './data';
import { completeSignUp, requestSignUp } from './sign-up';
import {
  changePasswordSchema,
  confirmSignUpSchema,
  localeSchema,
  signInSchema,
  signUpSchema,
  updateProfileSchema,
} from './validation';
import { authedAction, publicAction } from '@/lib/actions/safe-action';
import { signIn, SignInFailed, signOut } from '@/lib/auth/config';
import { consumeSignUpAttempt } from '@/lib/auth/rate-limit';
import { getViewer } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { rememberLocale } from '@/lib/i18n/locale-cookie';
import { z } from '@/lib/validation/messages';

const signInMessageFor: Record<string, string> = {
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
        signInMessageFor[code] ?? signInMessageFor.invalid_credentials,
      );
    }
    throw error;
  }
  // The user's saved language wins from now on.
  const locale = await findLocaleOf(email);
  if (locale) await rememberLocale(locale);
  redirect('/home');
});

// The same answer for a new and a registered address: the mailbox decides (lib/accounts/data requestSignUp).
export const signUpAction = publicAction(signUpSchema, async (input, { ip }) => {
  if ((await consumeSignUpAttempt(ip ?? 'unknown')) > 0) throw new AppError('rate_limited');
  await requestSignUp(input);
  redirect('/sign-up/check-mail');
});

// The link of the sign-up mail, with the password typed again: creates the account and signs in.
// (No limit of its own: guessing the password here needs the link, that is the mailbox.)
export const confirmSignUpAction = publicAction(confirmSignUpSchema, async ({ token, password }, { ip }) => {
  const { email } = await completeSignUp(token, password, ip);
  await signIn('credentials', { email, password, redirect: false });
  redirect('/account?welcome=1');
});

// Ends the session on the server, not only in this browser: a copied cookie stops working too.
export const signOutAction = publicAction(z.object({}).strict(), async () => {
  const viewer = await getViewer();
  if (viewer) await signOutEverywhere(viewer, 'account.sign_out');
  await signOut({ redirectTo: '/' });
});

// The language switch works for visitors too; a signed-in user's choice is also saved.
export const switchLocaleAction = publicAction(localeSchema, async ({ locale }) => {
  await rememberLocale(locale);
  const viewer = await getViewer();
  if (viewer) await setLocale(viewer.userId, locale);
  return { locale };
});

export const updateProfileAction = authedAction('account.update', updateProfileSchema, async (viewer, input) => {
  await updateProfile(viewer, input);
  await rememberLocale(input.locale);
  revalidatePath('/', 'layout');
});

export const changePasswordAction = authedAction(
  'account.changePassword',
  changePasswordSchema,
  async (viewer, input) => {
    await changePassword(viewer, input);
  },
);

export const signOutEverywhereAction = authedAction(
  'account.signOutEverywhere',
  z.object({}).strict(),
  async (viewer) => {
    await signOutEverywhere(viewer);
    await signOut({ redirect: false });
    redirect('/sign-in');
  },
);
