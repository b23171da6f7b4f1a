'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { saveNdaAction } from '@/lib/introductions/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast';
import { ndaSchema, type NdaFormInput } from '@/lib/introductions/validation';

export type NdaValues = {
  id: string;
  version: number;
  type: 'mutual' | 'one_way';
  status: 'draft' | 'signed' | 'expired';
  signedOn: string | null;
  expiresOn: string | null;
};

/** Records a confidentiality agreement, or updates `nda` when given (same schema as the action). */
export function NdaForm({ matchId, nda }: { matchId: string; nda?: NdaValues }) {
  const t = useTranslations('introductions');
  const router = useRouter();
  const { toast } = useToast();
  const defaults: NdaFormInput = nda
    ? {
        matchId,
        ndaId: nda.id,
        version: nda.version,
        type: nda.type,
        status: nda.status,
        signedOn: nda.signedOn ?? '',
        expiresOn: nda.expiresOn ?? '',
      }
    : { matchId, ndaId: '', version: 0, type: 'mutual', status: 'draft', signedOn: '', expiresOn: '' };
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: ndaSchema,
    action: saveNdaAction,
    defaultValues: defaults,
    onSuccess: () => {
      toast(t('done'), { tone: 'success' });
      if (!nda) form.reset(defaults);
      router.refresh();
    },
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-2"
      aria-label={nda ? t('updateNda') : t('recordNda')}
    >
      {formError && <Alert tone="danger">{formError}</Alert>}
      <div className="grid gap-2 sm:grid-cols-4">
        <FormField label={t('ndaType')} error={errorOf('type')}>
          <Select {...form.register('type')}>
            <option value="mutual">{t('ndaTypes.mutual')}</option>
            <option value="one_way">{t('ndaTypes.one_way')}</option>
          </Select>
        </FormField>
        <FormField label={t('ndaStatus')} error={errorOf('status')}>
          <Select {...form.register('status')}>
            {(['draft', 'signed', 'expired'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`ndaStatuses.${s}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t('signedOn')} error={errorOf('signedOn')}>
          <TextField type="date" {...form.register('signedOn')} />
        </FormField>
        <FormField label={t('expiresOn')} error={errorOf('expiresOn')} hint={t('ndaReminderHint')}>
          <TextField type="date" {...form.register('expiresOn')} />
        </FormField>
      </div>
      <div>
        <Button type="submit" size="sm" loading={form.formState.isSubmitting}>
          {nda ? t('updateNda') : t('recordNda')}
        </Button>
      </div>
    </form>
  );
}
