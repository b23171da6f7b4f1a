'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { useMessage } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';
import { ACCEPT_ATTRIBUTE, MAX_ATTACHMENT_MB, MAX_ATTACHMENTS_PER_OWNER } from '@/lib/attachments/limits';
import { deleteDocumentAction } from '@/lib/funding/actions';

type Document = { id: string; fileName: string; sizeBytes: number; createdAt: Date };

/** A proposal's documents: downloads for whoever sees it; upload and removal for the proposing company. */
export function DocumentsPanel({
  proposalId,
  documents,
  canEdit,
}: {
  proposalId: string;
  documents: Document[];
  canEdit: boolean;
}) {
  const t = useTranslations('funding');
  const format = useFormatter();
  const message = useMessage();
  const router = useRouter();
  const { toast } = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const base = `/api/funding/${proposalId}/documents`;

  const upload = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const file = input.current?.files?.[0];
    if (!file) return setError(message('attachments.errors.no_file'));
    if (file.size > MAX_ATTACHMENT_MB * 1024 * 1024)
      return setError(message(`attachments.errors.too_large?maxMb=${MAX_ATTACHMENT_MB}`));
    setPending(true);
    try {
      const body = new FormData();
      body.append('file', file);
      const response = await fetch(base, { method: 'POST', body });
      if (!response.ok) {
        const json = (await response.json().catch(() => null)) as {
          error?: { message?: string; fields?: Record<string, string[]> };
        } | null;
        return setError(json?.error?.fields?.file?.[0] ?? json?.error?.message ?? message('errors.internal'));
      }
      if (input.current) input.current.value = '';
      toast(t('documents.uploaded'), { tone: 'success' });
      router.refresh();
    } finally {
      setPending(false);
    }
  };

  const remove = async (attachmentId: string) => {
    setError(undefined);
    const result = await deleteDocumentAction({ proposalId, attachmentId });
    if (!result.ok) return setError(message(result.messageKey));
    toast(t('documents.removed'), { tone: 'success' });
    router.refresh();
  };

  return (
    <section aria-labelledby="documents-heading" className="flex flex-col gap-3">
      <h2 id="documents-heading" className="text-lg font-semibold">
        {t('documents.title')}
      </h2>
      {documents.length === 0 ? (
        <p className="text-sm text-slate-700">{t('documents.none')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {documents.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center gap-3">
              <a
                className="underline"
                href={`${base}/${d.id}`}
                download={d.fileName}
                aria-label={t('documents.download', { name: d.fileName })}
              >
                {d.fileName}
              </a>
              <span className="text-sm text-slate-700">
                {t('documents.size', { kb: Math.max(1, Math.round(d.sizeBytes / 1024)) })} ·{' '}
                {format.dateTime(d.createdAt, 'short')}
              </span>
              {canEdit && (
                <Button variant="ghost" size="sm" onClick={() => remove(d.id)}>
                  {t('documents.remove', { name: d.fileName })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form onSubmit={upload} noValidate className="flex flex-col gap-2" aria-label={t('documents.upload')}>
          <FormField
            label={t('documents.file')}
            hint={t('documents.hint', { maxMb: MAX_ATTACHMENT_MB, max: MAX_ATTACHMENTS_PER_OWNER })}
            error={error}
          >
            <input ref={input} type="file" name="file" accept={ACCEPT_ATTRIBUTE} className="text-sm" />
          </FormField>
          <div>
            <Button type="submit" variant="secondary" size="sm" loading={pending}>
              {t('documents.upload')}
            </Button>
          </div>
        </form>
      )}
      {!canEdit && error && <p className="text-sm text-red-700">{error}</p>}
    </section>
  );
}
