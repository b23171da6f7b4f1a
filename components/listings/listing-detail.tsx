import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import type { NeedView, SeedView } from '@/lib/listings/listing-views';
import { expiresSoon, isExpired } from '@/lib/listings/rules';
import { prefectureName } from '@/lib/prefectures';
import { territoryName } from '@/lib/listings/territories';
import { organisationText } from './card-data';
import { OwnerActions } from './owner-actions';
import { StatusBadge } from './status-badge';
import { calendarDay } from '@/lib/i18n/time-zone';

/** Detail of a need or seed: renders only what the view holds (the disclosure module decided). */
export async function ListingDetail({ view }: { view: NeedView | SeedView }) {
  const [t, tr, tTerritories, format, locale] = await Promise.all([
    getTranslations('listings'),
    getTranslations(),
    getTranslations('territories'),
    getFormatter(),
    getLocale(),
  ]);
  const kindLabel = tr(`orgKinds.${view.organisationKind}`);
  const org = await organisationText(view.organisation, kindLabel);
  const yen = (n: number | null) => (n == null ? '…' : format.number(n, { style: 'currency', currency: 'JPY' }));
  const withheld = (level: string) => t('detail.withheld', { level: t(`levels.${level}`) });
  const manage = view.manage;
  const expired = manage ? isExpired(manage.expiresAt) : false;
  const date = (d: Date | string) => format.dateTime(new Date(d), 'short');
  const dayOf = (d: string) => format.dateTime(calendarDay(d), 'day');

  const facts: Array<[string, React.ReactNode]> = [
    [t('fields.domain'), tr(`domains.${view.domain}`)],
    [
      t('detail.organisation'),
      view.organisation.kind === 'hidden' && view.withheld.organisationName
        ? `${kindLabel} (${withheld(view.withheld.organisationName)})`
        : org,
    ],
    [t('detail.organisationKind'), kindLabel],
    [t('detail.region'), prefectureName(view.prefecture, locale)],
  ];
  if (view.kind === 'need') {
    facts.push(
      [
        t('search.trl'),
        view.trlMin || view.trlMax
          ? t('detail.trlRange', { min: view.trlMin ?? 1, max: view.trlMax ?? 9 })
          : t('detail.notGiven'),
      ],
      [
        t('detail.budget'),
        view.budgetMinJpy != null || view.budgetMaxJpy != null
          ? t('detail.budgetRange', { min: yen(view.budgetMinJpy), max: yen(view.budgetMaxJpy) })
          : t('detail.notGiven'),
      ],
      [t('fields.timeline'), view.timeline || t('detail.notGiven')],
      [
        t('fields.partnerKinds'),
        view.partnerKinds.length
          ? format.list(view.partnerKinds.map((k) => tr(`orgKinds.${k}`)))
          : t('detail.notGiven'),
      ],
      [t('fields.regionPreference'), view.regionPreference || t('detail.notGiven')],
    );
    const accept = view.acceptTerms;
    const accepted = [
      accept.royaltyMaxPct != null &&
        t('acceptTerms.royaltyUpTo', { pct: format.number(accept.royaltyMaxPct, { maximumFractionDigits: 2 }) }),
      accept.upfrontMaxJpy != null && t('acceptTerms.upfrontUpTo', { amount: yen(accept.upfrontMaxJpy) }),
      accept.territories.length > 0 &&
        t('acceptTerms.territoriesNeeded', {
          list: format.list(accept.territories.map((c) => territoryName(c, locale, (k) => tTerritories(k as never)))),
        }),
      accept.exclusive && t('acceptTerms.exclusiveWanted'),
      accept.sublicensing && t('acceptTerms.sublicensingNeeded'),
    ].filter((x): x is string => typeof x === 'string');
    if (accepted.length) facts.push([t('acceptTerms.shown'), accepted.join(' · ')]);
  } else {
    facts.push(
      [t('search.trl'), view.trl ? t('detail.trlSingle', { trl: view.trl }) : t('detail.notGiven')],
      [t('search.ipStatus'), view.ipStatus ? t(`ipStatus.${view.ipStatus}`) : t('detail.notGiven')],
      [
        t('fields.licensing'),
        view.licensing.length ? format.list(view.licensing.map((l) => t(`licensing.${l}`))) : t('detail.notGiven'),
      ],
    );
    if (view.leadResearcher) facts.push([t('fields.leadResearcher'), view.leadResearcher]);
    const terms = view.terms;
    const range = (min: number | null, max: number | null, one: (n: number) => string) =>
      min != null || max != null
        ? min != null && max != null && min !== max
          ? t('terms.range', { min: one(min), max: one(max) })
          : one((min ?? max) as number)
        : null;
    const pct = (n: number) => format.number(n / 100, { style: 'percent', maximumFractionDigits: 2 });
    const jpy = (n: number) => format.number(n, { style: 'currency', currency: 'JPY' });
    const tri = (v: boolean | null) => (v === null ? null : t(v ? 'terms.tri.yes' : 'terms.tri.no'));
    const stated: Array<[string, string | null]> = [
      [t('terms.royalty'), range(terms.royaltyMinPct, terms.royaltyMaxPct, pct)],
      [t('terms.upfront'), range(terms.upfrontFeeMinJpy, terms.upfrontFeeMaxJpy, jpy)],
      [t('terms.milestone'), range(terms.milestoneFeeMinJpy, terms.milestoneFeeMaxJpy, jpy)],
      [
        t('terms.territories'),
        terms.licenceTerritories.length
          ? format.list(terms.licenceTerritories.map((c) => territoryName(c, locale, (k) => tTerritories(k as never))))
          : null,
      ],
      [t('terms.fieldOfUse'), terms.fieldOfUse],
      [
        t('terms.exclusivityMonths'),
        terms.exclusivityMonths != null ? t('terms.months', { count: terms.exclusivityMonths }) : null,
      ],
      [t('terms.sublicensing'), tri(terms.sublicensing)],
      [t('terms.optionAgreement'), tri(terms.optionAgreement)],
    ];
    for (const [label, value] of stated) if (value) facts.push([label, value]);
  }

  return (
    <article className="flex flex-col gap-6" lang={view.language !== locale ? view.language : undefined}>
      <header className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="info">{tr(`domains.${view.domain}`)}</Badge>
          {manage && <StatusBadge status={view.status} expired={expired} />}
          {view.kind === 'need' && view.visibility === 'anonymous' && <Badge>{t('detail.anonymous')}</Badge>}
        </div>
        <h1 className="text-2xl font-semibold break-words">{view.title}</h1>
        <p className="text-sm text-slate-700">
          {org}
          {view.publishedAt && <> · {t('detail.posted', { date: date(view.publishedAt) })}</>}
        </p>
      </header>

      {manage && (
        <Card>
          <CardHeader>
            <CardTitle>{t('detail.manage')}</CardTitle>
            <span className="text-sm text-slate-700">{t('owner.expires', { date: date(manage.expiresAt) })}</span>
          </CardHeader>
          <CardBody className="flex flex-col gap-3">
            {view.status === 'open' && expired && (
              <Alert tone="warning">{t('owner.expired', { date: date(manage.expiresAt) })}</Alert>
            )}
            {view.status === 'open' && !expired && expiresSoon(manage.expiresAt) && (
              <Alert tone="warning">{t('owner.expiresSoon', { date: date(manage.expiresAt) })}</Alert>
            )}
            {manage.reviewComment && (
              <Alert tone="warning" title={t('form.reviewComment')}>
                <p className="whitespace-pre-wrap">{manage.reviewComment}</p>
              </Alert>
            )}
            <OwnerActions
              kind={view.kind}
              id={view.id}
              version={manage.version}
              status={view.status}
              expiresAt={manage.expiresAt.toISOString()}
              title={view.title}
            />
          </CardBody>
        </Card>
      )}

      {view.kind === 'seed' && view.teaser && (
        <Alert tone="info">
          {view.access === 'public'
            ? t('detail.publicTeaser')
            : t('detail.teaser', { level: t(`levels.${view.withheld.details ?? 'nda'}`) })}
        </Alert>
      )}

      <p className="text-lg whitespace-pre-wrap text-slate-800">{view.summary}</p>

      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading" className="mb-2 text-lg font-semibold">
          {t('detail.facts')}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[max-content_1fr]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-700">{label}</dt>
              <dd className="text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      {view.keywords.length > 0 && (
        <section aria-labelledby="keywords-heading">
          <h2 id="keywords-heading" className="mb-2 text-lg font-semibold">
            {t('fields.keywords')}
          </h2>
          <ul className="flex flex-wrap gap-1.5">
            {view.keywords.map((k) => (
              <li key={k}>
                <Badge>{k}</Badge>
              </li>
            ))}
          </ul>
        </section>
      )}

      {view.kind === 'seed' && view.advantages && (
        <section aria-labelledby="advantages-heading">
          <h2 id="advantages-heading" className="mb-2 text-lg font-semibold">
            {t('fields.advantages')}
          </h2>
          <p className="whitespace-pre-wrap">{view.advantages}</p>
        </section>
      )}

      {view.access !== 'public' && (
        <section aria-labelledby="details-heading">
          <h2 id="details-heading" className="mb-2 text-lg font-semibold">
            {t('detail.details')}
          </h2>
          {view.details != null ? (
            <p className="whitespace-pre-wrap">{view.details || t('detail.notGiven')}</p>
          ) : (
            <p className="text-slate-700">{withheld(view.withheld.details ?? 'nda')}</p>
          )}
        </section>
      )}

      {view.kind === 'seed' && view.ipRecords.length > 0 && (
        <section aria-labelledby="ip-heading">
          <h2 id="ip-heading" className="mb-2 text-lg font-semibold">
            {t('detail.ipRecords')}
          </h2>
          <ul className="flex flex-col gap-2">
            {view.ipRecords.map((r, i) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: a list rendered afresh, never reordered; the position is its identity
                key={i}
                className="rounded-md border border-slate-200 bg-white p-3"
              >
                <p className="font-medium">{r.title ?? t('detail.titleHidden')}</p>
                <p className="text-sm text-slate-700">
                  {r.jurisdiction} · {t(`ipStatus.${r.status}`)} · {t('detail.number')}:{' '}
                  {r.number ?? t('detail.numberHidden')}
                  {r.filedOn && <> · {t('detail.filed', { date: dayOf(r.filedOn) })}</>}
                  {r.grantedOn && <> · {t('detail.granted', { date: dayOf(r.grantedOn) })}</>}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {view.access !== 'public' && (
        <section aria-labelledby="contact-heading">
          <h2 id="contact-heading" className="mb-2 text-lg font-semibold">
            {t('detail.contact')}
          </h2>
          {view.contact ? (
            <p>
              {view.contact.name} ·{' '}
              <a href={`mailto:${view.contact.email}`} className="text-teal-800 underline">
                {view.contact.email}
              </a>
              {view.contact.phone && <> · {view.contact.phone}</>}
            </p>
          ) : (
            <p className="text-slate-700">{t('detail.contactHidden')}</p>
          )}
        </section>
      )}
    </article>
  );
}
