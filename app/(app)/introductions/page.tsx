import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { RowsTable } from '@/components/lists/rows-table';
import { Td } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/guard';
import { listMyIntroductions } from '@/lib/introductions/data';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('introductions'))('title') };
}

export default async function IntroductionsPage() {
  const viewer = await requirePermission('introductions.view');
  const [rows, t, format] = await Promise.all([
    listMyIntroductions(viewer),
    getTranslations('introductions'),
    getFormatter(),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t('mine')}</h1>
      <RowsTable
        caption={t('mine')}
        captionHidden
        columns={[t('matchTitle'), t('filterKind'), t('filterStatus'), t('deadline')]}
        rows={rows}
        rowKey={(r) => r.id}
        cells={(r) => (
          <>
            <Td>
              <Link className="underline" href={`/introductions/${r.id}`}>
                {[r.needTitle, r.seedTitle].filter(Boolean).join(' ↔ ')}
              </Link>
            </Td>
            <Td>{t(`kinds.${r.kind}`)}</Td>
            <Td>
              <Badge>{t(`statuses.${r.status}`)}</Badge>
            </Td>
            <Td>{r.deadline && r.status === 'approved' ? format.dateTime(r.deadline, 'short') : '—'}</Td>
          </>
        )}
        empty={<EmptyState title={t('none')} />}
      />
    </div>
  );
}
