'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { expressInterestAction } from '@/lib/introductions/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast';
import { interestSchema } from '@/lib/introductions/validation';

/** "Ask for an introduction" with the structured questions; lands in the coordinator's queue. */
export function InterestForm({ listingKind, listingId }: { listingKind: 'need' | 'seed'; listingId: string }) {
  const t = useTranslations('introductions');
  const tc = useTranslations('common');
  const router = useRouter();
  const { toast } = useToast();
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: interestSchema,
    action: expressInterestAction,
    defaultValues: { listingKind, listingId, offer: '', want: '', timing: '' },
    onSuccess: (data) => {
      toast(t('interestSent'), { tone: 'success' });
      router.push(`/introductions/${data.matchId}`);
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      {formError && <Alert tone="danger">{formError}</Alert>}
      <FormField label={t('offer')} error={errorOf('offer')} required requiredLabel={tc('required')}>
        <Textarea rows={3} maxLength={1000} {...form.register('offer')} />
      </FormField>
      <FormField label={t('want')} error={errorOf('want')} required requiredLabel={tc('required')}>
        <Textarea rows={3} maxLength={1000} {...form.register('want')} />
      </FormField>
      <FormField label={t('timing')} error={errorOf('timing')} required requiredLabel={tc('required')}>
        <TextField maxLength={200} {...form.register('timing')} />
      </FormField>
      <div>
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t('expressInterest')}
        </Button>
      </div>
    </form>
  );
}
