'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast';
import { openSurveyRoundAction } from '@/lib/programme/survey/actions';
import { openRoundSchema } from '@/lib/programme/survey/validation';

/** Opens a survey round for one of the viewer's clusters (issue 14 item 6). */
export function OpenRoundForm({
  clusters,
  defaults,
}: {
  clusters: { id: string; name: string }[];
  defaults: { opensOn: string; closesOn: string };
}) {
  const t = useTranslations('survey.office');
  const router = useRouter();
  const { toast } = useToast();
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: openRoundSchema,
    action: openSurveyRoundAction,
    defaultValues: { clusterId: clusters.length === 1 ? clusters[0].id : '', title: '', ...defaults },
    onSuccess: ({ id }) => {
      toast(t('opened'), { tone: 'success' });
      router.push(`/programme/surveys/${id}`);
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert tone="danger">{formError}</Alert>}
      <div className="grid gap-4 md:grid-cols-2">
        <FormField label={t('fields.cluster')} error={errorOf('clusterId')} required>
          <Select {...form.register('clusterId')}>
            <option value="">{t('chooseCluster')}</option>
            {clusters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t('fields.title')} hint={t('titleHint')} error={errorOf('title')} required>
          <TextField maxLength={200} {...form.register('title')} />
        </FormField>
        <FormField label={t('fields.opensOn')} error={errorOf('opensOn')} required>
          <TextField type="date" {...form.register('opensOn')} />
        </FormField>
        <FormField label={t('fields.closesOn')} error={errorOf('closesOn')} required>
          <TextField type="date" {...form.register('closesOn')} />
        </FormField>
      </div>
      <div>
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t('open')}
        </Button>
      </div>
    </form>
  );
}
