import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePermission } from '@/lib/auth/guard';
import { listReviewQueue } from '@/lib/listings/moderation';
import { ReviewForm } from './review-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('listings.review'))('title') };
}

export default async function ReviewsPage() {
  const viewer = await requirePermission('listings.moderate');
  const [items, t, tr, format, locale] = await Promise.all([
    listReviewQueue(viewer),
    getTranslations('listings.review'),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-2 text-slate-700">{t('intro')}</p>
      </div>
      <section aria-labelledby="on-behalf" className="flex flex-wrap items-center gap-3">
        <h2 id="on-behalf" className="text-base font-semibold">
          {t('draftOnBehalf')}
        </h2>
        <ButtonLink href="/needs/new" variant="secondary" size="sm">
          {t('newNeed')}
        </ButtonLink>
        <ButtonLink href="/seeds/new" variant="secondary" size="sm">
          {t('newSeed')}
        </ButtonLink>
      </section>
      {items.length === 0 ? (
        <EmptyState title={t('empty')} text={t('emptyText')} />
      ) : (
        <ul className="flex flex-col gap-4">
          {items.map((item) => (
            <li
              key={`${item.kind}-${item.id}`}
              className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
            >
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone="info">{t(`kind.${item.kind}`)}</Badge>
                <Badge>{tr(`domains.${item.domain}`)}</Badge>
                <h2 className="text-lg font-semibold">
                  <Link href={`/${item.kind}s/${item.id}`} className="text-teal-800 underline-offset-2 hover:underline">
                    {item.title}
                  </Link>
                </h2>
              </div>
              <p className="text-sm text-slate-700">
                {locale === 'en' ? item.organisationNameEn : item.organisationNameJa} ·{' '}
                {t('submitted', { date: format.dateTime(item.submittedAt, 'short') })}
              </p>
              <p className="line-clamp-3">{item.summary}</p>
              <ReviewForm kind={item.kind} id={item.id} version={item.version} title={item.title} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
