import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <div className="mx-auto flex max-w-xl flex-col items-start gap-4 py-12">
      <h1 className="text-2xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="text-slate-700">{t('notFoundText')}</p>
      <ButtonLink href="/" variant="secondary">
        {t('backHome')}
      </ButtonLink>
    </div>
  );
}
