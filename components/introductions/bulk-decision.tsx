'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { bulkDecideMatchesAction } from '@/lib/introductions/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { TextField } from '@/components/ui/text-field';
import { useRun } from './use-run';

/**
 * Bulk approve / reject of the queue rows whose checkboxes (name="bulk", value="id:version") are
 * ticked. Sticks to the bottom of the screen while the queue scrolls, so it is always in reach;
 * the last result stays in the bar until the next decision.
 */
export function BulkDecision({ formId }: { formId: string }) {
  const t = useTranslations('introductions');
  const [note, setNote] = useState('');
  const [result, setResult] = useState<{ ok: number; failed: number } | null>(null);
  const { run, pending, error } = useRun();
  const selected = () =>
    [...document.querySelectorAll<HTMLInputElement>(`#${formId} input[name="bulk"]:checked`)].map((el) => {
      const [matchId, version] = el.value.split(':');
      return { matchId, version: Number(version) };
    });
  const go = (decision: 'approve' | 'reject') => {
    setResult(null);
    return run(bulkDecideMatchesAction, { decision, note, items: selected() }, { onOk: (d) => setResult(d) });
  };
  return (
    <fieldset
      aria-label={t('bulkLabel')}
      className="sticky bottom-0 z-10 flex min-w-0 flex-col gap-2 rounded-md border border-slate-300 bg-white p-3 shadow-md"
    >
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="flex flex-wrap items-end gap-2">
        <FormField label={t('noteLabel')} className="min-w-0 flex-1 basis-48">
          <TextField maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </FormField>
        <Button size="sm" loading={pending} onClick={() => go('approve')}>
          {t('bulkApprove')}
        </Button>
        <Button size="sm" variant="secondary" loading={pending} onClick={() => go('reject')}>
          {t('bulkReject')}
        </Button>
      </div>
      <p role="status" className="text-sm text-slate-800">
        {result ? t('bulkDone', result) : ''}
      </p>
    </fieldset>
  );
}
