import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
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
      {rows.length === 0 ? (
        <EmptyState title={t('none')} />
      ) : (
        <Table caption={t('mine')} captionHidden>
          <THead>
            <Tr>
              <Th>{t('matchTitle')}</Th>
              <Th>{t('filterKind')}</Th>
              <Th>{t('filterStatus')}</Th>
              <Th>{t('deadline')}</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={r.id}>
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
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
