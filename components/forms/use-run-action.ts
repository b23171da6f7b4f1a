'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { useMessage } from '@/components/forms/use-action-form';
import { useToast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/errors';

/**
 * The one way a control outside a form runs a server action: pending while it runs, a toast with
 * the outcome (a refusal stays until dismissed), then the page's data refreshed — after a refusal
 * too, so a conflict shows what is true now. Forms use useActionForm instead.
 */
export function useRunAction() {
  const message = useMessage();
  const { toast } = useToast();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const run = (
    call: () => Promise<ActionResult<unknown>>,
    options: { success: string; settled?: (ok: boolean) => void },
  ) =>
    startTransition(async () => {
      const result = await call();
      options.settled?.(result.ok);
      if (result.ok) toast(options.success, { tone: 'success' });
      else toast(message(result.messageKey), { tone: 'danger', duration: 0 });
      router.refresh();
    });

  return { run, pending };
}
