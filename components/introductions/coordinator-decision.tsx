'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { approveMatchAction, rejectMatchAction } from '@/lib/introductions/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { useRun } from './use-run';

/**
 * Approve (optional note) or reject (note required) one proposed match at the version the coordinator saw. The note
 * starts as the one written when the match was proposed by hand, so approving passes it on to both sides.
 */
export function CoordinatorDecision({
  matchId,
  version,
  title,
  initialNote = '',
}: {
  matchId: string;
  version: number;
  title: string;
  initialNote?: string;
}) {
  const t = useTranslations('introductions');
  const [note, setNote] = useState(initialNote);
  const { run, pending, error } = useRun();
  return (
    <div className="flex flex-col gap-2">
      {error && <Alert tone="danger">{error}</Alert>}
      <FormField label={`${t('noteLabel')} — ${title}`} hideLabel={false}>
        <Textarea rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </FormField>
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          loading={pending}
          onClick={() => run(approveMatchAction, { matchId, version, note }, { success: t('statuses.approved') })}
        >
          {t('approve')}
        </Button>
        <Button
          size="sm"
          variant="secondary"
          loading={pending}
          onClick={() => run(rejectMatchAction, { matchId, version, note }, { success: t('statuses.rejected') })}
        >
          {t('reject')}
        </Button>
      </div>
    </div>
  );
}
