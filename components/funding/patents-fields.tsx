'use client';

import { useTranslations } from 'next-intl';
import { useFieldArray, type Path, type UseFormReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Fieldset, FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { patentRights } from '@/db/vocabulary/funding';
import { ipStatuses, type IpStatus } from '@/db/vocabulary/listings';
import { FUNDING_LIMITS, type ProposalFormValues, type SaveProposalInput } from '@/lib/funding/validation';

/** An IP record of the introduction's seed the SME may offer (label already written by the page). */
export type OfferableRecord = { id: string; label: string };
export type IpStatusLabels = Record<IpStatus, string>;

/** The patents a proposal rests on: the SME's own (typed in) or the introduction's seed's (picked). */
export function PatentsFields({
  form,
  errorOf,
  offerable,
  ipStatusLabels,
}: {
  form: UseFormReturn<ProposalFormValues, unknown, SaveProposalInput>;
  errorOf: (name: Path<ProposalFormValues>) => string | undefined;
  offerable: OfferableRecord[];
  ipStatusLabels: IpStatusLabels;
}) {
  const t = useTranslations('funding');
  const { register, control, watch } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'patents' });
  const patents = watch('patents');
  const rightSelect = (i: number) => (
    <FormField label={t('fields.right')} error={errorOf(`patents.${i}.right`)}>
      <Select {...register(`patents.${i}.right`)}>
        {patentRights.map((r) => (
          <option key={r} value={r}>
            {t(`patentRights.${r}`)}
          </option>
        ))}
      </Select>
    </FormField>
  );
  return (
    <Fieldset legend={t('fields.patents')} hint={t('fields.patentsHint')} error={errorOf('patents')} className="gap-4">
      {fields.map((field, i) => (
        <Fieldset
          key={field.id}
          legend={t('fields.patentN', { n: i + 1 })}
          error={errorOf(`patents.${i}`)}
          className="gap-3 rounded-md border border-slate-200 p-3"
        >
          <input type="hidden" {...register(`patents.${i}.source`)} />
          {patents?.[i]?.source === 'seed' ? (
            <div className="grid gap-3 sm:grid-cols-[1fr_14rem]">
              <FormField label={t('fields.seedPatent')} error={errorOf(`patents.${i}.ipRecordId`)}>
                <Select {...register(`patents.${i}.ipRecordId`)}>
                  {offerable.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.label}
                    </option>
                  ))}
                </Select>
              </FormField>
              {rightSelect(i)}
            </div>
          ) : (
            <>
              <FormField label={t('fields.patentTitle')} error={errorOf(`patents.${i}.title`)}>
                <TextField maxLength={FUNDING_LIMITS.patentTitle} {...register(`patents.${i}.title`)} />
              </FormField>
              <div className="grid gap-3 sm:grid-cols-3">
                <FormField label={t('fields.number')} error={errorOf(`patents.${i}.number`)}>
                  <TextField maxLength={FUNDING_LIMITS.patentNumber} {...register(`patents.${i}.number`)} />
                </FormField>
                <FormField
                  label={t('fields.jurisdiction')}
                  hint={t('fields.jurisdictionHint')}
                  error={errorOf(`patents.${i}.jurisdiction`)}
                >
                  <TextField maxLength={FUNDING_LIMITS.jurisdiction} {...register(`patents.${i}.jurisdiction`)} />
                </FormField>
                <FormField label={t('fields.status')} error={errorOf(`patents.${i}.status`)}>
                  <Select {...register(`patents.${i}.status`)}>
                    {ipStatuses.map((s) => (
                      <option key={s} value={s}>
                        {ipStatusLabels[s]}
                      </option>
                    ))}
                  </Select>
                </FormField>
                <FormField label={t('fields.filedOn')} error={errorOf(`patents.${i}.filedOn`)}>
                  <TextField type="date" {...register(`patents.${i}.filedOn`)} />
                </FormField>
                <FormField label={t('fields.grantedOn')} error={errorOf(`patents.${i}.grantedOn`)}>
                  <TextField type="date" {...register(`patents.${i}.grantedOn`)} />
                </FormField>
                <FormField
                  label={t('fields.expiresOn')}
                  hint={t('fields.expiresOnHint')}
                  error={errorOf(`patents.${i}.expiresOn`)}
                >
                  <TextField type="date" {...register(`patents.${i}.expiresOn`)} />
                </FormField>
              </div>
              {rightSelect(i)}
            </>
          )}
          <div>
            <Button variant="ghost" size="sm" onClick={() => remove(i)}>
              {t('fields.removePatent', { n: i + 1 })}
            </Button>
          </div>
        </Fieldset>
      ))}
      {fields.length < FUNDING_LIMITS.patents && (
        <div className="flex flex-wrap gap-3">
          <Button
            variant="secondary"
            size="sm"
            onClick={() =>
              append({
                source: 'own',
                number: '',
                title: '',
                jurisdiction: 'JP',
                status: 'granted',
                filedOn: '',
                grantedOn: '',
                expiresOn: '',
                right: 'ownership',
              })
            }
          >
            {t('fields.addOwnPatent')}
          </Button>
          {offerable.length > 0 && (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => append({ source: 'seed', ipRecordId: offerable[0].id, right: 'exclusive_licence' })}
            >
              {t('fields.addSeedPatent')}
            </Button>
          )}
        </div>
      )}
    </Fieldset>
  );
}
