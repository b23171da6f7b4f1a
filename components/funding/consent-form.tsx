'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import { answerConsentAction } from '@/lib/funding/actions';
import { consentSchema, FUNDING_LIMITS } from '@/lib/funding/validation';

/** The university partner gives or refuses consent to the version of the proposal it reads. */
export function ConsentForm({ proposalId, version }: { proposalId: string; version: number }) {
  const t = useTranslations('funding');
  const router = useRouter();
  const { toast } = useToast();
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: consentSchema,
    action: answerConsentAction,
    defaultValues: { proposalId, version, decision: 'given', note: '' },
    onSuccess: () => {
      toast(t('consent.done'), { tone: 'success' });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t('consent.title')}>
      {formError && <Alert tone="danger">{formError}</Alert>}
      <FormField label={t('consent.note')} error={errorOf('note')}>
        <Textarea rows={2} maxLength={FUNDING_LIMITS.consentNote} {...form.register('note')} />
      </FormField>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" onClick={() => form.setValue('decision', 'given')} loading={form.formState.isSubmitting}>
          {t('consent.give')}
        </Button>
        <Button
          type="submit"
          variant="danger"
          onClick={() => form.setValue('decision', 'refused')}
          loading={form.formState.isSubmitting}
        >
          {t('consent.refuse')}
        </Button>
      </div>
    </form>
  );
}
