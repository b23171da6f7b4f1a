'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Checkbox } from '@/components/ui/checkbox';
import { Fieldset } from '@/components/ui/form-field';
import { territoryCodes, territoryGroup, territoryName, type TerritoryGroup } from '@/lib/listings/territories';

const groups: TerritoryGroup[] = ['wide', 'regions', 'prefectures', 'countries'];

/**
 * Territories as checkboxes under one name (react-hook-form gives the array of codes): worldwide and Japan,
 * then Japan's regions, its prefectures and countries abroad, the long lists folded.
 */
export function TerritoryPicker({
  legend,
  registration,
  selected,
  error,
  requiredLabel,
}: {
  legend: string;
  registration: UseFormRegisterReturn;
  selected: readonly string[] | false | undefined;
  error?: string;
  requiredLabel?: string;
}) {
  const t = useTranslations('territories');
  const locale = useLocale();
  const name = (code: string) => territoryName(code, locale, (k) => t(k as never));
  // react-hook-form gives false (not []) for a checkbox group nothing was ever checked in
  const chosen: readonly string[] = Array.isArray(selected) ? selected : [];
  return (
    <Fieldset legend={legend} error={error} requiredLabel={requiredLabel}>
      {groups.map((g) => {
        const codes = territoryCodes.filter((c) => territoryGroup(c) === g);
        const boxes = (
          <div className="grid gap-x-4 sm:grid-cols-3">
            {codes.map((c) => (
              <Checkbox key={c} label={name(c)} value={c} {...registration} />
            ))}
          </div>
        );
        if (g === 'wide') return <div key={g}>{boxes}</div>;
        const count = codes.filter((c) => chosen.includes(c)).length;
        return (
          <details key={g} open={count > 0} className="rounded-md border border-slate-200 px-3 py-2">
            <summary className="cursor-pointer text-sm font-medium text-slate-800">
              {t(`groups.${g}`)}
              {count > 0 && ` (${count})`}
            </summary>
            <div className="mt-2">{boxes}</div>
          </details>
        );
      })}
    </Fieldset>
  );
}
