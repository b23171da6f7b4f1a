import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { RowsTable } from '@/components/lists/rows-table';
import { Td, Th } from '@/components/ui/table';
import { listAllClusters } from '@/lib/clusters/data';
import { requirePermission } from '@/lib/auth/guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.clusters'))('title') };
}

export default async function AdminClustersPage() {
  await requirePermission('admin.clusters');
  const [rows, t, tr, format, locale] = await Promise.all([
    listAllClusters(),
    getTranslations('admin.clusters'),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <ButtonLink href="/clusters/new">{t('new')}</ButtonLink>
      </div>
      <RowsTable
        caption={t('caption', { total: rows.length })}
        columns={[t('name'), t('region'), t('domains'), t('phase'), t('members'), t('coordinators')]}
        rows={rows}
        rowKey={(c) => c.id}
        cells={(c) => (
          <>
            <Th scope="row" className="whitespace-normal font-medium">
              <Link href={`/clusters/${c.id}`} className="text-teal-800 underline underline-offset-2">
                {locale === 'en' ? c.nameEn : c.nameJa}
              </Link>
              <span className="block text-xs font-normal text-slate-700">{c.slug}</span>
            </Th>
            <Td>{locale === 'en' ? c.regionEn : c.regionJa}</Td>
            <Td>
              <div className="flex flex-wrap gap-1">
                {c.domains.map((d) => (
                  <Badge key={d} tone="info">
                    {tr(`domains.${d}`)}
                  </Badge>
                ))}
              </div>
            </Td>
            <Td>{t('phaseValue', { phase: c.phase })}</Td>
            <Td>{format.number(c.memberCount)}</Td>
            <Td>{format.number(c.coordinatorCount)}</Td>
          </>
        )}
        empty={<EmptyState title={t('none')} />}
      />
    </div>
  );
}
