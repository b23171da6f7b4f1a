import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Td } from '@/components/ui/table';
import { OwnItemsTable } from '@/components/lists/own-items-table';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guard';
import { listSavedSearches } from '@/lib/saved-searches/data';
import { searchUrl } from '@/lib/saved-searches/digest';
import { deleteSavedSearchAction } from '@/lib/saved-searches/actions';
import { FrequencySelect } from './searches-ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('searches'))('title') };
}

const filtersOf = (query: Record<string, unknown>) =>
  Object.entries(query)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`)
    .join(' · ');

export default async function SavedSearchesPage() {
  const viewer = await requirePermission('savedSearches.manage');
  const [rows, t, format] = await Promise.all([
    listSavedSearches(await getDb(), viewer),
    getTranslations('searches'),
    getFormatter(),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-slate-700">{t('lead')}</p>
      {rows.length === 0 ? (
        <EmptyState
          title={t('empty')}
          text={t('emptyText')}
          action={
            <div className="flex gap-3">
              <ButtonLink href="/needs" variant="secondary">
                {t('browseNeeds')}
              </ButtonLink>
              <ButtonLink href="/seeds" variant="secondary">
                {t('browseSeeds')}
              </ButtonLink>
            </div>
          }
        />
      ) : (
        <OwnItemsTable
          caption={t('list')}
          columns={[t('name'), t('kind'), t('filters'), t('frequency'), t('lastDigest')]}
          rows={rows}
          cells={(row) => (
            <>
              <Td>
                <a className="text-sky-800 underline" href={searchUrl('', row.kind, row.query)}>
                  {row.name}
                </a>
              </Td>
              <Td>{t(`kinds.${row.kind}`)}</Td>
              <Td className="max-w-xs break-words">{filtersOf(row.query) || t('noFilters')}</Td>
              <Td>
                <FrequencySelect id={row.id} name={row.name} value={row.frequency} />
              </Td>
              <Td>{format.dateTime(row.lastDigestAt, 'short')}</Td>
            </>
          )}
          remove={{
            label: t('delete'),
            action: deleteSavedSearchAction,
            confirmText: (row) => t('deleteConfirm', { name: row.name }),
            successMessage: t('deleted'),
            variant: 'ghost',
          }}
        />
      )}
    </div>
  );
}
