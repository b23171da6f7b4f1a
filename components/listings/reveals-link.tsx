import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';

/** "Who saw our data" under a listing, for those who manage it (its organisation, the cluster's coordinators). */
export async function RevealsLink({ listing }: { listing: { kind: 'need' | 'seed'; id: string; access: string } }) {
  if (listing.access !== 'owner' && listing.access !== 'coordinator') return null;
  const t = await getTranslations('reveals');
  return (
    <div>
      <ButtonLink href={`/${listing.kind === 'need' ? 'needs' : 'seeds'}/${listing.id}/reveals`} variant="secondary">
        {t('link')}
      </ButtonLink>
    </div>
  );
}
