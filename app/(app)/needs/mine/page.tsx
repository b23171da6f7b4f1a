import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MyListings } from '@/components/listings/my-listings';
import { ButtonLink } from '@/components/ui/button';
import { requirePermission } from '@/lib/auth/guard';
import { listMyNeeds } from '@/lib/listings/needs-data';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('listings.needs'))('mine') };
}

export default async function MyNeedsPage() {
  const viewer = await requirePermission('needs.create');
  const [items, t] = await Promise.all([listMyNeeds(viewer), getTranslations('listings.needs')]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t('mine')}</h1>
          <p className="mt-2 text-slate-700">{t('mineIntro')}</p>
        </div>
        <ButtonLink href="/needs/new">{t('new')}</ButtonLink>
      </div>
      <MyListings items={items} basePath="/needs" emptyTitle={t('mineEmpty')} emptyText={t('mineEmptyText')} />
    </div>
  );
}
