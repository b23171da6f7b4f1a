import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { InterestForm } from '@/components/introductions/interest-form';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePermission } from '@/lib/auth/guard';
import { interestFormContext } from '@/lib/introductions/interest-data';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('introductions'))('expressInterest') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * /introductions/new?kind=seed&id=…[&via=<our need>] — "I'm interested", naming the listing and linked to the
 * asker's own listing that found it. Everything is checked again (visible, open, not own, ours) when it is sent.
 */
export default async function NewInterestPage({ searchParams }: Props) {
  const viewer = await requirePermission('introductions.interest');
  const { kind, id, via } = await searchParams;
  const t = await getTranslations('introductions');
  const context =
    (kind === 'need' || kind === 'seed') && typeof id === 'string' && UUID.test(id)
      ? await interestFormContext(viewer, kind, id)
      : null;
  if (!context) return <EmptyState title={t('expressInterest')} text={t('chooseListing')} />;
  const { listing, mine } = context;
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">{t('expressInterest')}</h1>
        <p className="text-slate-700">
          {t(listing.kind === 'seed' ? 'interestInSeed' : 'interestInNeed')}{' '}
          <Link href={`/${listing.kind}s/${listing.id}`} lang={listing.language} className="font-medium underline">
            {listing.title}
          </Link>
        </p>
      </div>
      <InterestForm
        listing={{ kind: listing.kind, id: listing.id }}
        mine={mine}
        via={typeof via === 'string' ? via : ''}
        salesChannel={viewer.organisationKind === 'trading_firm'}
      />
    </div>
  );
}
