'use client';

import { useTranslations } from 'next-intl';
import { useFormContext } from 'react-hook-form';
import { Checkbox } from '@/components/ui/checkbox';
import { Fieldset, FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { LIMITS, type NeedInput } from '@/lib/listings/validation';
import { VisibilityFields } from './common-fields';
import { TrlOptions } from './listing-form-shell';
import { TerritoryPicker } from './territory-picker';
import { organisationKinds } from '@/db/vocabulary/accounts';
import { needVisibilities } from '@/db/vocabulary/listings';

/** A need's own fieldsets in the listing form: TRL wanted, budget, partners, terms it accepts, visibility. */
export function NeedFields({ errorOf }: { errorOf(name: string): string | undefined }) {
  const t = useTranslations('listings');
  const tr = useTranslations();
  const { register, watch } = useFormContext<NeedInput>();
  const acceptTerritories = watch('acceptTerritories');
  const visibility = watch('visibility');
  return (
    <>
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
          selected={acceptTerritories ?? []}
          error={errorOf('acceptTerritories')}
        />
        <Checkbox label={t('acceptTerms.exclusive')} {...register('wantsExclusive')} />
        <Checkbox label={t('acceptTerms.sublicensing')} {...register('needsSublicensing')} />
      </Fieldset>
      <VisibilityFields
        kind="need"
        visibilities={needVisibilities}
        errorOf={errorOf}
        disclosure={visibility === 'anonymous' ? ['details'] : ['organisationName', 'details']}
      >
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
      </VisibilityFields>
    </>
  );
}
