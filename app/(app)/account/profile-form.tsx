'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast';
import { updateProfileSchema, type UpdateProfileInput } from '@/lib/accounts/validation';
import { updateProfileAction } from '@/lib/accounts/actions';

type Choice = { value: string; label: string };

export function ProfileForm({ defaultValues, timeZones }: { defaultValues: UpdateProfileInput; timeZones: Choice[] }) {
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
  // Offer the browser's own zone when it differs (a partner abroad keeps Japan time otherwise).
  const [browserZone, setBrowserZone] = useState<string | null>(null);
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && zone !== defaultValues.timeZone && timeZones.some((z) => z.value === zone)) setBrowserZone(zone);
  }, [defaultValues.timeZone, timeZones]);
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
      <FormField label={t('timeZone')} error={errorOf('timeZone')} hint={t('timeZoneHint')}>
        <Select {...form.register('timeZone')}>
          {timeZones.map((z) => (
            <option key={z.value} value={z.value}>
              {z.label}
            </option>
          ))}
        </Select>
      </FormField>
      {browserZone && (
        <div className="flex items-end sm:col-span-2">
          <Button
            type="button"
            variant="secondary"
            size="sm"
            onClick={() => form.setValue('timeZone', browserZone, { shouldDirty: true })}
          >
            {t('useBrowserZone', { zone: browserZone })}
          </Button>
        </div>
      )}
      <div className="sm:col-span-3">
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t('saveProfile')}
        </Button>
      </div>
    </form>
  );
}
