import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MyListingsPage } from '@/components/listings/my-listings-page';
import { requirePermission } from '@/lib/auth/guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('listings.needs'))('mine') };
}

export default async function MyNeedsPage() {
  const viewer = await requirePermission('needs.create');
  return <MyListingsPage viewer={viewer} kind="need" />;
}
