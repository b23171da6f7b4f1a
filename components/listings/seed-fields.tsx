'use client';

import { useTranslations } from 'next-intl';
import { useFormContext } from 'react-hook-form';
import { Checkbox } from '@/components/ui/checkbox';
import { Fieldset, FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { Textarea } from '@/components/ui/textarea';
import { LIMITS, type SeedInput } from '@/lib/listings/validation';
import { VisibilityFields } from './common-fields';
import { IpRecordsFields } from './ip-records-fields';
import { TrlOptions } from './listing-form-shell';
import { TerritoryPicker } from './territory-picker';
import { triStates } from '@/lib/listings/licence-terms';
import { licensingTerms, seedVisibilities } from '@/db/vocabulary/listings';

/** A seed's own fieldsets in the listing form: TRL, researcher, licensing and its terms, IP records, visibility. */
export function SeedFields({ errorOf }: { errorOf(name: string): string | undefined }) {
  const t = useTranslations('listings');
  const { register, watch } = useFormContext<SeedInput>();
  const licenceTerritories = watch('licenceTerritories');
  return (
    <>
      <Fieldset legend={t('form.sections.specifics')} className="gap-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label={t('fields.trl')} hint={t('fields.trlHint')} error={errorOf('trl')}>
            <Select {...register('trl')}>
              <TrlOptions />
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
      <Fieldset legend={t('terms.title')} hint={t('terms.hint')} className="gap-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label={t('terms.royaltyMin')} error={errorOf('royaltyMinPct')}>
            <TextField type="number" inputMode="decimal" min={0} max={100} step="0.1" {...register('royaltyMinPct')} />
          </FormField>
          <FormField label={t('terms.royaltyMax')} error={errorOf('royaltyMaxPct')}>
            <TextField type="number" inputMode="decimal" min={0} max={100} step="0.1" {...register('royaltyMaxPct')} />
          </FormField>
          <FormField label={t('terms.upfrontMin')} error={errorOf('upfrontFeeMinJpy')}>
            <TextField type="number" inputMode="numeric" min={0} step={1} {...register('upfrontFeeMinJpy')} />
          </FormField>
          <FormField label={t('terms.upfrontMax')} error={errorOf('upfrontFeeMaxJpy')}>
            <TextField type="number" inputMode="numeric" min={0} step={1} {...register('upfrontFeeMaxJpy')} />
          </FormField>
          <FormField label={t('terms.milestoneMin')} error={errorOf('milestoneFeeMinJpy')}>
            <TextField type="number" inputMode="numeric" min={0} step={1} {...register('milestoneFeeMinJpy')} />
          </FormField>
          <FormField label={t('terms.milestoneMax')} error={errorOf('milestoneFeeMaxJpy')}>
            <TextField type="number" inputMode="numeric" min={0} step={1} {...register('milestoneFeeMaxJpy')} />
          </FormField>
          <FormField label={t('terms.exclusivityMonths')} error={errorOf('exclusivityMonths')}>
            <TextField type="number" inputMode="numeric" min={0} step={1} {...register('exclusivityMonths')} />
          </FormField>
          <FormField label={t('terms.fieldOfUse')} hint={t('terms.fieldOfUseHint')} error={errorOf('fieldOfUse')}>
            <TextField maxLength={LIMITS.fieldOfUse} {...register('fieldOfUse')} />
          </FormField>
          <FormField label={t('terms.sublicensing')} error={errorOf('sublicensing')}>
            <Select {...register('sublicensing')}>
              {triStates.map((v) => (
                <option key={v} value={v}>
                  {t(`terms.tri.${v || 'unset'}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t('terms.optionAgreement')} error={errorOf('optionAgreement')}>
            <Select {...register('optionAgreement')}>
              {triStates.map((v) => (
                <option key={v} value={v}>
                  {t(`terms.tri.${v || 'unset'}`)}
                </option>
              ))}
            </Select>
          </FormField>
        </div>
        <TerritoryPicker
          legend={t('terms.territories')}
          registration={register('licenceTerritories')}
          selected={licenceTerritories ?? []}
          error={errorOf('licenceTerritories')}
        />
      </Fieldset>
      <Fieldset legend={t('form.sections.ip')} className="gap-4">
        <IpRecordsFields errorOf={errorOf} />
      </Fieldset>
      <VisibilityFields
        kind="seed"
        visibilities={seedVisibilities}
        errorOf={errorOf}
        disclosure={['organisationName', 'details', 'patentNumbers']}
      />
    </>
  );
}
