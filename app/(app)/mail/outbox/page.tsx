import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { RowsTable } from '@/components/lists/rows-table';
import { Td } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/guard';
import { env } from '@/lib/env';
import { listOutbox } from '@/lib/mail/data';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('outbox'))('title') };
}

export default async function OutboxPage() {
  await requirePermission('mail.outbox');
  const [rows, t, format] = await Promise.all([listOutbox(), getTranslations('outbox'), getFormatter()]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-slate-700">{t('intro')}</p>
      {!env().SMTP_URL && <Alert tone="warning">{t('smtpOff')}</Alert>}
      <RowsTable
        caption={t('title')}
        captionHidden
        columns={[t('created'), t('to'), t('subject'), t('status'), t('attempts'), t('error')]}
        rows={rows}
        rowKey={(r) => r.id}
        cells={(r) => (
          <>
            <Td>{format.dateTime(r.createdAt, 'long')}</Td>
            <Td>{r.toAddress}</Td>
            <Td>{r.subject ?? t('confidentialSubject')}</Td>
            <Td>
              <Badge tone={r.status === 'sent' ? 'success' : r.status === 'failed' ? 'danger' : 'warning'}>
                {t(`statuses.${r.status}`)}
              </Badge>
            </Td>
            <Td>{r.attempts}</Td>
            <Td>{r.lastError ?? '—'}</Td>
          </>
        )}
        empty={<EmptyState title={t('none')} />}
      />
    </div>
  );
}
