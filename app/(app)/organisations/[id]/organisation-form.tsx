'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Controller } from 'react-hook-form';
import { CheckboxGroup } from '@/components/forms/checkbox-group';
import { PrefectureOptions } from '@/components/forms/prefecture-options';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast';
import { updateOrganisationSchema, type UpdateOrganisationInput } from '@/lib/organisations/validation';
import { updateOrganisationAction } from '@/lib/organisations/actions';
import { employeeBands, organisationKinds } from '@/db/vocabulary/accounts';

export function OrganisationForm({
  defaultValues,
  clusters,
}: {
  defaultValues: UpdateOrganisationInput;
  clusters: { id: string; label: string }[];
}) {
  const t = useTranslations();
  const { toast } = useToast();
  const router = useRouter();
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: updateOrganisationSchema,
    action: updateOrganisationAction,
    defaultValues,
    onSuccess: () => {
      toast(t('common.saved'), { tone: 'success' });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      {formError && (
        <Alert tone="danger" className="sm:col-span-2">
          {formError}
        </Alert>
      )}
      <FormField label={t('org.nameJa')} error={errorOf('nameJa')}>
        <TextField lang="ja" maxLength={200} {...form.register('nameJa')} />
      </FormField>
      <FormField label={t('org.nameEn')} error={errorOf('nameEn')}>
        <TextField lang="en" maxLength={200} {...form.register('nameEn')} />
      </FormField>
      <FormField label={t('org.kind')} error={errorOf('kind')}>
        <Select {...form.register('kind')}>
          {organisationKinds.map((k) => (
            <option key={k} value={k}>
              {t(`orgKinds.${k}`)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label={t('org.prefecture')} error={errorOf('prefecture')}>
        <Select {...form.register('prefecture')}>
          <PrefectureOptions current={defaultValues.prefecture} />
        </Select>
      </FormField>
      <FormField label={t('org.website')} error={errorOf('website')}>
        <TextField type="url" inputMode="url" maxLength={300} {...form.register('website')} />
      </FormField>
      <FormField label={t('org.employeeBand')} error={errorOf('employeeBand')}>
        <Select {...form.register('employeeBand')}>
          <option value="">{t('admin.notGiven')}</option>
          {employeeBands.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </Select>
      </FormField>
      <Controller
        control={form.control}
        name="clusterIds"
        render={({ field }) => (
          <CheckboxGroup
            className="sm:col-span-2"
            legend={t('admin.organisations.clusters')}
            options={clusters}
            value={field.value}
            onChange={field.onChange}
            error={errorOf('clusterIds')}
            emptyText={t('admin.clusters.none')}
          />
        )}
      />
      <div className="sm:col-span-2">
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
