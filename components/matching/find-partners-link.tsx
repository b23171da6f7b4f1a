import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';
import { can, type Viewer } from '@/lib/auth/policy';

/** "Find partners" under a listing: the engine's ranked partners with reasons (matching.view). */
export async function FindPartnersLink({
  viewer,
  listing,
}: {
  viewer: Viewer | null;
  listing: { kind: 'need' | 'seed'; id: string };
}) {
  if (!viewer || !can(viewer, 'matching.view')) return null;
  const t = await getTranslations('matching');
  return (
    <div>
      <ButtonLink href={`/${listing.kind === 'need' ? 'needs' : 'seeds'}/${listing.id}/partners`} variant="secondary">
        {t('findPartners')}
      </ButtonLink>
    </div>
  );
}
