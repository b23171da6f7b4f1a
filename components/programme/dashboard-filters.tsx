import { getLocale, getTranslations } from 'next-intl/server';
import { FilterForm } from '@/components/lists/filter-form';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { type Domain, domains } from '@/db/vocabulary/clusters';

type Props = {
  /** The page the filters apply to: the dashboard or one of its views (fairness). */
  action: string;
  clusters: { id: string; nameJa: string; nameEn: string }[];
  cluster?: string | null;
  scope: { from: string; to: string; domain?: Domain | null };
};

/** The programme pages' one filter form: cluster, period and domain. */
export async function DashboardFilters({ action, clusters, cluster, scope }: Props) {
  const [t, tr, locale] = await Promise.all([getTranslations('programme.dashboard'), getTranslations(), getLocale()]);
  return (
    <FilterForm label={t('filters')} action={action} submitLabel={t('show')} clearLabel={t('reset')}>
      <FormField label={t('cluster')}>
        <Select name="cluster" defaultValue={cluster ?? ''}>
          <option value="">{t('allClusters')}</option>
          {clusters.map((c) => (
            <option key={c.id} value={c.id}>
              {locale === 'ja' ? c.nameJa : c.nameEn}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label={t('from')}>
        <TextField name="from" type="date" defaultValue={scope.from} />
      </FormField>
      <FormField label={t('to')}>
        <TextField name="to" type="date" defaultValue={scope.to} />
      </FormField>
      <FormField label={t('domain')}>
        <Select name="domain" defaultValue={scope.domain ?? ''}>
          <option value="">{t('allDomains')}</option>
          {domains.map((domain) => (
            <option key={domain} value={domain}>
              {tr(`domains.${domain}`)}
            </option>
          ))}
        </Select>
      </FormField>
    </FilterForm>
  );
}
