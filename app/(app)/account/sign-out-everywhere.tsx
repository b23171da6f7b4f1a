'use client';

import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { signOutEverywhereAction } from '@/lib/accounts/actions';

export function SignOutEverywhere() {
  const t = useTranslations('account');
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="danger"
      loading={pending}
      onClick={() => startTransition(async () => void (await signOutEverywhereAction({})))}
    >
      {t('signOutEverywhere')}
    </Button>
  );
}
