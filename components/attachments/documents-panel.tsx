'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { useMessage } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';
import { ACCEPT_ATTRIBUTE, MAX_ATTACHMENT_MB, MAX_ATTACHMENTS_PER_OWNER } from '@/lib/attachments/limits';

type Document = { id: string; fileName: string; sizeBytes: number; createdAt: Date };
type ErrorBody = { error?: { message?: string; fields?: Record<string, string[]> } } | null;

/**
 * The documents of a proposal or a listing behind one route (`base`: POST uploads, GET
 * `base/<id>` downloads, DELETE `base/<id>` removes; the server decides who may). Downloads for
 * whoever sees them; upload, with the size limit shown, and removal for the owner.
 */
export function DocumentsPanel({
  base,
  documents,
  canEdit,
}: {
  base: string;
  documents: Document[];
  canEdit: boolean;
}) {
  const t = useTranslations('attachments.panel');
  const format = useFormatter();
  const message = useMessage();
  const router = useRouter();
  const { toast } = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  const send = async (url: string, init: RequestInit, done: string) => {
    setError(undefined);
    setPending(true);
    try {
      const response = await fetch(url, init);
      if (!response.ok) {
        const json = (await response.json().catch(() => null)) as ErrorBody;
        setError(json?.error?.fields?.file?.[0] ?? json?.error?.message ?? message('errors.internal'));
        return false;
      }
      toast(done, { tone: 'success' });
      router.refresh();
      return true;
    } finally {
      setPending(false);
    }
  };

  const upload = async (e: React.FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setError(message('attachments.errors.no_file'));
    if (file.size > MAX_ATTACHMENT_MB * 1024 * 1024)
      return setError(message(`attachments.errors.too_large?maxMb=${MAX_ATTACHMENT_MB}`));
    const body = new FormData();
    body.append('file', file);
    if ((await send(base, { method: 'POST', body }, t('uploaded'))) && input.current) input.current.value = '';
  };

  return (
    <section aria-labelledby="documents-heading" className="flex flex-col gap-3">
      <h2 id="documents-heading" className="text-lg font-semibold">
        {t('title')}
      </h2>
      {documents.length === 0 ? (
        <p className="text-sm text-slate-700">{t('none')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {documents.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center gap-3">
              <a
                className="underline"
                href={`${base}/${d.id}`}
                download={d.fileName}
                aria-label={t('download', { name: d.fileName })}
              >
                {d.fileName}
              </a>
              <span className="text-sm text-slate-700">
                {t('size', { kb: Math.max(1, Math.round(d.sizeBytes / 1024)) })} ·{' '}
                {format.dateTime(d.createdAt, 'short')}
              </span>
              {canEdit && (
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={pending}
                  onClick={() => send(`${base}/${d.id}`, { method: 'DELETE' }, t('removed'))}
                >
                  {t('remove', { name: d.fileName })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form onSubmit={upload} noValidate className="flex flex-col gap-2" aria-label={t('upload')}>
          <FormField
            label={t('file')}
            hint={t('hint', { maxMb: MAX_ATTACHMENT_MB, max: MAX_ATTACHMENTS_PER_OWNER })}
            error={error}
          >
            <input ref={input} type="file" name="file" accept={ACCEPT_ATTRIBUTE} className="text-sm" />
          </FormField>
          <div>
            <Button type="submit" variant="secondary" size="sm" loading={pending}>
              {t('upload')}
            </Button>
          </div>
        </form>
      ) : (
        error && <p className="text-sm text-red-700">{error}</p>
      )}
    </section>
  );
}
