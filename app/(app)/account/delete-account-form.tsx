'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormField } from '@/components/ui/form-field';
import { TextField } from '@/components/ui/text-field';
import { deleteAccountAction } from '@/lib/privacy/actions';
import { deleteAccountSchema } from '@/lib/privacy/validation';

/** Deleting the account: the password again and a ticked confirmation; signed out, the browser lands on the privacy notice. */
export function DeleteAccountForm() {
  const t = useTranslations('privacy.delete');
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: deleteAccountSchema,
    action: deleteAccountAction,
    defaultValues: { password: '' },
    onSuccess: () => window.location.assign('/privacy?deleted=1'),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-xl flex-col gap-4">
      {formError && <Alert tone="danger">{formError}</Alert>}
      <FormField label={t('password')} error={errorOf('password')}>
        <TextField type="password" autoComplete="current-password" maxLength={128} {...form.register('password')} />
      </FormField>
      <Checkbox label={t('confirm')} error={errorOf('confirm')} {...form.register('confirm')} />
      <div>
        <Button type="submit" variant="danger" loading={form.formState.isSubmitting}>
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}
