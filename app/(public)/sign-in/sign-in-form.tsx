'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { TextField } from '@/components/ui/text-field';
import { signInSchema } from '@/lib/accounts/validation';
import { signInAction } from '@/lib/accounts/actions';

export function SignInForm() {
  const t = useTranslations('auth');
  // Without JavaScript (or before it loads) the browser POSTs the form to the action; with it, onSubmit does.
  const [posted, formAction] = useActionState(signInAction, null);
  const { form, onSubmit, formError, errorOf } = useActionForm<typeof signInSchema, void>({
    schema: signInSchema,
    action: signInAction,
    defaultValues: { email: '', password: '' },
    posted,
  });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert tone="danger">{formError}</Alert>}
      <FormField label={t('email')} error={errorOf('email')}>
        <TextField type="email" autoComplete="email" {...form.register('email')} />
      </FormField>
      <FormField label={t('password')} error={errorOf('password')}>
        <TextField type="password" autoComplete="current-password" {...form.register('password')} />
      </FormField>
      <Button type="submit" loading={form.formState.isSubmitting}>
        {t('signInButton')}
      </Button>
    </form>
  );
}
