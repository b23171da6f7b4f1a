'use client';

import { useTranslations } from 'next-intl';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Fieldset, FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { LIMITS, type SeedInput } from '@/lib/listings/validation';
import { ipStatuses } from '@/db/vocabulary/listings';

/** The IP records sub-form of a seed: add/remove rows, each a labelled group. */
export function IpRecordsFields({ errorOf }: { errorOf(name: string): string | undefined }) {
  const t = useTranslations('listings');
  const { control, register } = useFormContext<Pick<SeedInput, 'ipRecords'>>();
  const { fields, append, remove } = useFieldArray({ control, name: 'ipRecords' });
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">{t('fields.ipRecordsHint')}</p>
      {fields.length === 0 && <p className="text-sm text-slate-700">{t('fields.noIp')}</p>}
      {fields.map((field, i) => (
        <Fieldset
          key={field.id}
          legend={t('fields.ipRecord', { n: i + 1 })}
          className="gap-3 rounded-md border border-slate-200 p-3"
        >
          <div className="grid gap-3 sm:grid-cols-3">
            <FormField label={t('fields.ipStatus')} error={errorOf(`ipRecords.${i}.status`)}>
              <Select {...register(`ipRecords.${i}.status`)}>
                {ipStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`ipStatus.${s}`)}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label={t('fields.ipNumber')} error={errorOf(`ipRecords.${i}.number`)}>
              <TextField maxLength={LIMITS.ipNumber} {...register(`ipRecords.${i}.number`)} />
            </FormField>
            <FormField label={t('fields.jurisdiction')} error={errorOf(`ipRecords.${i}.jurisdiction`)}>
              <TextField maxLength={LIMITS.jurisdiction} {...register(`ipRecords.${i}.jurisdiction`)} />
            </FormField>
          </div>
          <FormField label={t('fields.ipTitle')} error={errorOf(`ipRecords.${i}.title`)}>
            <TextField maxLength={LIMITS.ipTitle} {...register(`ipRecords.${i}.title`)} />
          </FormField>
          <div className="grid gap-3 sm:grid-cols-3">
            <FormField label={t('fields.filedOn')} error={errorOf(`ipRecords.${i}.filedOn`)}>
              <TextField type="date" {...register(`ipRecords.${i}.filedOn`)} />
            </FormField>
            <FormField label={t('fields.grantedOn')} error={errorOf(`ipRecords.${i}.grantedOn`)}>
              <TextField type="date" {...register(`ipRecords.${i}.grantedOn`)} />
            </FormField>
            <div className="flex items-end">
              <Button variant="ghost" size="sm" onClick={() => remove(i)}>
                {t('fields.removeIp', { n: i + 1 })}
              </Button>
            </div>
          </div>
        </Fieldset>
      ))}
      {fields.length < LIMITS.ipRecords && (
        <div>
          <Button
            variant="secondary"
            size="sm"
            onClick={() =>
              append({ status: 'filed', number: '', jurisdiction: 'JP', title: '', filedOn: '', grantedOn: '' })
            }
          >
            {t('fields.addIp')}
          </Button>
        </div>
      )}
    </div>
  );
}
