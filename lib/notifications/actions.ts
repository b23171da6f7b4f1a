'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { authedAction } from '@/lib/actions/safe-action';
import { markNotificationsRead } from './data';
import { setMailPreferences } from '@/lib/mail/preferences';
import { mailPreferencesSchema, markReadSchema } from './validation';

export const markNotificationsReadAction = authedAction(
  'notifications.view',
  markReadSchema,
  async (viewer, { ids }) => {
    const count = await markNotificationsRead(viewer, ids ?? 'all');
    revalidatePath('/notifications');
    return { count };
  },
);

export const saveMailPreferencesAction = authedAction(
  'notifications.view',
  mailPreferencesSchema,
  async (viewer, prefs) => {
    await setMailPreferences(await getDb(), viewer.userId, prefs);
    return null;
  },
);
