import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/forms/action-button';
import { ListPage } from '@/components/lists/list-page';
import { Badge } from '@/components/ui/badge';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { Td, Th, Tr } from '@/components/ui/table';
import { TextField } from '@/components/ui/text-field';
import { listOrganisations } from '@/lib/organisations/data';
import { firstValues } from '@/lib/lists/params';
import { organisationFiltersSchema } from '@/lib/organisations/validation';
import { requirePermission } from '@/lib/auth/guard';
import { prefectureName } from '@/lib/prefectures';
import { verifyOrganisationAction } from '@/lib/organisations/actions';
import { organisationKinds } from '@/db/vocabulary/accounts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.organisations'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminOrganisationsPage({ searchParams }: Props) {
  await requirePermission('admin.organisations');
  const filters = organisationFiltersSchema.parse(firstValues(await searchParams));
  const [result, t, tr, format, locale] = await Promise.all([
    listOrganisations(filters),
    getTranslations('admin.organisations'),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <ListPage
      messages="admin.organisations"
      path="/organisations"
      filterFields={
        <>
          <FormField label={t('search')} hint={t('searchHint')}>
            <TextField name="q" type="search" defaultValue={filters.q} maxLength={100} />
          </FormField>
          <FormField label={tr('org.kind')}>
            <Select name="kind" defaultValue={filters.kind ?? ''}>
              <option value="">{tr('common.all')}</option>
              {organisationKinds.map((k) => (
                <option key={k} value={k}>
                  {tr(`orgKinds.${k}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t('status')}>
            <Select name="verified" defaultValue={filters.verified ?? ''}>
              <option value="">{tr('common.all')}</option>
              <option value="no">{tr('org.unverified')}</option>
              <option value="yes">{tr('org.verified')}</option>
            </Select>
          </FormField>
        </>
      }
      filters={{ q: filters.q, kind: filters.kind, verified: filters.verified }}
      columns={[
        t('name'),
        tr('org.kind'),
        tr('org.prefecture'),
        t('members'),
        t('registered'),
        t('status'),
        tr('common.actions'),
      ]}
      result={result}
      row={(org) => {
        const name = locale === 'en' ? org.nameEn : org.nameJa;
        return (
          <Tr key={org.id}>
            <Th scope="row" className="whitespace-normal font-medium">
              <Link href={`/organisations/${org.id}`} className="text-teal-800 underline underline-offset-2">
                {name}
              </Link>
              <span className="block text-xs font-normal text-slate-700" lang={locale === 'en' ? 'ja' : 'en'}>
                {locale === 'en' ? org.nameJa : org.nameEn}
              </span>
            </Th>
            <Td>{tr(`orgKinds.${org.kind}`)}</Td>
            <Td>{prefectureName(org.prefecture, locale)}</Td>
            <Td>
              <Link href={`/users?org=${org.id}`} className="text-teal-800 underline underline-offset-2">
                {format.number(org.memberCount)}
              </Link>
            </Td>
            <Td className="whitespace-nowrap">{format.dateTime(org.createdAt, 'short')}</Td>
            <Td>
              <Badge tone={org.verified ? 'success' : 'warning'}>
                {org.verified ? tr('org.verified') : tr('org.unverified')}
              </Badge>
            </Td>
            <Td>
              <div className="flex flex-wrap gap-2">
                {!org.verified && (
                  <ActionButton
                    action={verifyOrganisationAction}
                    input={{ organisationId: org.id }}
                    variant="primary"
                    successMessage={t('verified', { name })}
                    aria-label={t('verifyNamed', { name })}
                  >
                    {t('verify')}
                  </ActionButton>
                )}
              </div>
            </Td>
          </Tr>
        );
      }}
    />
  );
}
