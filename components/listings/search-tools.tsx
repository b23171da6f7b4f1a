'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { saveSearchAction } from '@/lib/saved-searches/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast';
import { MAX_EXPORT_ROWS } from '@/lib/listings/rules';
import { createSavedSearchSchema, SAVED_QUERY_KEYS } from '@/lib/saved-searches/validation';
import { digestFrequencies } from '@/db/vocabulary/integrations';

type Params = Record<string, string | number | undefined>;

/**
 * "Save this search" (with an e-mail digest) and "Download CSV" for a browse page:
 * `<SearchTools kind="seeds" params={params} />` next to the results, for signed-in members.
 */
export function SearchTools({ kind, params }: { kind: 'needs' | 'seeds'; params: Params }) {
  const t = useTranslations('searches');
  const query: Record<string, string> = {};
  for (const key of SAVED_QUERY_KEYS) {
    const value = params[key];
    if (value !== undefined && value !== '') query[key] = String(value);
  }
  const exportParams = new URLSearchParams({ kind, ...query, ...(params.sort ? { sort: String(params.sort) } : {}) });
  return (
    <div className="flex flex-wrap items-center gap-3">
      <SaveSearchButton kind={kind} query={query} />
      <a
        className="text-sm text-sky-800 underline"
        href={`/api/export?${exportParams.toString()}`}
        download
        aria-describedby="export-limit"
      >
        {t('export')}
      </a>
      <span id="export-limit" className="text-sm text-slate-700">
        {t('exportLimit', { max: MAX_EXPORT_ROWS })}
      </span>
    </div>
  );
}

export function SaveSearchButton({ kind, query }: { kind: 'needs' | 'seeds'; query: Record<string, string> }) {
  const t = useTranslations('searches');
  const tc = useTranslations('common');
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const defaultName = query.q || Object.values(query).join(' · ') || t(`kinds.${kind}`);
  const { form, onSubmit, formError, errorOf } = useActionForm<typeof createSavedSearchSchema, { id: string }>({
    schema: createSavedSearchSchema,
    action: saveSearchAction,
    defaultValues: { kind, name: defaultName.slice(0, 120), query, frequency: 'weekly' },
    onSuccess: () => {
      setOpen(false);
      toast(t('saved'), { tone: 'success' });
    },
  });
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        {t('save')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('saveTitle')}
        description={t('saveText')}
        closeLabel={tc('close')}
      >
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {formError && <Alert tone="danger">{formError}</Alert>}
          <FormField label={t('name')} error={errorOf('name')} required>
            <TextField maxLength={120} autoFocus {...form.register('name')} />
          </FormField>
          <FormField label={t('frequency')} error={errorOf('frequency')}>
            <Select {...form.register('frequency')}>
              {digestFrequencies.map((f) => (
                <option key={f} value={f}>
                  {t(`frequencies.${f}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <div className="flex justify-end gap-3">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              {tc('cancel')}
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('save')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
