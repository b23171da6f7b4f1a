'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Fieldset, FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import type { ListingFormValues } from '@/lib/listings/validation';
import { AutosaveStatus } from './autosave-status';
import { CommonFields } from './common-fields';
import type { ZodType } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { useAutosave } from './use-autosave';

export type ListingFormStatus = 'new' | 'draft' | 'pending_review' | 'open';

// What the need and seed forms share: notices, the basics (owner organisation + common fields),
// the save-draft / submit buttons and the completeness aside. Inside the form's <FormProvider>.
type Props = {
  status: ListingFormStatus;
  reviewComment?: string | null;
  organisations?: { id: string; name: string }[];
  formError?: string;
  errorOf(name: string): string | undefined;
  /** the kind's schema and save action: drafts (new or draft) are autosaved with them */
  schema: ZodType;
  save: (input: unknown) => Promise<ActionResult<{ id: string; version: number; status: string }>>;
  onSubmit: () => Promise<void>;
  /** the kind-specific fieldsets, after the basics */
  children: ReactNode;
  aside: ReactNode;
};

export function ListingFormShell(props: Props) {
  const { status, reviewComment, organisations, formError, errorOf } = props;
  const form = useFormContext<ListingFormValues>();
  const { register, setValue } = form;
  const values = form.watch();
  const isSubmitting = form.formState.isSubmitting;
  const t = useTranslations('listings');
  const tr = useTranslations();
  const canKeepDraft = status === 'new' || status === 'draft';
  const autosave = useAutosave(props.schema, props.save, { enabled: canKeepDraft });
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <form
        noValidate
        className="flex flex-col gap-6"
        onSubmit={async (e) => {
          e.preventDefault();
          await autosave.wait();
          await props.onSubmit();
        }}
      >
        {formError && <Alert tone="danger">{formError}</Alert>}
        {reviewComment && (
          <Alert tone="warning" title={t('form.reviewComment')}>
            <p className="whitespace-pre-wrap">{reviewComment}</p>
          </Alert>
        )}
        {status === 'open' && <Alert tone="info">{t('form.editNotice')}</Alert>}
        <Fieldset legend={t('form.sections.basics')} className="gap-4">
          {organisations && (
            <FormField
              label={t('fields.organisation')}
              hint={t('fields.organisationHint')}
              error={errorOf('organisationId')}
              required
              requiredLabel={t('form.required')}
            >
              <Select {...register('organisationId')}>
                <option value="">{tr('common.choose')}</option>
                {organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </Select>
            </FormField>
          )}
          <CommonFields errorOf={errorOf} watchLength={(n) => (values[n] ?? '').length} />
        </Fieldset>
        {props.children}
        <AutosaveStatus status={autosave.status} />
        <div className="flex flex-wrap gap-3">
          {canKeepDraft && (
            <Button
              type="submit"
              variant="secondary"
              onClick={() => setValue('intent', 'draft')}
              loading={isSubmitting && values.intent === 'draft'}
            >
              {t('form.saveDraft')}
            </Button>
          )}
          <Button
            type="submit"
            onClick={() => setValue('intent', 'submit')}
            loading={isSubmitting && values.intent === 'submit'}
          >
            {canKeepDraft ? t('form.submit') : t('form.saveAndSubmit')}
          </Button>
        </div>
      </form>
      <aside className="lg:sticky lg:top-4 lg:self-start">{props.aside}</aside>
    </div>
  );
}

/** TRL 1–9 choice with an empty "choose" option (register() of the field). */
export function TrlOptions() {
  const tr = useTranslations();
  return (
    <>
      <option value="">{tr('common.choose')}</option>
      {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </>
  );
}
