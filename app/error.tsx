'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';

// Never shows the error's own text: it may carry SQL or stack details. When the readiness check says
// the database is unreachable, the page says so ("temporarily unavailable, try again shortly").
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  const [unavailable, setUnavailable] = useState(false);
  useEffect(() => {
    fetch('/api/health', { cache: 'no-store' })
      .then((res) => setUnavailable(res.status === 503))
      .catch(() => setUnavailable(true));
  }, []);
  return (
    <div className="mx-auto flex max-w-xl flex-col items-start gap-4 py-12">
      <h1 className="text-2xl font-semibold">{unavailable ? t('unavailableTitle') : t('errorTitle')}</h1>
      <p className="text-slate-700">{unavailable ? t('unavailableText') : t('errorText')}</p>
      <Button onClick={reset}>{t('retry')}</Button>
    </div>
  );
}
