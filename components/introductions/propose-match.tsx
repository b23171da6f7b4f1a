'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { proposeMatchAction } from '@/lib/introductions/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { useRun } from './use-run';

type Option = { id: string; title: string };

/** Pair a need and a seed found by the search above it (GET ?needQ=&seedQ=). */
export function ProposeMatch({ needs, seeds }: { needs: Option[]; seeds: Option[] }) {
  const t = useTranslations('introductions');
  const [needId, setNeedId] = useState(needs[0]?.id ?? '');
  const [seedId, setSeedId] = useState(seeds[0]?.id ?? '');
  const [note, setNote] = useState('');
  const { run, pending, error } = useRun();
  return (
    <div className="flex flex-col gap-3">
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label={t('need')}>
          <Select value={needId} onChange={(e) => setNeedId(e.target.value)}>
            {needs.map((n) => (
              <option key={n.id} value={n.id}>
                {n.title}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t('seed')}>
          <Select value={seedId} onChange={(e) => setSeedId(e.target.value)}>
            {seeds.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
      <FormField label={t('noteLabel')}>
        <Textarea rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </FormField>
      <div>
        <Button
          size="sm"
          disabled={!needId || !seedId}
          loading={pending}
          onClick={() => run(proposeMatchAction, { needId, seedId, note }, { success: t('proposed') })}
        >
          {t('propose')}
        </Button>
      </div>
    </div>
  );
}
