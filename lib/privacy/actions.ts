'use server';

import { authedAction } from '@/lib/actions/safe-action';
import { signOut } from '@/lib/auth/config';
import { deleteAccount } from './delete';
import { deleteAccountSchema } from './validation';

export const deleteAccountAction = authedAction('account.delete', deleteAccountSchema, async (viewer, input) => {
  await deleteAccount(viewer, input);
  await signOut({ redirect: false });
  // the browser then loads /privacy?deleted=1 afresh (delete-account-form.tsx): nothing of the session stays in memory
});
