import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MyListings } from '@/components/listings/my-listings';
import { ButtonLink } from '@/components/ui/button';
import { requirePermission } from '@/lib/auth/guard';
import { listMySeeds } from '@/lib/listings/seeds-data';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('listings.seeds'))('mine') };
}

export default async function MySeedsPage() {
  const viewer = await requirePermission('seeds.create');
  const [items, t] = await Promise.all([listMySeeds(viewer), getTranslations('listings.seeds')]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t('mine')}</h1>
          <p className="mt-2 text-slate-700">{t('mineIntro')}</p>
        </div>
        <ButtonLink href="/seeds/new">{t('new')}</ButtonLink>
      </div>
      <MyListings items={items} basePath="/seeds" emptyTitle={t('mineEmpty')} emptyText={t('mineEmptyText')} />
    </div>
  );
}
