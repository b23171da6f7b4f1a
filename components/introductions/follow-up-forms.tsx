'use client';

import { useTimeZone, useTranslations } from 'next-intl';
import { useState } from 'react';
import { pickMeetingSlotAction, proposeMeetingAction } from '@/lib/introductions/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { TextField } from '@/components/ui/text-field';
import { useRun } from './use-run';
import { instantAt } from '@/lib/i18n/time-zone';
import { DEFAULT_TIME_ZONE } from '@/db/vocabulary/accounts';

export function ProposeMeeting({ matchId }: { matchId: string }) {
  const t = useTranslations('introductions');
  const timeZone = useTimeZone() ?? DEFAULT_TIME_ZONE;
  const [slots, setSlots] = useState(['', '', '']);
  const [location, setLocation] = useState('');
  const { run, pending, error } = useRun();
  return (
    <div className="flex flex-col gap-2">
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="grid gap-2 sm:grid-cols-3">
        {slots.map((s, i) => (
          <FormField
            // biome-ignore lint/suspicious/noArrayIndexKey: a list rendered afresh, never reordered; the position is its identity
            key={i}
            label={t('slot', { n: i + 1 })}
          >
            <TextField
              type="datetime-local"
              value={s}
              onChange={(e) => setSlots(slots.map((x, j) => (j === i ? e.target.value : x)))}
            />
          </FormField>
        ))}
      </div>
      <p className="text-sm text-slate-700">{t('slotsInZone', { zone: timeZone })}</p>
      <FormField label={t('location')}>
        <TextField maxLength={300} value={location} onChange={(e) => setLocation(e.target.value)} />
      </FormField>
      <div>
        <Button
          size="sm"
          loading={pending}
          onClick={() =>
            run(
              proposeMeetingAction,
              { matchId, slots: slots.filter(Boolean).map((s) => instantAt(s, timeZone).toISOString()), location },
              { success: t('done') },
            )
          }
        >
          {t('proposeMeeting')}
        </Button>
      </div>
    </div>
  );
}

export function PickSlot({
  matchId,
  proposalId,
  slots,
}: {
  matchId: string;
  proposalId: string;
  slots: { iso: string; label: string }[];
}) {
  const t = useTranslations('introductions');
  const { run, pending, error } = useRun();
  return (
    <div className="flex flex-col gap-2">
      {error && <Alert tone="danger">{error}</Alert>}
      <ul className="flex flex-wrap gap-2">
        {slots.map((s) => (
          <li key={s.iso}>
            <Button
              size="sm"
              variant="secondary"
              loading={pending}
              onClick={() => run(pickMeetingSlotAction, { matchId, proposalId, slot: s.iso }, { success: t('done') })}
            >
              {t('pick')}: {s.label}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
