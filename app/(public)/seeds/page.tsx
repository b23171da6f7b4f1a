import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { BrowseListings } from '@/components/listings/browse';
import { ButtonLink } from '@/components/ui/button';
import { can } from '@/lib/auth/policy';
import { getViewer } from '@/lib/auth/session';
import { listClusterOptions, searchSeeds } from '@/lib/listings/search';
import { searchParamsSchema } from '@/lib/listings/validation';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('listings.seeds'))('title') };
}

/**
 * Verified members browse every seed they may see; signed-out visitors get the public
 * teasers only; members of unverified organisations see nothing (their account page).
 */
export default async function SeedsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const viewer = await getViewer();
  if (viewer && !can(viewer, 'listings.browse')) redirect('/account');
  const params = searchParamsSchema.parse(await searchParams);
  const [result, clusters, t] = await Promise.all([
    searchSeeds(viewer, viewer ? params : { ...params, cluster: undefined, orgKind: undefined }),
    viewer ? listClusterOptions() : Promise.resolve([]),
    getTranslations('listings.seeds'),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <p className="mt-2 text-slate-700">{viewer ? t('intro') : t('publicIntro')}</p>
        </div>
        {viewer?.role === 'researcher' && <ButtonLink href="/seeds/new">{t('new')}</ButtonLink>}
        {!viewer && <ButtonLink href="/sign-in">{t('signInForMore')}</ButtonLink>}
      </div>
      <BrowseListings
        kind="seed"
        params={params}
        result={result}
        clusters={clusters}
        basePath="/seeds"
        publicMode={!viewer}
      />
    </div>
  );
}
