'use client';

import { useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { ProposalFormValues, SaveProposalInput } from '@/lib/funding/validation';
import type { ZodType } from 'zod';
import type { ActionResult } from '@/lib/errors';

export type DraftSaveState = { state: 'idle' | 'saving' | 'saved' | 'failed'; at?: Date };
const keyOf = (values: FieldValues) => JSON.stringify({ ...values, version: undefined });

/**
 * Debounced autosave of an existing draft: when the values change and pass the schema, save
 * them and keep the new version in the form. `flush()` saves what is unsaved now (nothing when
 * nothing changed, so a partner's consent to this version stands) and gives the current version.
 */
export function useDraftAutosave(
  form: UseFormReturn<ProposalFormValues, unknown, SaveProposalInput>,
  schema: ZodType,
  /** the save action (it parses the form's values itself) */
  action: (input: ProposalFormValues) => Promise<ActionResult<{ version: number }>>,
  delayMs = 1500,
) {
  const [status, setStatus] = useState<DraftSaveState>({ state: 'idle' });
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSaved = useRef(keyOf(form.getValues()));
  const latest = useRef({ form, schema, action });
  latest.current = { form, schema, action };

  /** Saves the current values if they differ from the last saved; resolves with the result. */
  const save = (): Promise<ActionResult<{ version: number }> | null> => {
    const run = queue.current.then(async () => {
      const { form, schema, action } = latest.current;
      const values = form.getValues();
      const key = keyOf(values);
      if (key === lastSaved.current) return null;
      if (!schema.safeParse(values).success) return null;
      setStatus({ state: 'saving' });
      const result = await action(values);
      if (result.ok) {
        lastSaved.current = key;
        form.setValue('version', result.data.version);
        setStatus({ state: 'saved', at: new Date() });
      } else setStatus({ state: 'failed' });
      return result;
    });
    queue.current = run.catch(() => setStatus({ state: 'failed' }));
    return run;
  };

  const saveNow = useRef(save);
  saveNow.current = save;

  useEffect(() => {
    const subscription = latest.current.form.watch((_values, { name }) => {
      if (name === 'version') return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow.current(), delayMs);
    });
    return () => {
      subscription.unsubscribe();
      if (timer.current) clearTimeout(timer.current);
    };
    // save reads everything through refs: subscribing once keeps a pending save alive across renders
  }, [delayMs]);

  /** Saves anything unsaved (after a running save) and gives the version to act on, or null if a save failed. */
  const flush = async (): Promise<number | null> => {
    if (timer.current) clearTimeout(timer.current);
    await queue.current;
    const result = await save();
    if (result && !result.ok) return null;
    // the form holds the version it last saved as a number; the schema reads it with z.coerce
    return Number(latest.current.form.getValues().version);
  };
  /** Marks the current values as saved (after a manual save). */
  const markSaved = () => {
    lastSaved.current = keyOf(latest.current.form.getValues());
  };
  return { status, flush, markSaved };
}
