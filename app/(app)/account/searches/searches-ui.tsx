'use client';

import { useTranslations } from 'next-intl';
import { useRunAction } from '@/components/forms/use-run-action';
import { Select } from '@/components/ui/select';
import { updateSavedSearchAction } from '@/lib/saved-searches/actions';
import { digestFrequencies } from '@/db/vocabulary/integrations';

type Frequency = (typeof digestFrequencies)[number];

export function FrequencySelect({ id, name, value }: { id: string; name: string; value: Frequency }) {
  const t = useTranslations('searches');
  const { run, pending } = useRunAction();
  return (
    <Select
      aria-label={`${t('frequency')}: ${name}`}
      defaultValue={value}
      disabled={pending}
      onChange={(e) => {
        const frequency = e.target.value as Frequency;
        run(() => updateSavedSearchAction({ id, frequency }), { success: t('updated') });
      }}
    >
      {digestFrequencies.map((f) => (
        <option key={f} value={f}>
          {t(`frequencies.${f}`)}
        </option>
      ))}
    </Select>
  );
}
