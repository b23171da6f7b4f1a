'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { FormProvider } from 'react-hook-form';
import { saveNeedAction } from '@/lib/listings/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { Checkbox } from '@/components/ui/checkbox';
import { Fieldset, FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast';
import { LIMITS, needSchema, type NeedFormValues, type NeedInput } from '@/lib/listings/validation';
import { DisclosureFields } from './common-fields';
import { CompletenessMeter } from './completeness-meter';
import { ListingFormShell, TrlOptions, type ListingFormStatus } from './listing-form-shell';
import { TerritoryPicker } from './territory-picker';
import { useAutosave } from './use-autosave';
import { organisationKinds } from '@/db/vocabulary/accounts';
import { needVisibilities } from '@/db/vocabulary/listings';

type Props = {
  defaultValues: NeedFormValues;
  status: ListingFormStatus;
  reviewComment?: string | null;
  organisations?: { id: string; name: string }[];
};

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
  const { register, watch } = form;
  const autosave = useAutosave(form, needSchema, saveNeedAction, { enabled: status === 'new' || status === 'draft' });
  const values = watch();
  const visibility = watch('visibility');

  return (
    <FormProvider {...form}>
      <ListingFormShell
        status={status}
        reviewComment={reviewComment}
        organisations={organisations}
        formError={formError}
        errorOf={errorOf}
        autosave={autosave}
        onSubmit={onSubmit}
        aside={
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
        }
      >
        <Fieldset legend={t('form.sections.specifics')} className="gap-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label={t('fields.trlMin')} hint={t('fields.trlHint')} error={errorOf('trlMin')}>
              <Select {...register('trlMin')}>
                <TrlOptions />
              </Select>
            </FormField>
            <FormField label={t('fields.trlMax')} error={errorOf('trlMax')}>
              <Select {...register('trlMax')}>
                <TrlOptions />
              </Select>
            </FormField>
            <FormField label={t('fields.budgetMin')} error={errorOf('budgetMinJpy')}>
              <TextField
                type="number"
                inputMode="numeric"
                min={0}
                max={LIMITS.budgetMaxJpy}
                step={10000}
                {...register('budgetMinJpy')}
              />
            </FormField>
            <FormField label={t('fields.budgetMax')} error={errorOf('budgetMaxJpy')}>
              <TextField
                type="number"
                inputMode="numeric"
                min={0}
                max={LIMITS.budgetMaxJpy}
                step={10000}
                {...register('budgetMaxJpy')}
              />
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
        <Fieldset legend={t('acceptTerms.title')} hint={t('acceptTerms.hint')} className="gap-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label={t('acceptTerms.royaltyMax')} error={errorOf('acceptRoyaltyMaxPct')}>
              <TextField
                type="number"
                inputMode="decimal"
                min={0}
                max={100}
                step="0.1"
                {...register('acceptRoyaltyMaxPct')}
              />
            </FormField>
            <FormField label={t('acceptTerms.upfrontMax')} error={errorOf('acceptUpfrontMaxJpy')}>
              <TextField
                type="number"
                inputMode="numeric"
                min={0}
                max={LIMITS.budgetMaxJpy}
                step={1}
                {...register('acceptUpfrontMaxJpy')}
              />
            </FormField>
          </div>
          <TerritoryPicker
            legend={t('acceptTerms.territories')}
            registration={register('acceptTerritories')}
            selected={values.acceptTerritories ?? []}
            error={errorOf('acceptTerritories')}
          />
          <Checkbox label={t('acceptTerms.exclusive')} {...register('wantsExclusive')} />
          <Checkbox label={t('acceptTerms.sublicensing')} {...register('needsSublicensing')} />
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
            <FormField
              label={t('fields.anonymousLabel')}
              hint={t('fields.anonymousLabelHint')}
              error={errorOf('anonymousLabel')}
              required
              requiredLabel={t('form.required')}
            >
              <TextField maxLength={LIMITS.anonymousLabel} {...register('anonymousLabel')} />
            </FormField>
          )}
          <p className="text-sm text-slate-700">{t('fields.disclosureHint')}</p>
          <DisclosureFields fields={visibility === 'anonymous' ? ['details'] : ['organisationName', 'details']} />
        </Fieldset>
      </ListingFormShell>
    </FormProvider>
  );
}
