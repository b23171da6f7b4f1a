'use client';

import { useTranslations } from 'next-intl';
import { ActionButton } from '@/components/forms/action-button';
import { followListingAction, unfollowListingAction } from '@/lib/listings/actions';

/** Follow a listing (it then appears, with its changes, under "Listings we follow"), or stop following it. */
export function FollowButton({ kind, id, following }: { kind: 'need' | 'seed'; id: string; following: boolean }) {
  const t = useTranslations('listings.follow');
  return following ? (
    <ActionButton action={unfollowListingAction} input={{ kind, id }} successMessage={t('unfollowed')}>
      {t('unfollow')}
    </ActionButton>
  ) : (
    <ActionButton action={followListingAction} input={{ kind, id }} successMessage={t('followed')}>
      {t('follow')}
    </ActionButton>
  );
}
