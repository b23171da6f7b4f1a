import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { BrowseListings } from '@/components/listings/browse';
import { ButtonLink } from '@/components/ui/button';
import { requirePermission } from '@/lib/auth/guard';
import { listClusterOptions, searchNeeds } from '@/lib/listings/search';
import { searchParamsSchema } from '@/lib/listings/validation';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('listings.needs'))('title') };
}

export default async function NeedsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const viewer = await requirePermission('listings.browse');
  const params = searchParamsSchema.parse(await searchParams);
  const [result, clusters, t] = await Promise.all([
    searchNeeds(viewer, params),
    listClusterOptions(),
    getTranslations('listings.needs'),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <p className="mt-2 text-slate-700">{t('intro')}</p>
        </div>
        {viewer.role === 'sme' && <ButtonLink href="/needs/new">{t('new')}</ButtonLink>}
      </div>
      <BrowseListings kind="need" params={params} result={result} clusters={clusters} basePath="/needs" />
    </div>
  );
}
