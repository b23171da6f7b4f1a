'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useMessage } from '@/components/forms/use-action-form';
import { useToast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/errors';

/** Runs a server action from a button; errors (e.g. a conflict) are shown as a message, success refreshes the page. */
export function useRun() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const message = useMessage();
  const { toast } = useToast();
  const router = useRouter();
  const run = async <T>(
    action: (input: never) => Promise<ActionResult<T>>,
    input: unknown,
    done?: { success?: string; onOk?: (data: T) => void },
  ) => {
    setPending(true);
    setError(undefined);
    try {
      const result = await action(input as never);
      if (!result.ok) {
        const fieldMessage = result.fieldErrors ? Object.values(result.fieldErrors)[0]?.[0] : undefined;
        setError(message(fieldMessage ?? result.messageKey));
        return false;
      }
      if (done?.success) toast(done.success, { tone: 'success' });
      done?.onOk?.(result.data);
      router.refresh();
      return true;
    } finally {
      setPending(false);
    }
  };
  return { run, pending, error };
}
