import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, Th, THead, Tr } from '@/components/ui/table';
import { FilterForm } from './filter-form';
import { ListPagination } from './list-pagination';

/**
 * A filtered, paginated table page (organisations, users, the audit log): heading, filter form (GET),
 * the table or "none", page links that keep the filters. Its texts are the `messages` namespace's
 * `title`, `filters`, `none` and `caption` ({total}); the page gives the filter fields, the column
 * headings and a row per item.
 */
export async function ListPage<Row>(props: {
  messages: string;
  /** the page's address: the filter form's action and the page links' */
  path: string;
  filterFields: ReactNode;
  /** the current filters, kept by the page links */
  filters: Record<string, string | undefined>;
  columns: string[];
  result: { rows: Row[]; total: number; page: number; totalPages: number };
  row: (item: Row) => ReactNode;
}) {
  const { path, result } = props;
  const [t, tr] = await Promise.all([getTranslations(props.messages), getTranslations()]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <FilterForm
        label={t('filters')}
        action={path}
        submitLabel={tr('common.search')}
        clearLabel={tr('admin.clearFilters')}
      >
        {props.filterFields}
      </FilterForm>
      {result.rows.length === 0 ? (
        <EmptyState title={t('none')} />
      ) : (
        <Table caption={t('caption', { total: result.total })}>
          <THead>
            <Tr>
              {props.columns.map((c) => (
                <Th key={c}>{c}</Th>
              ))}
            </Tr>
          </THead>
          <TBody>{result.rows.map(props.row)}</TBody>
        </Table>
      )}
      <ListPagination path={path} filters={props.filters} page={result.page} totalPages={result.totalPages} />
    </div>
  );
}
