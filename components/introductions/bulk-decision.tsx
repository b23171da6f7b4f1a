'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { bulkDecideMatchesAction } from '@/lib/introductions/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import { useRun } from './use-run';

/** Bulk approve / reject of the queue rows whose checkboxes (name="bulk", value="id:version") are ticked. */
export function BulkDecision({ formId }: { formId: string }) {
  const t = useTranslations('introductions');
  const [note, setNote] = useState('');
  const { run, pending, error } = useRun();
  const { toast } = useToast();
  const selected = () =>
    [...document.querySelectorAll<HTMLInputElement>(`#${formId} input[name="bulk"]:checked`)].map((el) => {
      const [matchId, version] = el.value.split(':');
      return { matchId, version: Number(version) };
    });
  const go = (decision: 'approve' | 'reject') =>
    run(
      bulkDecideMatchesAction,
      { decision, note, items: selected() },
      { onOk: (d) => toast(t('bulkDone', d), { tone: d.failed ? 'warning' : 'success' }) },
    );
  return (
    <div
      role="group"
      aria-label={t('bulkLabel')}
      className="flex flex-col gap-2 rounded-md border border-slate-200 p-3"
    >
      {error && <Alert tone="danger">{error}</Alert>}
      <FormField label={t('noteLabel')}>
        <Textarea rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </FormField>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" loading={pending} onClick={() => go('approve')}>
          {t('bulkApprove')}
        </Button>
        <Button size="sm" variant="secondary" loading={pending} onClick={() => go('reject')}>
          {t('bulkReject')}
        </Button>
      </div>
    </div>
  );
}
