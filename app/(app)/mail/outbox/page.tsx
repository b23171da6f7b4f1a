import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
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
      {rows.length === 0 ? (
        <EmptyState title={t('none')} />
      ) : (
        <Table caption={t('title')} captionHidden>
          <THead>
            <Tr>
              <Th>{t('created')}</Th>
              <Th>{t('to')}</Th>
              <Th>{t('subject')}</Th>
              <Th>{t('status')}</Th>
              <Th>{t('attempts')}</Th>
              <Th>{t('error')}</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={r.id}>
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
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
