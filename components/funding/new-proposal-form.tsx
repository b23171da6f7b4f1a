'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { newRequestKey } from '@/components/forms/request-key';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { createProposalAction } from '@/lib/funding/actions';
import { createProposalSchema, FUNDING_LIMITS, type CreateProposalInput } from '@/lib/funding/validation';

/** A new draft: its working title and, optionally, the introduction whose patents it offers. */
export function NewProposalForm({ introductions }: { introductions: { matchId: string; label: string }[] }) {
  const t = useTranslations('funding');
  const tc = useTranslations('common');
  const router = useRouter();
  // one key per form shown: submitting it twice (double click, retry) makes one draft
  const [requestKey] = useState(newRequestKey);
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: createProposalSchema,
    action: createProposalAction,
    defaultValues: { title: '', matchId: '', requestKey } as CreateProposalInput,
    onSuccess: (created) => router.push(`/funding/${created.id}/edit`),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-4">
      {formError && <Alert tone="danger">{formError}</Alert>}
      <FormField label={t('fields.title')} error={errorOf('title')} required requiredLabel={tc('required')}>
        <TextField maxLength={FUNDING_LIMITS.title} {...form.register('title')} />
      </FormField>
      <FormField label={t('fields.introduction')} error={errorOf('matchId')}>
        <Select {...form.register('matchId')}>
          <option value="">{t('fields.noIntroduction')}</option>
          {introductions.map((i) => (
            <option key={i.matchId} value={i.matchId}>
              {i.label}
            </option>
          ))}
        </Select>
      </FormField>
      <div>
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t('create')}
        </Button>
      </div>
    </form>
  );
}
