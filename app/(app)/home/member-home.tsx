import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import Link from 'next/link';
import { getAccount } from '@/lib/accounts/data';
import { interestSummaryForOwner } from '@/lib/introductions/interest-data';
import { SurveyWaitingCard } from '@/components/programme/survey/waiting-card';
import { getDb } from '@/db';
import { can, type Viewer } from '@/lib/auth/policy';
import { openRoundsFor } from '@/lib/programme/survey/answers';
import { listClustersOfOrganisation } from '@/lib/clusters/data';
import { EXPIRING_WITHIN_DAYS, fundingNews, homeSeenAt, memberNews } from '@/lib/home/news';
import { prefectureName } from '@/lib/prefectures';
import type { CountTile } from './count-tiles';
import { NewsSection } from './news-section';

// The first things each role comes to do.
const nextSteps: Partial<Record<string, { href: string; key: string }[]>> = {
  sme: [
    { href: '/needs/new', key: 'postNeed' },
    { href: '/needs/mine', key: 'myNeeds' },
    { href: '/seeds', key: 'browseSeeds' },
    { href: '/introductions', key: 'introductions' },
    { href: '/funding', key: 'funding' },
  ],
  researcher: [
    { href: '/seeds/new', key: 'postSeed' },
    { href: '/seeds/mine', key: 'mySeeds' },
    { href: '/needs', key: 'browseNeeds' },
    { href: '/introductions', key: 'introductions' },
  ],
  trading: [
    { href: '/seeds', key: 'browseSeeds' },
    { href: '/needs', key: 'browseNeeds' },
    { href: '/listings/following', key: 'following' },
    { href: '/introductions', key: 'introductions' },
  ],
  lender: [
    { href: '/funding', key: 'fundingInbox' },
    { href: '/seeds', key: 'browseSeeds' },
    { href: '/needs', key: 'browseNeeds' },
  ],
};

/** Where each role keeps its own listings (the others own none). */
const ownListings: Partial<Record<string, string>> = { sme: '/needs/mine', researcher: '/seeds/mine' };

/**
 * A member's home (SME, researcher, trading firm, lender): what is new or waiting for them since their last
 * visit, next steps, their organisation and clusters.
 */
export async function MemberHome({ viewer }: { viewer: Viewer }) {
  const seenAt = await homeSeenAt(viewer);
  const [account, clusters, interest, news, funding, surveys, t, locale] = await Promise.all([
    getAccount(viewer),
    listClustersOfOrganisation(viewer.organisationId),
    interestSummaryForOwner(viewer),
    memberNews(viewer, seenAt),
    viewer.role === 'lender' || viewer.role === 'sme' ? fundingNews(viewer, seenAt) : null,
    can(viewer, 'programme.surveyAnswer') ? getDb().then((db) => openRoundsFor(db, viewer)) : [],
    getTranslations(),
    getLocale(),
  ]);
  const own = ownListings[viewer.role];
  const fundingTiles: CountTile[] =
    funding?.kind === 'lender'
      ? [
          {
            key: 'fundingShared',
            value: funding.shared,
            href: '/funding',
            label: t('home.news.fundingShared'),
            urgent: funding.shared > 0,
          },
          {
            key: 'fundingToReview',
            value: funding.toReview,
            href: '/funding',
            label: t('home.news.fundingToReview'),
            urgent: funding.toReview > 0,
          },
        ]
      : funding?.kind === 'proposer'
        ? [
            {
              key: 'fundingDecisions',
              value: funding.decisions,
              href: '/funding',
              label: t('home.news.fundingDecisions'),
            },
          ]
        : [];
  const tiles: CountTile[] = [
    ...fundingTiles,
    ...(own ? [{ key: 'newPartners', value: news.newPartners, href: own, label: t('home.news.newPartners') }] : []),
    {
      key: 'interestWaiting',
      value: news.interestWaiting,
      href: '/introductions',
      label: t('home.news.interestWaiting'),
      urgent: news.interestWaiting > 0,
    },
    {
      key: 'introductionsWaiting',
      value: news.introductionsWaiting,
      href: '/introductions',
      label: t('home.news.introductionsWaiting'),
      urgent: news.introductionsWaiting > 0,
    },
    {
      key: 'introductionsMoved',
      value: news.introductionsMoved,
      href: '/introductions',
      label: t('home.news.introductionsMoved'),
    },
    ...(own
      ? [
          {
            key: 'expiringListings',
            value: news.expiringListings,
            href: own,
            label: t('home.news.expiringListings', { days: EXPIRING_WITHIN_DAYS }),
            urgent: news.expiringListings > 0,
          },
        ]
      : []),
  ];
  const name = (ja: string, en: string) => (locale === 'en' ? en : ja);
  const steps = nextSteps[viewer.role] ?? [];
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm font-medium text-teal-800">{t(`roles.${viewer.role}`)}</p>
        <h1 className="text-2xl font-semibold">{t('home.title', { name: account.name })}</h1>
        <p className="mt-2 text-slate-700">{t(`home.intro.${viewer.role}`)}</p>
      </div>
      <NewsSection since={news.since} tiles={tiles} />
      <SurveyWaitingCard rounds={surveys.filter((r) => !r.answered)} />
      {steps.length > 0 && (
        <nav aria-label={t('home.nextSteps')} className="flex flex-wrap gap-3">
          {steps.map((step, i) => (
            <ButtonLink key={step.href} href={step.href} variant={i === 0 ? 'primary' : 'secondary'}>
              {t(`home.steps.${step.key}`)}
            </ButtonLink>
          ))}
        </nav>
      )}
      {interest.listings.length > 0 && (
        <Card>
          <CardHeader>
            <CardTitle>{t('home.interest.title')}</CardTitle>
          </CardHeader>
          <CardBody className="flex flex-col gap-2">
            <p>{t('home.interest.total', { count: interest.total })}</p>
            <ul className="flex flex-col gap-1">
              {interest.listings.map((l) => (
                <li key={l.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`/${l.kind}s/${l.id}`} className="underline">
                    {l.title}
                  </Link>
                  <Badge tone="info">{l.interested}</Badge>
                  {l.awaitingYou > 0 && (
                    <Badge tone="warning">{t('home.interest.awaiting', { count: l.awaitingYou })}</Badge>
                  )}
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      )}
      <div className="grid gap-6 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t('home.organisation')}</CardTitle>
          </CardHeader>
          <CardBody>
            <p className="font-medium">{name(account.organisation.nameJa, account.organisation.nameEn)}</p>
            <p className="text-sm text-slate-700">
              {t(`orgKinds.${account.organisation.kind}`)} · {prefectureName(account.organisation.prefecture, locale)}
            </p>
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('home.clusters')}</CardTitle>
          </CardHeader>
          <CardBody>
            {clusters.length === 0 ? (
              <p className="text-slate-700">{t('home.noClusters')}</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {clusters.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{name(c.nameJa, c.nameEn)}</span>
                    {c.domains.map((d) => (
                      <Badge key={d} tone="info">
                        {t(`domains.${d}`)}
                      </Badge>
                    ))}
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
