'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { PrefectureOptions } from '@/components/forms/prefecture-options';
import { Fieldset, FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { Textarea } from '@/components/ui/textarea';
import { LIMITS, type ListingFormValues } from '@/lib/listings/validation';
import { KeywordInput } from './keyword-input';
import { domains } from '@/db/vocabulary/clusters';
import { disclosureLevels, type ListingKind } from '@/db/vocabulary/listings';

// The shared part of the need and seed forms, inside their <FormProvider>.
type Props = {
  errorOf(name: string): string | undefined;
  watchLength: (name: 'title' | 'summary' | 'details') => number;
};

export function CommonFields({ errorOf, watchLength }: Props) {
  const { register, control } = useFormContext<ListingFormValues>();
  const t = useTranslations('listings.fields');
  const tf = useTranslations('listings.form');
  const tr = useTranslations();
  const prefecture = useWatch({ control, name: 'prefecture' });
  const count = (name: 'title' | 'summary' | 'details', max: number) =>
    t('charCount', { count: watchLength(name), max });
  return (
    <>
      <FormField
        label={t('title')}
        hint={count('title', LIMITS.title)}
        error={errorOf('title')}
        required
        requiredLabel={tf('required')}
      >
        <TextField maxLength={LIMITS.title} {...register('title')} />
      </FormField>
      <FormField
        label={t('summary')}
        hint={`${t('summaryHint')} ${count('summary', LIMITS.summary)}`}
        error={errorOf('summary')}
        required
        requiredLabel={tf('required')}
      >
        <Textarea rows={4} maxLength={LIMITS.summary} {...register('summary')} />
      </FormField>
      <FormField
        label={t('details')}
        hint={`${t('detailsHint')} ${count('details', LIMITS.details)}`}
        error={errorOf('details')}
      >
        <Textarea rows={8} maxLength={LIMITS.details} {...register('details')} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField label={t('domain')} error={errorOf('domain')} required requiredLabel={tf('required')}>
          <Select {...register('domain')}>
            {domains.map((d) => (
              <option key={d} value={d}>
                {tr(`domains.${d}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t('language')} error={errorOf('language')}>
          <Select {...register('language')}>
            <option value="ja">日本語</option>
            <option value="en">English</option>
          </Select>
        </FormField>
        <FormField label={t('prefecture')} error={errorOf('prefecture')}>
          <Select {...register('prefecture')}>
            <option value="">{tr('common.choose')}</option>
            <PrefectureOptions current={prefecture} />
          </Select>
        </FormField>
      </div>
      <FormField
        label={t('keywords')}
        hint={t('keywordsHint', { max: LIMITS.keywords, length: LIMITS.keyword })}
        error={errorOf('keywords')}
      >
        {(wiring) => (
          <Controller
            control={control}
            name="keywords"
            render={({ field }) => (
              <KeywordInput
                {...wiring}
                value={field.value ?? []}
                onChange={field.onChange}
                onBlur={field.onBlur}
                max={LIMITS.keywords}
                maxLength={LIMITS.keyword}
              />
            )}
          />
        )}
      </FormField>
    </>
  );
}

type DisclosureField = 'organisationName' | 'details' | 'patentNumbers';

/** The visibility section: who may find the listing, anything the kind adds (children), the disclosure levels. */
export function VisibilityFields(props: {
  kind: ListingKind;
  visibilities: readonly string[];
  disclosure: DisclosureField[];
  errorOf(name: string): string | undefined;
  children?: ReactNode;
}) {
  const { register } = useFormContext<{ visibility: string }>();
  const t = useTranslations('listings');
  return (
    <Fieldset legend={t('form.sections.visibility')} className="gap-4">
      <FormField label={t('fields.visibility')} error={props.errorOf('visibility')}>
        <Select {...register('visibility')}>
          {props.visibilities.map((v) => (
            <option key={v} value={v}>
              {t(`visibility.${props.kind}.${v}`)}
            </option>
          ))}
        </Select>
      </FormField>
      {props.children}
      <p className="text-sm text-slate-700">{t('fields.disclosureHint')}</p>
      <DisclosureFields fields={props.disclosure} />
    </Fieldset>
  );
}

function DisclosureFields({ fields }: { fields: DisclosureField[] }) {
  const { register } = useFormContext<ListingFormValues>();
  const t = useTranslations('listings');
  const label = {
    organisationName: 'disclosureOrganisationName',
    details: 'disclosureDetails',
    patentNumbers: 'disclosurePatentNumbers',
  } as const;
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      {fields.map((f) => (
        <FormField key={f} label={t(`fields.${label[f]}`)}>
          <Select {...register(`disclosure.${f}`)}>
            {disclosureLevels.map((l) => (
              <option key={l} value={l}>
                {t(`levels.${l}`)}
              </option>
            ))}
          </Select>
        </FormField>
      ))}
    </div>
  );
}
