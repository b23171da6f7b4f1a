'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type ReactNode } from 'react';
import { clsx } from 'clsx';
import { focusRing } from '@/components/ui/styles';

/**
 * One compact row of the coordinator's queue: a narrow leading column (checkbox, score), the title
 * and a line of facts ending in "Details", a disclosure button (aria-expanded) that unfolds the
 * reasons and the decision box below the row.
 */
export function QueueRow({
  leading,
  title,
  facts,
  children,
}: {
  leading: ReactNode;
  title: ReactNode;
  facts: ReactNode;
  children: ReactNode;
}) {
  const t = useTranslations('introductions');
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <>
      <div className="flex items-start gap-3">
        <div className="flex w-12 shrink-0 flex-col items-start gap-1">{leading}</div>
        <div className="min-w-0 flex-1">
          {title}
          <div className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-slate-700">
            {facts}
            <button
              type="button"
              aria-expanded={open}
              aria-controls={panelId}
              onClick={() => setOpen((o) => !o)}
              className={clsx(
                'inline-flex min-h-8 items-center gap-1 rounded-md px-2 text-sm font-medium text-teal-800 underline underline-offset-2 hover:bg-slate-100',
                focusRing,
              )}
            >
              {t('details')}
              <span aria-hidden="true" className={clsx('no-underline transition-transform', open && 'rotate-180')}>
                ▾
              </span>
            </button>
          </div>
        </div>
      </div>
      <div id={panelId} hidden={!open} className="mt-2 flex flex-col gap-3 border-t border-slate-100 pt-3">
        {children}
      </div>
    </>
  );
}
