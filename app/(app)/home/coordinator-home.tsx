import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { getAccount } from '@/lib/accounts/data';
import type { Viewer } from '@/lib/auth/policy';
import { listCoordinatedClusters } from '@/lib/clusters/data';
import { coordinatorNews, homeSeenAt } from '@/lib/home/news';
import { CHECK_IN_OVERDUE_AFTER_DAYS } from '@/lib/introductions/check-ins';
import { NewsSection } from './news-section';

/** A coordinator's home: the counts that need their action (new since the last visit), and the clusters they look after. */
export async function CoordinatorHome({ viewer }: { viewer: Viewer }) {
  const seenAt = await homeSeenAt(viewer);
  const [account, clusters, news, t, locale] = await Promise.all([
    getAccount(viewer),
    listCoordinatedClusters(viewer),
    coordinatorNews(viewer, seenAt),
    getTranslations(),
    getLocale(),
  ]);
  const tiles = [
    {
      key: 'newInQueue',
      value: news.newInQueue,
      href: '/introductions/queue',
      label: t('home.news.newInQueue'),
    },
    {
      key: 'queue',
      value: news.queue,
      href: '/introductions/queue',
      label: t('home.news.queue'),
      urgent: news.queue > 0,
    },
    {
      key: 'reviews',
      value: news.reviews,
      href: '/listings/review',
      label: t('home.news.reviews'),
      urgent: news.reviews > 0,
    },
    {
      key: 'overdue',
      value: news.overdue,
      href: '/introductions/queue?status=approved',
      label: t('home.news.overdue'),
      urgent: news.overdue > 0,
    },
    {
      key: 'checkInsOverdue',
      value: news.checkInsOverdue,
      href: '/introductions/queue?status=introduced&followUp=overdue',
      label: t('home.news.checkInsOverdue', { days: CHECK_IN_OVERDUE_AFTER_DAYS }),
      urgent: news.checkInsOverdue > 0,
    },
    {
      key: 'stalled',
      value: news.stalled,
      href: '/introductions/queue?status=introduced&followUp=stalled',
      label: t('home.news.stalled'),
      urgent: news.stalled > 0,
    },
  ];
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm font-medium text-teal-800">{t('roles.coordinator')}</p>
        <h1 className="text-2xl font-semibold">{t('home.title', { name: account.name })}</h1>
        <p className="mt-2 text-slate-700">{t('home.intro.coordinator')}</p>
      </div>
      <NewsSection since={news.since} tiles={tiles} />
      <section aria-labelledby="clusters-heading" className="flex flex-col gap-4">
        <h2 id="clusters-heading" className="text-lg font-semibold">
          {t('coordinator.yourClusters')}
        </h2>
        {clusters.length === 0 ? (
          <EmptyState title={t('coordinator.none')} />
        ) : (
          <div className="grid gap-4 md:grid-cols-2">
            {clusters.map((c) => (
              <Card key={c.id}>
                <CardHeader>
                  <CardTitle as="h3">{locale === 'en' ? c.nameEn : c.nameJa}</CardTitle>
                </CardHeader>
                <CardBody className="flex flex-col gap-2">
                  <p className="text-sm text-slate-700">
                    {locale === 'en' ? c.regionEn : c.regionJa} · {t('coordinator.members', { count: c.memberCount })}
                  </p>
                  <div className="flex flex-wrap gap-2">
                    {c.domains.map((d) => (
                      <Badge key={d} tone="info">
                        {t(`domains.${d}`)}
                      </Badge>
                    ))}
                  </div>
                </CardBody>
              </Card>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
