'use server';

import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/actions/safe-action';
import { signOut } from '@/lib/auth/config';
import { deleteAccount } from './delete';
import { deleteAccountSchema } from './validation';

export const deleteAccountAction = authedAction('account.delete', deleteAccountSchema, async (viewer, input) => {
  await deleteAccount(viewer, input);
  await signOut({ redirect: false });
  redirect('/privacy?deleted=1');
});
