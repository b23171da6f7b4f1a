'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

// Never shows the error's own text: it may carry SQL or stack details.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <div className="mx-auto flex max-w-xl flex-col items-start gap-4 py-12">
      <h1 className="text-2xl font-semibold">{t('errorTitle')}</h1>
      <p className="text-slate-700">{t('errorText')}</p>
      <Button onClick={reset}>{t('retry')}</Button>
    </div>
  );
}
