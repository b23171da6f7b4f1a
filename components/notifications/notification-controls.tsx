'use client';

import { useTranslations } from 'next-intl';
import { markNotificationsReadAction, saveMailPreferencesAction as saveAction } from '@/app/(app)/notifications/actions';
import { Button } from '@/components/ui/button';
import { useRun } from '@/components/introductions/use-run';

export function MarkRead({ ids, label }: { ids?: string[]; label: string }) {
  const { run, pending } = useRun();
  return (
    <Button size="sm" variant="secondary" loading={pending} onClick={() => run(markNotificationsReadAction, ids ? { ids } : {})}>
      {label}
    </Button>
  );
}

export function MailPreferencesForm({ initial }: { initial: Record<string, boolean> }) {
  const t = useTranslations('notifications');
  const tc = useTranslations('common');
  const { run, pending, error } = useRun();
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const prefs = Object.fromEntries(Object.keys(initial).map((k) => [k, data.get(k) === 'on']));
        void run(saveAction, prefs, { success: t('saved') });
      }}
    >
      {error && <p role="alert">{error}</p>}
      {Object.entries(initial).map(([k, v]) => (
        <label key={k} className="flex items-center gap-2">
          <input type="checkbox" name={k} defaultChecked={v} className="size-5" />
          {t(`categories.${k}` as never)}
        </label>
      ))}
      <div>
        <Button type="submit" loading={pending}>
          {tc('save')}
        </Button>
      </div>
    </form>
  );
}
