'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Controller, FormProvider, useFormContext } from 'react-hook-form';
import { CheckboxGroup } from '@/components/forms/checkbox-group';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast';
import {
  createClusterSchema,
  updateClusterSchema,
  type CreateClusterInput,
  type UpdateClusterInput,
} from '@/lib/clusters/validation';
import { createClusterAction, updateClusterAction } from '@/lib/clusters/actions';
import { clusterPhases, domains } from '@/db/vocabulary/clusters';

type Fields = keyof CreateClusterInput;

/** The fields both forms share, inside their FormProvider (the edit form's values add the id and version). */
function ClusterFields({
  errorOf,
  submitLabel,
}: {
  errorOf: (name: Fields) => string | undefined;
  submitLabel: string;
}) {
  const t = useTranslations();
  const form = useFormContext<CreateClusterInput>();
  return (
    <>
      <FormField label={t('org.nameJa')} error={errorOf('nameJa')}>
        <TextField lang="ja" maxLength={200} {...form.register('nameJa')} />
      </FormField>
      <FormField label={t('org.nameEn')} error={errorOf('nameEn')}>
        <TextField lang="en" maxLength={200} {...form.register('nameEn')} />
      </FormField>
      <FormField label={t('admin.clusters.slug')} hint={t('admin.clusters.slugHint')} error={errorOf('slug')}>
        <TextField maxLength={60} autoCapitalize="none" spellCheck={false} {...form.register('slug')} />
      </FormField>
      <FormField label={t('admin.clusters.regionJa')} error={errorOf('regionJa')}>
        <TextField lang="ja" maxLength={100} {...form.register('regionJa')} />
      </FormField>
      <FormField label={t('admin.clusters.regionEn')} error={errorOf('regionEn')}>
        <TextField lang="en" maxLength={100} {...form.register('regionEn')} />
      </FormField>
      <FormField label={t('admin.clusters.phase')} hint={t('admin.clusters.phaseHint')} error={errorOf('phase')}>
        <Select {...form.register('phase')}>
          {clusterPhases.map((p) => (
            <option key={p} value={p}>
              {t('admin.clusters.phaseValue', { phase: p })}
            </option>
          ))}
        </Select>
      </FormField>
      <Controller
        control={form.control}
        name="domains"
        render={({ field }) => (
          <CheckboxGroup
            className="sm:col-span-2"
            legend={t('admin.clusters.domains')}
            options={domains.map((d) => ({ id: d, label: t(`domains.${d}`) }))}
            value={field.value}
            onChange={field.onChange}
            error={errorOf('domains')}
          />
        )}
      />
      <div className="sm:col-span-2">
        <Button type="submit" loading={form.formState.isSubmitting}>
          {submitLabel}
        </Button>
      </div>
    </>
  );
}

export function CreateClusterForm() {
  const t = useTranslations();
  const router = useRouter();
  const { toast } = useToast();
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: createClusterSchema,
    action: createClusterAction,
    defaultValues: { slug: '', nameJa: '', nameEn: '', regionJa: '', regionEn: '', domains: [], phase: 'I' },
    onSuccess: ({ clusterId }) => {
      toast(t('admin.clusters.created'), { tone: 'success' });
      router.push(`/clusters/${clusterId}`);
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      {formError && (
        <Alert tone="danger" className="sm:col-span-2">
          {formError}
        </Alert>
      )}
      <FormProvider {...form}>
        <ClusterFields errorOf={errorOf} submitLabel={t('admin.clusters.create')} />
      </FormProvider>
    </form>
  );
}

export function EditClusterForm({ defaultValues }: { defaultValues: UpdateClusterInput }) {
  const t = useTranslations();
  const router = useRouter();
  const { toast } = useToast();
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: updateClusterSchema,
    action: updateClusterAction,
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
      <FormProvider {...form}>
        <ClusterFields errorOf={errorOf} submitLabel={t('common.save')} />
      </FormProvider>
    </form>
  );
}
