import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';
import type { Viewer } from '@/lib/auth/policy';
import { listMyListings } from '@/lib/listings/data';
import { listingKindInfo } from '@/lib/listings/kinds';
import { MyListings } from './my-listings';
import type { ListingKind } from '@/db/vocabulary/listings';

/** "My needs" / "My seeds": the viewer's organisation's listings with their status. */
export async function MyListingsPage({ viewer, kind }: { viewer: Viewer; kind: ListingKind }) {
  const [items, t] = await Promise.all([listMyListings(viewer, kind), getTranslations(listingKindInfo[kind].messages)]);
  const basePath = listingKindInfo[kind].path;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t('mine')}</h1>
          <p className="mt-2 text-slate-700">{t('mineIntro')}</p>
        </div>
        <ButtonLink href={`${basePath}/new`}>{t('new')}</ButtonLink>
      </div>
      <MyListings items={items} basePath={basePath} emptyTitle={t('mineEmpty')} emptyText={t('mineEmptyText')} />
    </div>
  );
}
