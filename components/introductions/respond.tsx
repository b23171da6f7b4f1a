'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import {
  acceptIntroductionAction,
  declineIntroductionAction,
  withdrawInterestAction,
} from '@/lib/introductions/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { useRun } from './use-run';
import { declineReasons } from '@/db/vocabulary/introductions';

/** A party's answer to an introduction request: accept, or decline with a structured reason. */
export function Respond({
  matchId,
  canAnswer,
  canWithdraw,
}: {
  matchId: string;
  canAnswer: boolean;
  canWithdraw: boolean;
}) {
  const t = useTranslations('introductions');
  const [reason, setReason] = useState<(typeof declineReasons)[number]>('too_early');
  const [text, setText] = useState('');
  const { run, pending, error } = useRun();
  return (
    <div className="flex flex-col gap-3">
      {error && <Alert tone="danger">{error}</Alert>}
      {canAnswer && (
        <>
          <div>
            <Button
              loading={pending}
              onClick={() => run(acceptIntroductionAction, { matchId }, { success: t('responses.accepted') })}
            >
              {t('accept')}
            </Button>
          </div>
          <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium">{t('decline')}</legend>
            <FormField label={t('declineReason')}>
              <Select value={reason} onChange={(e) => setReason(e.target.value as typeof reason)}>
                {declineReasons.map((r) => (
                  <option key={r} value={r}>
                    {t(`declineReasons.${r}`)}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label={t('declineText')}>
              <Textarea rows={2} maxLength={1000} value={text} onChange={(e) => setText(e.target.value)} />
            </FormField>
            <div>
              <Button
                variant="secondary"
                loading={pending}
                onClick={() =>
                  run(declineIntroductionAction, { matchId, reason, text }, { success: t('responses.declined') })
                }
              >
                {t('decline')}
              </Button>
            </div>
          </fieldset>
        </>
      )}
      {canWithdraw && (
        <div>
          <Button variant="ghost" loading={pending} onClick={() => run(withdrawInterestAction, { matchId })}>
            {t('withdraw')}
          </Button>
        </div>
      )}
    </div>
  );
}
