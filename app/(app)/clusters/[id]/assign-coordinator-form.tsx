'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { coordinatorAssignmentSchema } from '@/lib/clusters/validation';
import { assignCoordinatorAction } from '@/lib/clusters/actions';

export function AssignCoordinatorForm({
  clusterId,
  choices,
}: {
  clusterId: string;
  choices: { id: string; name: string; email: string }[];
}) {
  const t = useTranslations('admin.clusters');
  const { toast } = useToast();
  const router = useRouter();
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: coordinatorAssignmentSchema,
    action: assignCoordinatorAction,
    defaultValues: { clusterId, userId: '' },
    onSuccess: () => {
      form.reset({ clusterId, userId: '' });
      toast(t('assigned'), { tone: 'success' });
      router.refresh();
    },
  });
  if (choices.length === 0) return <p className="text-sm text-slate-700">{t('noneToAssign')}</p>;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
      {formError && <Alert tone="danger">{formError}</Alert>}
      <FormField label={t('assignLabel')} error={errorOf('userId')} className="sm:min-w-72">
        <Select {...form.register('userId')}>
          <option value="">{t('choose')}</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.email})
            </option>
          ))}
        </Select>
      </FormField>
      <Button type="submit" loading={form.formState.isSubmitting}>
        {t('assign')}
      </Button>
    </form>
  );
}
