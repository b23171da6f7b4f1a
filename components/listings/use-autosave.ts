'use client';

import { useEffect, useRef, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import type { ZodType } from 'zod';
import type { ActionResult } from '@/lib/errors';
import type { ListingFormValues } from '@/lib/listings/validation';

type Saved = { id: string; version: number; status: string };
export type AutosaveState = { state: 'idle' | 'saving' | 'saved' | 'failed'; at?: Date };

/**
 * Debounced autosave of a draft: when the values change and pass the schema, save them as
 * a draft (creating the listing the first time) and keep id/version in the form, so the
 * next save, and the final submit, update the same row. The URL stays as it is: changing it
 * would make the router render the edit page and drop this form's state. `wait()` lets submit go after it.
 */
export function useAutosave(
  schema: ZodType,
  action: (input: ListingFormValues) => Promise<ActionResult<Saved>>,
  options: { enabled: boolean; delayMs?: number },
) {
  // inside the listing form's <FormProvider>: need and seed forms share these fields (id, version, intent)
  const form = useFormContext<ListingFormValues>();
  const [status, setStatus] = useState<AutosaveState>({ state: 'idle' });
  const pending = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSaved = useRef<string>('');
  const { enabled, delayMs = 1500 } = options;
  // The latest form, schema, action and options, read when the timer fires: the effect below
  // must not re-subscribe on every render (that would cancel the pending save).
  const latest = useRef({ form, schema, action });
  latest.current = { form, schema, action };

  useEffect(() => {
    if (!enabled) return;
    const { form } = latest.current;
    const subscription = form.watch((_values, { name }) => {
      if (name === 'id' || name === 'version' || name === 'intent') return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const values = { ...form.getValues(), intent: 'draft' as const };
        const key = JSON.stringify({ ...values, version: undefined, id: undefined });
        const { schema, action } = latest.current;
        if (key === lastSaved.current || !schema.safeParse(values).success) return;
        setStatus({ state: 'saving' });
        pending.current = pending.current
          .then(async () => {
            const result = await action({ ...form.getValues(), intent: 'draft' });
            if (result.ok) {
              lastSaved.current = key;
              form.setValue('id', result.data.id);
              form.setValue('version', result.data.version);
              setStatus({ state: 'saved', at: new Date() });
            } else {
              setStatus({ state: 'failed' });
            }
          })
          .catch(() => setStatus({ state: 'failed' }));
      }, delayMs);
    });
    return () => {
      subscription.unsubscribe();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [enabled, delayMs]);

  /** Resolves once no autosave is running or scheduled (call before a manual submit). */
  const wait = async () => {
    if (timer.current) clearTimeout(timer.current);
    await pending.current;
  };
  return { status, wait };
}
