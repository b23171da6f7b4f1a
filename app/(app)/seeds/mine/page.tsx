import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MyListingsPage } from '@/components/listings/my-listings-page';
import { requirePermission } from '@/lib/auth/guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('listings.seeds'))('mine') };
}

export default async function MySeedsPage() {
  const viewer = await requirePermission('seeds.create');
  return <MyListingsPage viewer={viewer} kind="seed" />;
}
