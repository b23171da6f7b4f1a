import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SeedForm } from '@/components/listings/seed-form';
import { requirePermission } from '@/lib/auth/guard';
import { getSeedForEdit } from '@/lib/listings/seeds-data';
import { z } from '@/lib/validation/messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('listings.seeds'))('editTitle') };
}

export default async function EditSeedPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('seeds.create');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  // another organisation's listing (or an unknown id) is simply not found: nothing leaks
  const seed = await getSeedForEdit(viewer, id);
  if (!seed) notFound();
  const t = await getTranslations('listings.seeds');
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t('editTitle')}</h1>
      <SeedForm
        status={seed.status as 'draft' | 'pending_review' | 'open'}
        defaultValues={seed.values}
        reviewComment={seed.reviewComment}
      />
    </div>
  );
}
