'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { TextField } from '@/components/ui/text-field';
import { confirmSignUpSchema } from '@/lib/accounts/validation';
import { confirmSignUpAction } from '@/lib/accounts/actions';

export function ConfirmSignUpForm({ token }: { token: string }) {
  const t = useTranslations('auth');
  // Without JavaScript the browser POSTs the form to the action; with it, onSubmit does.
  const [posted, formAction] = useActionState(confirmSignUpAction, null);
  const { form, onSubmit, formError, errorOf } = useActionForm<typeof confirmSignUpSchema, void>({
    schema: confirmSignUpSchema,
    action: confirmSignUpAction,
    defaultValues: { token, password: '' },
    posted,
  });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert tone="danger">{formError}</Alert>}
      <input type="hidden" defaultValue={token} {...form.register('token')} />
      <FormField label={t('password')} error={errorOf('password')}>
        <TextField type="password" autoComplete="current-password" {...form.register('password')} />
      </FormField>
      <Button type="submit" loading={form.formState.isSubmitting}>
        {t('confirmButton')}
      </Button>
    </form>
  );
}
