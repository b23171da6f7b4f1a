import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/forms/action-button';
import { ListPage } from '@/components/lists/list-page';
import { Badge } from '@/components/ui/badge';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { Td, Th, Tr } from '@/components/ui/table';
import { TextField } from '@/components/ui/text-field';
import { listUsers } from '@/lib/users/data';
import { firstValues } from '@/lib/lists/params';
import { userFiltersSchema } from '@/lib/users/validation';
import { requirePermission } from '@/lib/auth/guard';
import { approveUserAction, setUserDisabledAction } from '@/lib/users/actions';
import { RoleForm } from './role-form';
import { roles } from '@/db/vocabulary/accounts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.users'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminUsersPage({ searchParams }: Props) {
  const viewer = await requirePermission('admin.users');
  const filters = userFiltersSchema.parse(firstValues(await searchParams));
  const [result, t, tr, format, locale] = await Promise.all([
    listUsers(filters),
    getTranslations('admin.users'),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <ListPage
      messages="admin.users"
      path="/users"
      filterFields={
        <>
          {filters.org && <input type="hidden" name="org" value={filters.org} />}
          <FormField label={t('search')} hint={t('searchHint')}>
            <TextField name="q" type="search" defaultValue={filters.q} maxLength={100} />
          </FormField>
          <FormField label={t('role')}>
            <Select name="role" defaultValue={filters.role ?? ''}>
              <option value="">{tr('common.all')}</option>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {tr(`roles.${r}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t('disabledFilter')}>
            <Select name="disabled" defaultValue={filters.disabled ?? ''}>
              <option value="">{tr('common.all')}</option>
              <option value="no">{t('active')}</option>
              <option value="yes">{t('disabled')}</option>
            </Select>
          </FormField>
          <FormField label={t('approvalFilter')}>
            <Select name="approval" defaultValue={filters.approval ?? ''}>
              <option value="">{tr('common.all')}</option>
              <option value="pending">{t('pending')}</option>
              <option value="approved">{t('approved')}</option>
            </Select>
          </FormField>
        </>
      }
      filters={{
        q: filters.q,
        role: filters.role,
        disabled: filters.disabled,
        approval: filters.approval,
        org: filters.org,
      }}
      columns={[t('name'), t('organisation'), t('role'), t('status'), t('lastSignIn'), tr('common.actions')]}
      result={result}
      row={(u) => {
        const self = u.id === viewer.userId;
        return (
          <Tr key={u.id}>
            <Th scope="row" className="whitespace-normal font-medium">
              {u.name}
              {self && <span className="ml-1 font-normal text-slate-700">({t('you')})</span>}
              <span className="block text-xs font-normal break-all text-slate-700">{u.email}</span>
            </Th>
            <Td className="min-w-40">
              {locale === 'en' ? u.organisation.nameEn : u.organisation.nameJa}
              {!u.organisation.verified && (
                <Badge tone="warning" className="ml-1">
                  {tr('org.unverified')}
                </Badge>
              )}
            </Td>
            <Td>{self ? tr(`roles.${u.role}`) : <RoleForm userId={u.id} userName={u.name} currentRole={u.role} />}</Td>
            <Td>
              <div className="flex flex-wrap gap-1">
                {u.disabled ? (
                  <Badge tone="danger">{t('disabled')}</Badge>
                ) : (
                  <Badge tone="success">{t('active')}</Badge>
                )}
                {!u.approved && <Badge tone="warning">{t('pending')}</Badge>}
              </div>
            </Td>
            <Td className="whitespace-nowrap">
              {u.lastSignInAt ? format.dateTime(u.lastSignInAt, 'long') : t('never')}
            </Td>
            <Td>
              {self ? (
                <span className="text-sm text-slate-700">{t('selfNote')}</span>
              ) : (
                <div className="flex flex-wrap gap-2">
                  {!u.approved && (
                    <ActionButton
                      action={approveUserAction}
                      input={{ userId: u.id }}
                      variant="primary"
                      successMessage={t('approvedToast', { name: u.name })}
                      aria-label={t('approveNamed', { name: u.name })}
                    >
                      {t('approve')}
                    </ActionButton>
                  )}
                  {u.disabled ? (
                    <ActionButton
                      action={setUserDisabledAction}
                      input={{ userId: u.id, disabled: false }}
                      successMessage={t('enabledToast', { name: u.name })}
                      aria-label={t('enableNamed', { name: u.name })}
                    >
                      {t('enable')}
                    </ActionButton>
                  ) : (
                    <ActionButton
                      action={setUserDisabledAction}
                      input={{ userId: u.id, disabled: true }}
                      variant="danger"
                      successMessage={t('disabledToast', { name: u.name })}
                      aria-label={t('disableNamed', { name: u.name })}
                      confirm={{
                        title: t('disableTitle', { name: u.name }),
                        text: t('disableText'),
                        confirmLabel: t('disable'),
                      }}
                    >
                      {t('disable')}
                    </ActionButton>
                  )}
                </div>
              )}
            </Td>
          </Tr>
        );
      }}
    />
  );
}
