import { roles } from '@/db/vocabulary/accounts';
import { listParams, optionalParam } from '@/lib/lists/params';
import { z } from '@/lib/validation/messages';

const id = z.uuid();

/** ?q=&role=&disabled=&approval=&org=&page= of the users list. */
export const userFiltersSchema = z.object({
  q: listParams.q,
  role: optionalParam(z.enum(roles)),
  disabled: listParams.yesNo,
  approval: optionalParam(z.enum(['pending', 'approved'])),
  org: optionalParam(id),
  page: listParams.page,
});
export type UserFilters = z.infer<typeof userFiltersSchema>;

export const changeRoleSchema = z
  .object({
    userId: id,
    /** The role the admin saw: if someone changed it meanwhile, the change is refused. */
    currentRole: z.enum(roles),
    role: z.enum(roles),
  })
  .strict();
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const setDisabledSchema = z.object({ userId: id, disabled: z.boolean() }).strict();
export type SetDisabledInput = z.infer<typeof setDisabledSchema>;

export const userIdSchema = z.object({ userId: id }).strict();
