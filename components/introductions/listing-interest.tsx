import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import type { Viewer } from '@/lib/auth/policy';
import { listInterestsOnListing } from '@/lib/introductions/interest-data';
import { prefectureName } from '@/lib/prefectures';

const stateTone = {
  waiting_for_coordinator: 'neutral',
  awaiting_you: 'warning',
  awaiting_them: 'info',
  introduced: 'success',
  declined: 'neutral',
} as const;

/**
 * On the owner's own listing: how many organisations are interested and, per interest, what DESIGN §4 lets the
 * owner see before both accept (kind, region, size band; the name only where the asker chose to show it) and its
 * state. Renders nothing for anyone but the owner organisation.
 */
export async function ListingInterest({ viewer, kind, id }: { viewer: Viewer; kind: 'need' | 'seed'; id: string }) {
  const view = await listInterestsOnListing(viewer, kind, id);
  if (!view) return null;
  const [t, tKinds, format, locale] = await Promise.all([
    getTranslations('introductions'),
    getTranslations('orgKinds'),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <span id={`interest-${id}`}>{t('onListing.title')}</span>
        </CardTitle>
      </CardHeader>
      <CardBody className="flex flex-col gap-3">
        <p className="font-medium">{t('onListing.count', { count: view.interestedCount })}</p>
        {view.items.length > 0 && (
          <>
            <p className="text-sm text-slate-700">{t('onListing.privacy')}</p>
            <ul aria-labelledby={`interest-${id}`} className="flex flex-col divide-y divide-slate-200">
              {view.items.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                  <span className="font-medium">
                    {i.organisation.name
                      ? locale === 'en'
                        ? i.organisation.name.en
                        : i.organisation.name.ja
                      : t('onListing.nameHidden')}
                  </span>
                  <span className="text-sm text-slate-700">
                    {[
                      tKinds(i.organisation.kind),
                      prefectureName(i.organisation.prefecture, locale),
                      i.organisation.employeeBand ? t('onListing.size', { band: i.organisation.employeeBand }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  {i.kind === 'sales_channel' && <Badge tone="info">{t('onListing.salesChannel')}</Badge>}
                  <Badge tone={stateTone[i.state]}>{t(`interestStates.${i.state}`)}</Badge>
                  <time className="text-sm text-slate-700" dateTime={i.createdAt.toISOString()}>
                    {format.dateTime(i.createdAt, 'short')}
                  </time>
                  {i.href && (
                    <Link href={i.href} className="text-sm text-teal-800 underline">
                      {t('onListing.open')}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </CardBody>
    </Card>
  );
}
