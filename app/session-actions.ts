'use server';

import { setLocale } from '@/lib/accounts/data';
import { localeSchema } from '@/lib/accounts/validation';
import { publicAction } from '@/lib/actions/safe-action';
import { signOut } from '@/lib/auth/config';
import { getViewer } from '@/lib/auth/session';
import { rememberLocale } from '@/lib/i18n/locale-cookie';
import { z } from '@/lib/validation/messages';

// The language switch works for visitors too; a signed-in user's choice is also saved.
export const switchLocaleAction = publicAction(localeSchema, async ({ locale }) => {
  await rememberLocale(locale);
  const viewer = await getViewer();
  if (viewer) await setLocale(viewer.userId, locale);
  return { locale };
});

export const signOutAction = publicAction(z.object({}).strict(), async () => {
  await signOut({ redirectTo: '/' });
});
