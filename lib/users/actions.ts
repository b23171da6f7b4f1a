'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/safe-action';
import { approveUser, changeUserRole, setUserDisabled } from '@/lib/admin/users';
import { changeRoleSchema, setDisabledSchema, userIdSchema } from '@/lib/admin/validation';

export const changeUserRoleAction = authedAction('admin.users', changeRoleSchema, async (viewer, input, { ip }) => {
  await changeUserRole(viewer, input, ip);
  revalidatePath('/admin', 'layout');
});

export const setUserDisabledAction = authedAction('admin.users', setDisabledSchema, async (viewer, input, { ip }) => {
  await setUserDisabled(viewer, input, ip);
  revalidatePath('/admin', 'layout');
});

export const approveUserAction = authedAction('admin.users', userIdSchema, async (viewer, input, { ip }) => {
  await approveUser(viewer, input.userId, ip);
  revalidatePath('/admin', 'layout');
});
