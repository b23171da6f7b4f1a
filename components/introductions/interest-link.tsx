import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';
import { can, type Viewer } from '@/lib/auth/policy';

/** "Ask for an introduction" under a listing a member may ask about (not their own, open). */
export async function InterestLink({
  viewer,
  listing,
}: {
  viewer: Viewer | null;
  listing: { kind: 'need' | 'seed'; id: string; access: string; status: string };
}) {
  if (!viewer || !can(viewer, 'introductions.interest') || listing.access !== 'member' || listing.status !== 'open')
    return null;
  const t = await getTranslations('introductions');
  return (
    <div>
      <ButtonLink href={`/introductions/new?kind=${listing.kind}&id=${listing.id}`} variant="secondary">
        {t('expressInterest')}
      </ButtonLink>
    </div>
  );
}
