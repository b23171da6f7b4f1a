import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guard';
import { listSavedSearches } from '@/lib/saved-searches/data';
import { searchUrl } from '@/lib/saved-searches/digest';
import { ActionButton } from '@/components/forms/action-button';
import { deleteSavedSearchAction } from '@/lib/saved-searches/actions';
import { FrequencySelect } from './searches-ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('searches'))('title') };
}

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
        <Table caption={t('list')}>
          <THead>
            <Tr>
              <Th>{t('name')}</Th>
              <Th>{t('kind')}</Th>
              <Th>{t('filters')}</Th>
              <Th>{t('frequency')}</Th>
              <Th>{t('lastDigest')}</Th>
              <Th>
                <span className="sr-only">{t('delete')}</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((row) => {
              const filters = Object.entries(row.query)
                .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`)
                .join(' · ');
              return (
                <Tr key={row.id}>
                  <Td>
                    <a className="text-sky-800 underline" href={searchUrl('', row.kind, row.query)}>
                      {row.name}
                    </a>
                  </Td>
                  <Td>{t(`kinds.${row.kind}`)}</Td>
                  <Td className="max-w-xs break-words">{filters || t('noFilters')}</Td>
                  <Td>
                    <FrequencySelect id={row.id} name={row.name} value={row.frequency} />
                  </Td>
                  <Td>{format.dateTime(row.lastDigestAt, 'short')}</Td>
                  <Td>
                    <ActionButton
                      action={deleteSavedSearchAction}
                      input={{ id: row.id }}
                      variant="ghost"
                      aria-label={`${t('delete')}: ${row.name}`}
                      successMessage={t('deleted')}
                      confirm={{
                        title: t('delete'),
                        text: t('deleteConfirm', { name: row.name }),
                        confirmLabel: t('delete'),
                      }}
                    >
                      {t('delete')}
                    </ActionButton>
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </div>
  );
}
