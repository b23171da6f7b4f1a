'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useState } from 'react';
import { PrefectureOptions } from '@/components/forms/prefecture-options';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { signUpSchema } from '@/lib/accounts/validation';
import { signUpAction } from '@/lib/accounts/actions';
import { employeeBands, organisationKinds } from '@/db/vocabulary/accounts';

type Props = {
  locale: 'ja' | 'en';
  organisations: { id: string; name: string; kind: string }[];
};

export function SignUpForm({ locale, organisations }: Props) {
  const t = useTranslations();
  // Without JavaScript (or before it loads) the browser POSTs the form to the action; with it, onSubmit does.
  const [posted, formAction] = useActionState(signUpAction, null);
  const { form, onSubmit, formError, errorOf } = useActionForm<typeof signUpSchema, void>({
    schema: signUpSchema,
    action: signUpAction,
    posted,
    shouldUnregister: true,
    defaultValues: {
      email: '',
      name: '',
      password: '',
      locale,
      organisationMode: organisations.length ? 'existing' : 'new',
    },
  });
  const mode = form.watch('organisationMode');
  // Without JavaScript both organisation sections are in the page (the radio the browser posts says
  // which one counts; empty fields are not sent); once it runs, only the chosen one is shown.
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  const required = t('common.required');

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      {formError && <Alert tone="danger">{formError}</Alert>}
      <input type="hidden" defaultValue={locale} {...form.register('locale')} />
      <FormField label={t('auth.email')} error={errorOf('email')} required requiredLabel={required}>
        <TextField type="email" autoComplete="email" maxLength={254} {...form.register('email')} />
      </FormField>
      <FormField label={t('auth.name')} error={errorOf('name')} required requiredLabel={required}>
        <TextField autoComplete="name" maxLength={100} {...form.register('name')} />
      </FormField>
      <FormField
        label={t('auth.password')}
        hint={t('auth.passwordHint')}
        error={errorOf('password')}
        required
        requiredLabel={required}
      >
        <TextField type="password" autoComplete="new-password" maxLength={128} {...form.register('password')} />
      </FormField>

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-medium text-slate-900">{t('auth.organisation')}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            value="existing"
            className="size-4 accent-teal-700"
            disabled={!organisations.length}
            defaultChecked={organisations.length > 0}
            {...form.register('organisationMode')}
          />
          {t('auth.joinExisting')}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            value="new"
            className="size-4 accent-teal-700"
            defaultChecked={!organisations.length}
            {...form.register('organisationMode')}
          />
          {t('auth.createNew')}
        </label>
      </fieldset>

      {(!scripted || mode === 'existing') && (
        <FormField
          label={t('auth.existingOrganisation')}
          hint={t('auth.joinHint')}
          error={errorOf('existingOrganisationId')}
        >
          <Select {...form.register('existingOrganisationId')} defaultValue="">
            <option value="">{t('common.choose')}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({t(`orgKinds.${o.kind}`)})
              </option>
            ))}
          </Select>
        </FormField>
      )}
      {(!scripted || mode === 'new') && (
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label={t('org.kind')} error={errorOf('organisation.kind')} required requiredLabel={required}>
            <Select {...form.register('organisation.kind')} defaultValue="">
              <option value="">{t('common.choose')}</option>
              {organisationKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`orgKinds.${k}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField
            label={t('org.prefecture')}
            error={errorOf('organisation.prefecture')}
            required
            requiredLabel={required}
          >
            <Select {...form.register('organisation.prefecture')}>
              <option value="">{t('common.choose')}</option>
              <PrefectureOptions />
            </Select>
          </FormField>
          <FormField label={t('org.nameJa')} error={errorOf('organisation.nameJa')} required requiredLabel={required}>
            <TextField lang="ja" maxLength={200} {...form.register('organisation.nameJa')} />
          </FormField>
          <FormField label={t('org.nameEn')} error={errorOf('organisation.nameEn')} required requiredLabel={required}>
            <TextField lang="en" maxLength={200} {...form.register('organisation.nameEn')} />
          </FormField>
          <FormField label={t('org.website')} error={errorOf('organisation.website')}>
            <TextField type="url" maxLength={300} {...form.register('organisation.website')} />
          </FormField>
          <FormField label={t('org.employeeBand')} error={errorOf('organisation.employeeBand')}>
            <Select
              {...form.register('organisation.employeeBand', { setValueAs: (v) => v || undefined })}
              defaultValue=""
            >
              <option value="">{t('common.choose')}</option>
              {employeeBands.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </Select>
          </FormField>
        </div>
      )}
      <Button type="submit" loading={form.formState.isSubmitting}>
        {t('auth.signUpButton')}
      </Button>
    </form>
  );
}
