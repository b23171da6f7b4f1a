import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { InterestLink } from '@/components/introductions/interest-link';
import { ListingInterest } from '@/components/introductions/listing-interest';
import { ListingDetail } from '@/components/listings/listing-detail';
import { FollowButton } from '@/components/listings/follow-button';
import { ListingDocuments } from '@/components/listings/listing-documents';
import { RevealsLink } from '@/components/listings/reveals-link';
import { FindPartnersLink } from '@/components/matching/find-partners-link';
import { requirePermission } from '@/lib/auth/guard';
import { recordedIp } from '@/lib/auth/request-ip';
import { visitFollowed } from '@/lib/listings/follows';
import { getListingForViewer } from '@/lib/listings/data';
import { z } from '@/lib/validation/messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('listings.needs'))('title') };
}

export default async function NeedPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('listings.browse');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const ip = recordedIp(await headers());
  const view = await getListingForViewer(viewer, 'need', id, ip);
  if (!view) notFound();
  const t = await getTranslations('listings.needs');
  // a member outside the owner organisation may follow it; opening it counts as their visit
  const followable = view.access === 'member';
  const following = followable ? await visitFollowed(viewer, id) : false;
  return (
    <div className="flex flex-col gap-4">
      <Link href="/needs" className="text-sm text-teal-800 underline">
        {t('detailBack')}
      </Link>
      <ListingDetail view={view} />
      <ListingDocuments viewer={viewer} kind="need" id={id} />
      <ListingInterest viewer={viewer} kind="need" id={id} />
      <div className="flex flex-wrap gap-3">
        <FindPartnersLink viewer={viewer} listing={view} />
        <InterestLink viewer={viewer} listing={view} />
        <RevealsLink listing={view} />
        {followable && <FollowButton kind="need" id={id} following={following} />}
      </div>
    </div>
  );
}
