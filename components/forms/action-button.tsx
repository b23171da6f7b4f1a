'use client';

import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { useRunAction } from '@/components/forms/use-run-action';
import { Button, type ButtonSize, type ButtonVariant } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { ActionResult } from '@/lib/errors';

type Props<Input> = {
  action: (input: Input) => Promise<ActionResult<unknown>>;
  input: Input;
  children: ReactNode;
  /** Shown as a toast after success (already translated). */
  successMessage: string;
  /** Ask before running (for changes that lock someone out). */
  confirm?: { title: string; text: string; confirmLabel: string };
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Accessible name when the visible label is ambiguous in a table ("Verify" → "Verify Acme Ltd."). */
  'aria-label'?: string;
};

/** A button that runs one server action, reports the outcome and refreshes the page's data. */
export function ActionButton<Input>({
  action,
  input,
  children,
  successMessage,
  confirm,
  variant = 'secondary',
  size = 'sm',
  ...props
}: Props<Input>) {
  const t = useTranslations('common');
  const { run: runAction, pending } = useRunAction();
  const [open, setOpen] = useState(false);

  const run = () => runAction(() => action(input), { success: successMessage, settled: () => setOpen(false) });

  return (
    <>
      <Button
        variant={variant}
        size={size}
        loading={pending && !open}
        aria-label={props['aria-label']}
        onClick={() => (confirm ? setOpen(true) : run())}
      >
        {children}
      </Button>
      {confirm && (
        <Dialog
          open={open}
          onClose={() => setOpen(false)}
          title={confirm.title}
          description={confirm.text}
          closeLabel={t('close')}
          size="sm"
          footer={
            <>
              <Button variant="secondary" onClick={() => setOpen(false)}>
                {t('cancel')}
              </Button>
              <Button variant={variant === 'danger' ? 'danger' : 'primary'} loading={pending} onClick={run}>
                {confirm.confirmLabel}
              </Button>
            </>
          }
        />
      )}
    </>
  );
}
