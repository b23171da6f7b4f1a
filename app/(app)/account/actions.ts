'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { changePassword, signOutEverywhere, updateProfile } from '@/lib/accounts/data';
import { changePasswordSchema, updateProfileSchema } from '@/lib/accounts/validation';
import { authedAction } from '@/lib/actions/safe-action';
import { signOut } from '@/lib/auth/config';
import { rememberLocale } from '@/lib/i18n/locale-cookie';
import { z } from '@/lib/validation/messages';

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
