import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PartnerList } from '@/components/matching/partner-list';
import { requirePermission } from '@/lib/auth/guard';
import { findPartnersForViewer } from '@/lib/listings/partners';
import { z } from '@/lib/validation/messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('matching.partners'))('titleNeed') };
}

export default async function NeedPartnersPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('matching.view');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const view = await findPartnersForViewer(viewer, 'need', id);
  if (!view) notFound();
  return <PartnerList view={view} />;
}
