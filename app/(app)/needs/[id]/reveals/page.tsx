import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { RevealLog } from '@/components/listings/reveal-log';
import { requirePermission } from '@/lib/auth/guard';
import { listRevealsForOwner } from '@/lib/listings/reveals';
import { z } from '@/lib/validation/messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reveals'))('metaTitle') };
}

/** Who saw this need's protected fields and contacts: for its organisation and the cluster's coordinators. */
export default async function NeedRevealsPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('listings.browse');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const log = await listRevealsForOwner(viewer, 'need', id);
  if (!log) notFound();
  return <RevealLog log={log} />;
}
