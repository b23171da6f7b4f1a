'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast';
import { changePasswordSchema } from '@/lib/accounts/validation';
import { changePasswordAction } from '@/lib/accounts/actions';

export function ChangePasswordForm() {
  const t = useTranslations();
  const { toast } = useToast();
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: changePasswordSchema,
    action: changePasswordAction,
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    onSuccess: () => {
      form.reset();
      toast(t('account.passwordChanged'), { tone: 'success' });
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-3">
      {formError && (
        <Alert tone="danger" className="sm:col-span-3">
          {formError}
        </Alert>
      )}
      <FormField label={t('account.currentPassword')} error={errorOf('currentPassword')}>
        <TextField type="password" autoComplete="current-password" {...form.register('currentPassword')} />
      </FormField>
      <FormField label={t('account.newPassword')} hint={t('auth.passwordHint')} error={errorOf('newPassword')}>
        <TextField type="password" autoComplete="new-password" maxLength={128} {...form.register('newPassword')} />
      </FormField>
      <FormField label={t('account.confirmPassword')} error={errorOf('confirmPassword')}>
        <TextField type="password" autoComplete="new-password" maxLength={128} {...form.register('confirmPassword')} />
      </FormField>
      <div className="sm:col-span-3">
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t('account.changePassword')}
        </Button>
      </div>
    </form>
  );
}
