'use client';

import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { signOutAction } from '@/lib/accounts/actions';
import { Button } from '@/components/ui/button';

export function SignOutButton() {
  const t = useTranslations('nav');
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="ghost"
      size="sm"
      loading={pending}
      onClick={() => startTransition(async () => void (await signOutAction({})))}
    >
      {t('signOut')}
    </Button>
  );
}
