import { getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/ui/pagination';
import { hrefWith } from './filter-form';

/** Pagination for a list page that keeps the current filters in each link. */
export async function ListPagination({
  path,
  filters,
  page,
  totalPages,
}: {
  path: string;
  filters: Record<string, string | number | undefined>;
  page: number;
  totalPages: number;
}) {
  const t = await getTranslations('common');
  return (
    <Pagination
      label={t('pagination')}
      page={page}
      totalPages={totalPages}
      hrefFor={(p) => hrefWith(path, { ...filters, page: p })}
      previousLabel={t('previous')}
      nextLabel={t('next')}
      pageLabel={(p) => t('page', { page: p })}
    />
  );
}
