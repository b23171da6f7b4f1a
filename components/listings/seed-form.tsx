'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { saveSeedAction } from '@/app/(app)/seeds/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Fieldset, FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import { licensingTerms, seedVisibilities } from '@/db/schema/listings';
import { LIMITS, seedSchema, type SeedFormValues, type SeedInput } from '@/lib/listings/validation';
import { AutosaveStatus } from './autosave-status';
import { CommonFields, DisclosureFields } from './common-fields';
import { CompletenessMeter } from './completeness-meter';
import { IpRecordsFields } from './ip-records-fields';
import { useAutosave } from './use-autosave';

type Props = {
  defaultValues: SeedFormValues;
  status: 'new' | 'draft' | 'pending_review' | 'open';
  reviewComment?: string | null;
  organisations?: { id: string; name: string }[];
};

const trlOptions = [1, 2, 3, 4, 5, 6, 7, 8, 9];

export function SeedForm({ defaultValues, status, reviewComment, organisations }: Props) {
  const t = useTranslations('listings');
  const tr = useTranslations();
  const router = useRouter();
  const { toast } = useToast();
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: seedSchema,
    action: saveSeedAction,
    defaultValues: defaultValues as SeedInput,
    onSuccess: (saved) => {
      toast(saved.status === 'draft' ? t('form.saved') : t('form.submitted'), { tone: 'success' });
      router.push('/seeds/mine');
      router.refresh();
    },
  });
  const { register, control, watch, setValue } = form;
  const autosave = useAutosave(form, seedSchema, saveSeedAction, { enabled: status === 'new' || status === 'draft' });
  const values = watch();
  const canKeepDraft = status === 'new' || status === 'draft';

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <form
        noValidate
        className="flex flex-col gap-6"
        onSubmit={async (e) => {
          e.preventDefault();
          await autosave.wait();
          await onSubmit();
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
            <FormField label={t('fields.organisation')} hint={t('fields.organisationHint')} error={errorOf('organisationId')} required requiredLabel={t('form.required')}>
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
          <CommonFields register={register} control={control as never} errorOf={errorOf} watchLength={(n) => (values[n] ?? '').length} />
        </Fieldset>
        <Fieldset legend={t('form.sections.specifics')} className="gap-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label={t('fields.trl')} hint={t('fields.trlHint')} error={errorOf('trl')}>
              <Select {...register('trl')}>
                <option value="">{tr('common.choose')}</option>
                {trlOptions.map((n) => (
                  <option key={n} value={n}>{n}</option>
                ))}
              </Select>
            </FormField>
            <FormField label={t('fields.leadResearcher')} error={errorOf('leadResearcher')}>
              <TextField maxLength={LIMITS.leadResearcher} {...register('leadResearcher')} />
            </FormField>
          </div>
          <FormField label={t('fields.advantages')} hint={t('fields.advantagesHint')} error={errorOf('advantages')}>
            <Textarea rows={4} maxLength={LIMITS.advantages} {...register('advantages')} />
          </FormField>
          <Fieldset legend={t('fields.licensing')} error={errorOf('licensing')}>
            <div className="grid gap-x-4 sm:grid-cols-2">
              {licensingTerms.map((k) => (
                <Checkbox key={k} label={t(`licensing.${k}`)} value={k} {...register('licensing')} />
              ))}
            </div>
          </Fieldset>
        </Fieldset>
        <Fieldset legend={t('form.sections.ip')} className="gap-4">
          <IpRecordsFields control={control as never} register={register} errorOf={errorOf} />
        </Fieldset>
        <Fieldset legend={t('form.sections.visibility')} className="gap-4">
          <FormField label={t('fields.visibility')} error={errorOf('visibility')}>
            <Select {...register('visibility')}>
              {seedVisibilities.map((v) => (
                <option key={v} value={v}>
                  {t(`visibility.seed.${v}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <p className="text-sm text-slate-700">{t('fields.disclosureHint')}</p>
          <DisclosureFields register={register} fields={['organisationName', 'details', 'patentNumbers']} />
        </Fieldset>
        <AutosaveStatus status={autosave.status} />
        <div className="flex flex-wrap gap-3">
          {canKeepDraft && (
            <Button type="submit" variant="secondary" onClick={() => setValue('intent', 'draft')} loading={form.formState.isSubmitting && values.intent === 'draft'}>
              {t('form.saveDraft')}
            </Button>
          )}
          <Button type="submit" onClick={() => setValue('intent', 'submit')} loading={form.formState.isSubmitting && values.intent === 'submit'}>
            {canKeepDraft ? t('form.submit') : t('form.saveAndSubmit')}
          </Button>
        </div>
      </form>
      <aside className="lg:sticky lg:top-4 lg:self-start">
        <CompletenessMeter
          input={{
            kind: 'seed',
            ...values,
            trl: values.trl ? Number(values.trl) : null,
          }}
        />
      </aside>
    </div>
  );
}
