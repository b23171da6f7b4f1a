'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import { LIMITS, reviewListingSchema, type ReviewListingInput } from '@/lib/listings/validation';
import { reviewListingAction } from '@/lib/listings/actions';

/** Publish or send back one listing; a stale version comes back as a conflict message. */
export function ReviewForm({
  kind,
  id,
  version,
  title,
}: {
  kind: 'need' | 'seed';
  id: string;
  version: number;
  title: string;
}) {
  const t = useTranslations('listings.review');
  const { toast } = useToast();
  const router = useRouter();
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: reviewListingSchema,
    action: reviewListingAction,
    defaultValues: { kind, id, version, decision: 'publish', comment: '' } as ReviewListingInput,
    onSuccess: (r) => {
      toast(r.status === 'open' ? t('published') : t('sentBack'), { tone: 'success' });
      router.refresh();
    },
  });
  const decision = form.watch('decision');
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={title}>
      {formError && <Alert tone="danger">{formError}</Alert>}
      <FormField label={t('comment')} hint={t('commentHint')} error={errorOf('comment')}>
        <Textarea rows={2} maxLength={LIMITS.reviewComment} {...form.register('comment')} />
      </FormField>
      <div className="flex flex-wrap gap-2">
        <Button
          type="submit"
          size="sm"
          onClick={() => form.setValue('decision', 'publish')}
          loading={form.formState.isSubmitting && decision === 'publish'}
        >
          {t('publish')}
        </Button>
        <Button
          type="submit"
          size="sm"
          variant="secondary"
          onClick={() => form.setValue('decision', 'send_back')}
          loading={form.formState.isSubmitting && decision === 'send_back'}
        >
          {t('sendBack')}
        </Button>
      </div>
    </form>
  );
}
