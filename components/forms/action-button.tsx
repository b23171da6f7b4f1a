'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type ReactNode } from 'react';
import { useMessage } from '@/components/forms/use-action-form';
import { Button, type ButtonSize, type ButtonVariant } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
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
  const message = useMessage();
  const { toast } = useToast();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [open, setOpen] = useState(false);

  const run = () =>
    startTransition(async () => {
      const result = await action(input);
      setOpen(false);
      if (result.ok) {
        toast(successMessage, { tone: 'success' });
        router.refresh();
      } else {
        toast(message(result.messageKey), { tone: 'danger', duration: 0 });
        if (result.code === 'conflict') router.refresh();
      }
    });

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
