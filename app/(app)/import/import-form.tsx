'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { useMessage } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { TextField } from '@/components/ui/text-field';
import type { ImportSummary } from '@/lib/import/analyse';
import type { ListingCollection } from '@/db/vocabulary/listings';

type Result = { summary?: ImportSummary; created?: number; error?: { message: string } };

export function ImportForm({ kinds }: { kinds: ListingCollection[] }) {
  const t = useTranslations('import');
  const message = useMessage();
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<ListingCollection>(kinds[0] ?? 'needs');
  const [intent, setIntent] = useState<'draft' | 'submit'>('draft');
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState<'preview' | 'commit' | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [done, setDone] = useState<{ created: number; intent: 'draft' | 'submit' } | null>(null);

  async function send(mode: 'preview' | 'commit') {
    if (!file) {
      setResult({ error: { message: t('errors.no_file') } });
      return;
    }
    setPending(mode);
    setDone(null);
    try {
      const body = new FormData();
      body.set('kind', kind);
      body.set('intent', intent);
      body.set('mode', mode);
      body.set('file', file);
      const response = await fetch('/api/import', { method: 'POST', body });
      const json = (await response.json()) as Result;
      setResult(json);
      if (mode === 'commit' && response.ok && json.created !== undefined) {
        setDone({ created: json.created, intent });
        setResult(null);
        setFile(null);
        if (fileRef.current) fileRef.current.value = '';
      }
    } catch {
      setResult({ error: { message: message('errors.internal') ?? '' } });
    } finally {
      setPending(null);
    }
  }

  const summary = result?.summary;
  return (
    <div className="flex flex-col gap-6">
      {done && (
        <Alert tone="success" title={t('done', { count: done.created })}>
          {done.intent === 'submit' ? t('doneSubmitted') : t('doneDrafts')}
        </Alert>
      )}
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          void send('preview');
        }}
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label={t('kind')}>
            <Select
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as ListingCollection);
                setResult(null);
              }}
            >
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t('intent')}>
            <Select value={intent} onChange={(e) => setIntent(e.target.value as 'draft' | 'submit')}>
              <option value="draft">{t('intents.draft')}</option>
              <option value="submit">{t('intents.submit')}</option>
            </Select>
          </FormField>
        </div>
        <FormField label={t('file')}>
          <TextField
            ref={fileRef}
            type="file"
            accept=".csv,.tsv,.txt,.json,text/csv,application/json"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
            }}
          />
        </FormField>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" loading={pending === 'preview'} disabled={pending !== null}>
            {t('preview')}
          </Button>
          {summary && summary.invalidCount === 0 && summary.validCount > 0 && (
            <Button
              type="button"
              variant="primary"
              loading={pending === 'commit'}
              disabled={pending !== null}
              onClick={() => void send('commit')}
            >
              {t('commit', { count: summary.validCount })}
            </Button>
          )}
        </div>
      </form>

      {result?.error && (
        <Alert tone="danger" role="status">
          {result.error.message}
        </Alert>
      )}

      {summary && (
        <Card>
          <CardHeader>
            <CardTitle>{t('summaryTitle')}</CardTitle>
          </CardHeader>
          <CardBody className="flex flex-col gap-4">
            <p>
              {t('summary', {
                total: summary.total,
                format: summary.format.toUpperCase(),
                encoding: t(`encodings.${summary.encoding}`),
                valid: summary.validCount,
                invalid: summary.invalidCount,
              })}
            </p>
            {summary.otherKindCount > 0 && (
              <p className="text-slate-700">{t('otherKind', { count: summary.otherKindCount })}</p>
            )}
            {summary.invalidCount > 0 ? (
              <Alert tone="warning">{t('fixAndRetry')}</Alert>
            ) : (
              <Alert tone="success">{t('allValid')}</Alert>
            )}
            {summary.errors.length > 0 && (
              <Table caption={t('errorsTitle')}>
                <THead>
                  <Tr>
                    <Th>{t('row')}</Th>
                    <Th>{t('column')}</Th>
                    <Th>{t('reason')}</Th>
                  </Tr>
                </THead>
                <TBody>
                  {summary.errors.map((e, i) => (
                    <Tr
                      // biome-ignore lint/suspicious/noArrayIndexKey: a list rendered afresh, never reordered; the position is its identity
                      key={`${e.row}-${i}`}
                    >
                      <Td>{e.row}</Td>
                      <Td>{e.column}</Td>
                      <Td>{message(e.message)}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
            {summary.errorCount > summary.errors.length && (
              <p>{t('moreErrors', { count: summary.errorCount - summary.errors.length })}</p>
            )}
            <Table caption={t('sampleTitle')}>
              <THead>
                <Tr>
                  <Th>{t('row')}</Th>
                  <Th>{t('sampleTitleCol')}</Th>
                  <Th>{t('domain')}</Th>
                  <Th>{t('language')}</Th>
                </Tr>
              </THead>
              <TBody>
                {summary.sample.map((s) => (
                  <Tr key={s.row}>
                    <Td>{s.row}</Td>
                    <Td>{s.title}</Td>
                    <Td>{s.domain}</Td>
                    <Td>{s.language}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </CardBody>
        </Card>
      )}
    </div>
  );
}
