'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/safe-action';
import { approveUser, changeUserRole, setUserDisabled } from './data';
import { changeRoleSchema, setDisabledSchema, userIdSchema } from './validation';

/** The pages showing what these actions change (organisations count members, clusters list assignable coordinators, home counts approvals). */
function refreshPages() {
  for (const path of ['/users', '/organisations', '/clusters', '/home']) revalidatePath(path, 'layout');
}

export const changeUserRoleAction = authedAction('admin.users', changeRoleSchema, async (viewer, input, { ip }) => {
  await changeUserRole(viewer, input, ip);
  refreshPages();
});

export const setUserDisabledAction = authedAction('admin.users', setDisabledSchema, async (viewer, input, { ip }) => {
  await setUserDisabled(viewer, input, ip);
  refreshPages();
});

export const approveUserAction = authedAction('admin.users', userIdSchema, async (viewer, input, { ip }) => {
  await approveUser(viewer, input.userId, ip);
  refreshPages();
});
