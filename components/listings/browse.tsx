import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import type { NeedView, SeedView } from '@/lib/listings/listing-views';
import type { SearchResult } from '@/lib/listings/search';
import type { SearchParams } from '@/lib/listings/validation';
import { cardsOf } from './card-data';
import { ListingCard } from './listing-card';
import { SearchForm } from './search-form';
import { SearchTools } from './search-tools';
import type { ListingKind } from '@/db/vocabulary/listings';

function queryString(params: SearchParams, page: number) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '' && k !== 'page') q.set(k, String(v));
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Search form, result count, cards and pagination for needs or seeds. */
export async function BrowseListings({
  kind,
  params,
  result,
  clusters,
  basePath,
  publicMode = false,
}: {
  kind: ListingKind;
  params: SearchParams;
  result: SearchResult<NeedView | SeedView>;
  clusters: { id: string; nameJa: string; nameEn: string }[];
  basePath: string;
  publicMode?: boolean;
}) {
  const [t, tc, cards] = await Promise.all([
    getTranslations('listings.search'),
    getTranslations('common'),
    cardsOf(result.items, basePath),
  ]);
  const filtered = Object.entries(params).some(([k, v]) => k !== 'page' && k !== 'sort' && v !== undefined && v !== '');
  const from = (result.page - 1) * result.pageSize + 1;
  const to = from + result.items.length - 1;
  return (
    <div className="flex flex-col gap-6">
      <SearchForm kind={kind} params={params} clusters={clusters} action={basePath} publicMode={publicMode} />
      {!publicMode && <SearchTools kind={kind === 'need' ? 'needs' : 'seeds'} params={params} />}
      <section aria-labelledby="results-heading" className="flex flex-col gap-4">
        <h2 id="results-heading" className="text-lg font-semibold" aria-live="polite">
          {result.totalCapped ? t('resultsCapped', { total: result.total }) : t('results', { total: result.total })}
          {result.items.length > 0 && (
            <span className="ml-2 text-sm font-normal text-slate-700">
              {result.totalCapped
                ? t('resultsRangeCapped', { from, to, total: result.total })
                : t('resultsRange', { from, to, total: result.total })}
            </span>
          )}
        </h2>
        {result.totalCapped && result.page >= result.totalPages && (
          <p className="text-sm text-slate-700">{t('refineHint', { total: result.total })}</p>
        )}
        {result.items.length === 0 ? (
          <EmptyState title={t('emptyTitle')} text={filtered ? t('emptyFiltered') : t('emptyNone')} titleAs="p" />
        ) : (
          <ul className="flex flex-col gap-3">
            {cards.map((card) => (
              <li key={card.id}>
                <ListingCard card={card} />
              </li>
            ))}
          </ul>
        )}
        <Pagination
          label={t('pagination')}
          page={result.page}
          totalPages={result.totalPages}
          hrefFor={(p) => `${basePath}${queryString(params, p)}`}
          previousLabel={tc('previous')}
          nextLabel={tc('next')}
          pageLabel={(p) => t('page', { page: p })}
        />
      </section>
    </div>
  );
}
