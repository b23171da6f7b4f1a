'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { saveNeedAction } from '@/app/(app)/needs/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Fieldset, FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast';
import { organisationKinds } from '@/db/schema/accounts';
import { needVisibilities } from '@/db/schema/listings';
import { LIMITS, needSchema, type NeedFormValues, type NeedInput } from '@/lib/listings/validation';
import { AutosaveStatus } from './autosave-status';
import { CommonFields, DisclosureFields } from './common-fields';
import { CompletenessMeter } from './completeness-meter';
import { useAutosave } from './use-autosave';

type Props = {
  defaultValues: NeedFormValues;
  status: 'new' | 'draft' | 'pending_review' | 'open';
  reviewComment?: string | null;
  organisations?: { id: string; name: string }[];
};

const trlOptions = [1, 2, 3, 4, 5, 6, 7, 8, 9];

export function NeedForm({ defaultValues, status, reviewComment, organisations }: Props) {
  const t = useTranslations('listings');
  const tr = useTranslations();
  const router = useRouter();
  const { toast } = useToast();
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: needSchema,
    action: saveNeedAction,
    defaultValues: defaultValues as NeedInput,
    onSuccess: (saved) => {
      toast(saved.status === 'draft' ? t('form.saved') : t('form.submitted'), { tone: 'success' });
      router.push('/needs/mine');
      router.refresh();
    },
  });
  const { register, control, watch, setValue } = form;
  const autosave = useAutosave(form, needSchema, saveNeedAction, { enabled: status === 'new' || status === 'draft' });
  const values = watch();
  const visibility = watch('visibility');
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
            <FormField label={t('fields.trlMin')} hint={t('fields.trlHint')} error={errorOf('trlMin')}>
              <Select {...register('trlMin')}>
                <option value="">{tr('common.choose')}</option>
                {trlOptions.map((n) => (
                  <option key={n} value={n}>{n}</option>
                ))}
              </Select>
            </FormField>
            <FormField label={t('fields.trlMax')} error={errorOf('trlMax')}>
              <Select {...register('trlMax')}>
                <option value="">{tr('common.choose')}</option>
                {trlOptions.map((n) => (
                  <option key={n} value={n}>{n}</option>
                ))}
              </Select>
            </FormField>
            <FormField label={t('fields.budgetMin')} error={errorOf('budgetMinJpy')}>
              <TextField type="number" inputMode="numeric" min={0} max={LIMITS.budgetMaxJpy} step={10000} {...register('budgetMinJpy')} />
            </FormField>
            <FormField label={t('fields.budgetMax')} error={errorOf('budgetMaxJpy')}>
              <TextField type="number" inputMode="numeric" min={0} max={LIMITS.budgetMaxJpy} step={10000} {...register('budgetMaxJpy')} />
            </FormField>
            <FormField label={t('fields.timeline')} hint={t('fields.timelineHint')} error={errorOf('timeline')}>
              <TextField maxLength={LIMITS.timeline} {...register('timeline')} />
            </FormField>
            <FormField label={t('fields.regionPreference')} error={errorOf('regionPreference')}>
              <TextField maxLength={LIMITS.regionPreference} {...register('regionPreference')} />
            </FormField>
          </div>
          <Fieldset legend={t('fields.partnerKinds')} error={errorOf('partnerKinds')}>
            <div className="grid gap-x-4 sm:grid-cols-2">
              {organisationKinds
                .filter((k) => k !== 'sme' && k !== 'support_org')
                .map((k) => (
                  <Checkbox key={k} label={tr(`orgKinds.${k}`)} value={k} {...register('partnerKinds')} />
                ))}
            </div>
          </Fieldset>
        </Fieldset>
        <Fieldset legend={t('form.sections.visibility')} className="gap-4">
          <FormField label={t('fields.visibility')} error={errorOf('visibility')}>
            <Select {...register('visibility')}>
              {needVisibilities.map((v) => (
                <option key={v} value={v}>
                  {t(`visibility.need.${v}`)}
                </option>
              ))}
            </Select>
          </FormField>
          {visibility === 'anonymous' && (
            <FormField label={t('fields.anonymousLabel')} hint={t('fields.anonymousLabelHint')} error={errorOf('anonymousLabel')} required requiredLabel={t('form.required')}>
              <TextField maxLength={LIMITS.anonymousLabel} {...register('anonymousLabel')} />
            </FormField>
          )}
          <p className="text-sm text-slate-700">{t('fields.disclosureHint')}</p>
          <DisclosureFields register={register} fields={visibility === 'anonymous' ? ['details'] : ['organisationName', 'details']} />
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
            kind: 'need',
            ...values,
            trlMin: values.trlMin ? Number(values.trlMin) : null,
            trlMax: values.trlMax ? Number(values.trlMax) : null,
            budgetMinJpy: values.budgetMinJpy ? Number(values.budgetMinJpy) : null,
            budgetMaxJpy: values.budgetMaxJpy ? Number(values.budgetMaxJpy) : null,
          }}
        />
      </aside>
    </div>
  );
}
