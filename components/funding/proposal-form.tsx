'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useFieldArray } from 'react-hook-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Fieldset, FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import { fundingPurposes, repaymentMethods } from '@/db/vocabulary/funding';
import { saveProposalAction } from '@/lib/funding/actions';
import { FUNDING_LIMITS, type ProposalFormValues, saveProposalSchema } from '@/lib/funding/validation';
import { PatentsFields, type IpStatusLabels, type OfferableRecord } from './patents-fields';
import { SharePanel, type SharePanelProps } from './share-panel';
import { useDraftAutosave } from './use-draft-autosave';

type Props = {
  defaultValues: ProposalFormValues;
  offerable: OfferableRecord[];
  ipStatusLabels: IpStatusLabels;
  share: Omit<SharePanelProps, 'flush' | 'validate' | 'setFieldError'>;
};

/** The SME's draft: autosaved as it is typed, saved on demand, then shared with lenders below. */
export function ProposalForm({ defaultValues, offerable, ipStatusLabels, share }: Props) {
  const t = useTranslations('funding');
  const tc = useTranslations('common');
  const format = useFormatter();
  const router = useRouter();
  const { toast } = useToast();
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: saveProposalSchema,
    action: saveProposalAction,
    defaultValues,
    onSuccess: (saved) => {
      form.setValue('version', saved.version);
      autosave.markSaved();
      toast(t('form.saved'), { tone: 'success' });
      router.refresh();
    },
  });
  const autosave = useDraftAutosave(form, saveProposalSchema, saveProposalAction);
  const { register, control } = form;
  const years = useFieldArray({ control, name: 'projectedRevenue' });
  const nextYear = () => {
    const last = form.getValues('projectedRevenue')?.at(-1)?.year;
    return String(last ? Number(last) + 1 : new Date().getFullYear() + 1);
  };
  const required = { required: true, requiredLabel: tc('required') };

  return (
    <div className="flex flex-col gap-8">
      <form
        noValidate
        aria-label={t('detail.overview')}
        className="flex flex-col gap-6"
        onSubmit={async (e) => {
          e.preventDefault();
          await autosave.flush();
          await onSubmit();
        }}
      >
        {formError && <Alert tone="danger">{formError}</Alert>}
        <FormField label={t('fields.title')} error={errorOf('title')} {...required}>
          <TextField maxLength={FUNDING_LIMITS.title} {...register('title')} />
        </FormField>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label={t('fields.purpose')} error={errorOf('purpose')}>
            <Select {...register('purpose')}>
              <option value="">{tc('choose')}</option>
              {fundingPurposes.map((p) => (
                <option key={p} value={p}>
                  {t(`purposes.${p}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t('fields.amountJpy')} hint={t('fields.amountHint')} error={errorOf('amountJpy')}>
            <TextField inputMode="numeric" {...register('amountJpy')} />
          </FormField>
        </div>
        <FormField label={t('fields.purposeDetails')} error={errorOf('purposeDetails')}>
          <Textarea rows={3} maxLength={FUNDING_LIMITS.purposeDetails} {...register('purposeDetails')} />
        </FormField>
        <div className="grid gap-4 sm:grid-cols-3">
          <FormField label={t('fields.termMonths')} error={errorOf('termMonths')}>
            <TextField inputMode="numeric" {...register('termMonths')} />
          </FormField>
          <FormField label={t('fields.repaymentMethod')} error={errorOf('repaymentMethod')}>
            <Select {...register('repaymentMethod')}>
              <option value="">{tc('choose')}</option>
              {repaymentMethods.map((m) => (
                <option key={m} value={m}>
                  {t(`repaymentMethods.${m}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t('fields.gracePeriodMonths')} error={errorOf('gracePeriodMonths')}>
            <TextField inputMode="numeric" {...register('gracePeriodMonths')} />
          </FormField>
        </div>
        <FormField label={t('fields.repaymentPlan')} error={errorOf('repaymentPlan')}>
          <Textarea rows={4} maxLength={FUNDING_LIMITS.repaymentPlan} {...register('repaymentPlan')} />
        </FormField>
        <FormField label={t('fields.businessPlan')} error={errorOf('businessPlan')}>
          <Textarea rows={6} maxLength={FUNDING_LIMITS.businessPlan} {...register('businessPlan')} />
        </FormField>

        <Fieldset legend={t('fields.projectedRevenue')} error={errorOf('projectedRevenue')} className="gap-3">
          {years.fields.map((field, i) => (
            <div key={field.id} className="grid items-end gap-3 sm:grid-cols-[8rem_1fr_1fr_auto]">
              <FormField label={t('fields.year')} error={errorOf(`projectedRevenue.${i}.year`)}>
                <TextField inputMode="numeric" {...register(`projectedRevenue.${i}.year`)} />
              </FormField>
              <FormField label={t('fields.revenueJpy')} error={errorOf(`projectedRevenue.${i}.revenueJpy`)}>
                <TextField inputMode="numeric" {...register(`projectedRevenue.${i}.revenueJpy`)} />
              </FormField>
              <FormField label={t('fields.profitJpy')} error={errorOf(`projectedRevenue.${i}.profitJpy`)}>
                <TextField inputMode="numeric" {...register(`projectedRevenue.${i}.profitJpy`)} />
              </FormField>
              <Button variant="ghost" size="sm" onClick={() => years.remove(i)}>
                {t('fields.removeYear', { year: String(form.getValues(`projectedRevenue.${i}.year`) ?? '') || i + 1 })}
              </Button>
            </div>
          ))}
          {years.fields.length < FUNDING_LIMITS.projectedYears && (
            <div>
              <Button
                variant="secondary"
                size="sm"
                onClick={() => years.append({ year: nextYear(), revenueJpy: '', profitJpy: '' } as never)}
              >
                {t('fields.addYear')}
              </Button>
            </div>
          )}
        </Fieldset>

        <PatentsFields form={form} errorOf={errorOf} offerable={offerable} ipStatusLabels={ipStatusLabels} />

        <p role="status" className="min-h-5 text-sm text-slate-700">
          {autosave.status.state === 'saving' && t('form.autosaving')}
          {autosave.status.state === 'saved' &&
            autosave.status.at &&
            t('form.autosaved', { time: format.dateTime(autosave.status.at, 'time') })}
          {autosave.status.state === 'failed' && <span className="text-red-700">{t('form.autosaveFailed')}</span>}
        </p>
        <div>
          <Button type="submit" variant="secondary" loading={form.formState.isSubmitting}>
            {t('form.save')}
          </Button>
        </div>
      </form>
      <SharePanel
        {...share}
        flush={autosave.flush}
        validate={() => form.trigger()}
        setFieldError={(field, message) => form.setError(field as never, { type: 'server', message })}
      />
    </div>
  );
}
