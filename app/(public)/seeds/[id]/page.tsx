import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { InterestLink } from '@/components/introductions/interest-link';
import { ListingInterest } from '@/components/introductions/listing-interest';
import { ListingDetail } from '@/components/listings/listing-detail';
import { FollowButton } from '@/components/listings/follow-button';
import { ListingDocuments } from '@/components/listings/listing-documents';
import { RevealsLink } from '@/components/listings/reveals-link';
import { FindPartnersLink } from '@/components/matching/find-partners-link';
import { ButtonLink } from '@/components/ui/button';
import { can } from '@/lib/auth/policy';
import { recordedIp } from '@/lib/auth/request-ip';
import { getViewer } from '@/lib/auth/session';
import { visitFollowed } from '@/lib/listings/follows';
import { getListingForViewer, getPublicSeedTeaser } from '@/lib/listings/data';
import { z } from '@/lib/validation/messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('listings.seeds'))('title') };
}

export default async function SeedPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (viewer && !can(viewer, 'listings.browse')) redirect('/account');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const ip = recordedIp(await headers());
  const view = viewer ? await getListingForViewer(viewer, 'seed', id, ip) : await getPublicSeedTeaser(id);
  if (!view) notFound();
  const t = await getTranslations('listings.seeds');
  // a member outside the owner organisation may follow it; opening it counts as their visit
  const followable = !!viewer && view.access === 'member';
  const following = viewer && followable ? await visitFollowed(viewer, id) : false;
  return (
    <div className="flex flex-col gap-4">
      <Link href="/seeds" className="text-sm text-teal-800 underline">
        {t('detailBack')}
      </Link>
      <ListingDetail view={view} />
      {viewer && <ListingDocuments viewer={viewer} kind="seed" id={id} />}
      {viewer && <ListingInterest viewer={viewer} kind="seed" id={id} />}
      <div className="flex flex-wrap gap-3">
        <FindPartnersLink viewer={viewer} listing={view} />
        <InterestLink viewer={viewer} listing={view} />
        <RevealsLink listing={view} />
        {followable && <FollowButton kind="seed" id={id} following={following} />}
      </div>
      {!viewer && (
        <div>
          <ButtonLink href="/sign-in">{t('signInForMore')}</ButtonLink>
        </div>
      )}
    </div>
  );
}
