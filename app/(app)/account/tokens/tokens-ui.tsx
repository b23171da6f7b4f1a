'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { createTokenSchema, tokenLifetimes } from '@/lib/api/token-validation';
import { createApiTokenAction } from '@/lib/api/actions';

export function CreateTokenForm() {
  const t = useTranslations('api.tokens');
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const { form, onSubmit, formError, errorOf } = useActionForm<typeof createTokenSchema, { id: string; token: string }>(
    {
      schema: createTokenSchema,
      action: createApiTokenAction,
      defaultValues: { name: '', expiresInDays: '90' },
      onSuccess: (data) => {
        setSecret(data.token);
        setCopied(false);
        form.reset();
        router.refresh();
      },
    },
  );
  return (
    <div className="flex flex-col gap-4">
      {secret && (
        <Alert tone="success" title={t('created')}>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <label className="sr-only" htmlFor="new-token">
              {t('secretLabel')}
            </label>
            <input
              id="new-token"
              readOnly
              value={secret}
              className="w-full max-w-xl rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm"
              onFocus={(e) => e.target.select()}
            />
            <Button
              type="button"
              variant="secondary"
              size="sm"
              onClick={() => {
                void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
              }}
            >
              {copied ? t('copied') : t('copy')}
            </Button>
          </div>
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-3">
        {formError && (
          <Alert tone="danger" className="sm:col-span-3">
            {formError}
          </Alert>
        )}
        <FormField label={t('name')} hint={t('nameHint')} error={errorOf('name')} required>
          <TextField maxLength={80} {...form.register('name')} />
        </FormField>
        <FormField label={t('expiresIn')} error={errorOf('expiresInDays')}>
          <Select {...form.register('expiresInDays')}>
            {tokenLifetimes.map((v) => (
              <option key={v} value={v}>
                {t(`expires.${v}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <div className="flex items-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('create')}
          </Button>
        </div>
      </form>
    </div>
  );
}
