import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { NeedForm } from '@/components/listings/need-form';
import { requirePermission } from '@/lib/auth/guard';
import { getNeedForEdit } from '@/lib/listings/needs-data';
import { z } from '@/lib/validation/messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('listings.needs'))('editTitle') };
}

export default async function EditNeedPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('needs.create');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  // another organisation's listing (or an unknown id) is simply not found: nothing leaks
  const need = await getNeedForEdit(viewer, id);
  if (!need) notFound();
  const t = await getTranslations('listings.needs');
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t('editTitle')}</h1>
      <NeedForm
        status={need.status as 'draft' | 'pending_review' | 'open'}
        defaultValues={need.values}
        reviewComment={need.reviewComment}
      />
    </div>
  );
}
