'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useRunAction } from '@/components/forms/use-run-action';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { changeUserRoleAction } from '@/lib/users/actions';
import { type Role, roles } from '@/db/vocabulary/accounts';

/** Inline role change for one row of the users table. */
export function RoleForm({ userId, userName, currentRole }: { userId: string; userName: string; currentRole: Role }) {
  const t = useTranslations();
  const id = useId();
  const [role, setRole] = useState<Role>(currentRole);
  const { run, pending } = useRunAction();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    run(() => changeUserRoleAction({ userId, currentRole, role }), {
      success: t('admin.users.roleChanged', { name: userName, role: t(`roles.${role}`) }),
      settled: (ok) => {
        if (!ok) setRole(currentRole);
      },
    });
  };

  return (
    <form onSubmit={submit} className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {t('admin.users.roleFor', { name: userName })}
      </label>
      <Select
        id={id}
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
        className="min-h-10 w-auto py-1 text-sm"
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </Select>
      <Button
        type="submit"
        size="sm"
        variant="secondary"
        loading={pending}
        disabled={role === currentRole}
        aria-label={t('admin.users.changeRoleFor', { name: userName })}
      >
        {t('admin.users.changeRole')}
      </Button>
    </form>
  );
}
