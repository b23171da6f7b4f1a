'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { AutosaveState } from './use-autosave';

export function AutosaveStatus({ status }: { status: AutosaveState }) {
  const t = useTranslations('listings.form');
  const format = useFormatter();
  return (
    <p role="status" className="min-h-5 text-sm text-slate-700">
      {status.state === 'saving' && t('autosaving')}
      {status.state === 'saved' &&
        status.at &&
        t('autosaved', { time: format.dateTime(status.at, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) })}
      {status.state === 'failed' && <span className="text-red-700">{t('autosaveFailed')}</span>}
    </p>
  );
}
