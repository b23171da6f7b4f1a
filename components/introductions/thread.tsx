'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { markThreadReadAction, sendMessageAction } from '@/lib/introductions/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { useRun } from './use-run';

/** The compose box of an introduction's thread; opening the page marks the thread read. */
export function MessageComposer({ matchId, unread }: { matchId: string; unread: number }) {
  const t = useTranslations('introductions');
  const [body, setBody] = useState('');
  const { run, pending, error } = useRun();
  useEffect(() => {
    if (unread > 0) void markThreadReadAction({ matchId });
  }, [matchId, unread]);
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await run(sendMessageAction, { matchId, body })) setBody('');
      }}
    >
      {error && <Alert tone="danger">{error}</Alert>}
      <FormField label={t('messageLabel')}>
        <Textarea rows={3} maxLength={5000} value={body} onChange={(e) => setBody(e.target.value)} />
      </FormField>
      <div>
        <Button type="submit" loading={pending} disabled={!body.trim()}>
          {t('send')}
        </Button>
      </div>
    </form>
  );
}
