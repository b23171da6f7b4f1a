'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast';
import { updateProfileSchema, type UpdateProfileInput } from '@/lib/accounts/validation';
import { updateProfileAction } from '@/lib/accounts/actions';

export function ProfileForm({ defaultValues }: { defaultValues: UpdateProfileInput }) {
  const t = useTranslations('account');
  const { toast } = useToast();
  const router = useRouter();
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: updateProfileSchema,
    action: updateProfileAction,
    defaultValues,
    onSuccess: () => {
      toast(t('profileSaved'), { tone: 'success' });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-3">
      {formError && (
        <Alert tone="danger" className="sm:col-span-3">
          {formError}
        </Alert>
      )}
      <FormField label={t('name')} error={errorOf('name')}>
        <TextField autoComplete="name" maxLength={100} {...form.register('name')} />
      </FormField>
      <FormField label={t('phone')} error={errorOf('phone')}>
        <TextField type="tel" autoComplete="tel" maxLength={30} {...form.register('phone')} />
      </FormField>
      <FormField label={t('preferredLanguage')} error={errorOf('locale')}>
        <Select {...form.register('locale')}>
          <option value="ja">日本語</option>
          <option value="en">English</option>
        </Select>
      </FormField>
      <div className="sm:col-span-3">
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t('saveProfile')}
        </Button>
      </div>
    </form>
  );
}
