import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { hrefWith } from '@/components/lists/filter-form';
import { DashboardFilters } from '@/components/programme/dashboard-filters';
import { ChartFigure, type FigureTable } from '@/components/programme/chart-figure';
import { KpiTable, TargetsTable } from '@/components/programme/figure-tables';
import { horizontalBarSvg, monthlyLinesSvg } from '@/components/programme/charts';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/policy';
import { calendarDay } from '@/lib/i18n/time-zone';
import { firstValues } from '@/lib/lists/params';
import { programmeDashboard } from '@/lib/programme/dashboard';
import { funnelSteps, headlineKinds } from '@/lib/programme/kpis';
import { dashboardFiltersSchema } from '@/lib/programme/validation';
import { outcomeKinds } from '@/db/vocabulary/programme';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('programme.dashboard'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The programme office's and coordinators' dashboard: one page, its figures scoped to the viewer's clusters. */
export default async function ProgrammePage({ searchParams }: Props) {
  const viewer = await requirePermission('programme.dashboard');
  const filters = dashboardFiltersSchema.parse(firstValues(await searchParams));
  const [d, t, tr, format, locale] = await Promise.all([
    programmeDashboard(viewer, filters),
    getTranslations('programme.dashboard'),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const name = (c: { nameJa: string; nameEn: string }) => (locale === 'ja' ? c.nameJa : c.nameEn);
  const count = (n: number) => format.number(n);

  const header = (
    <div>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-slate-700">{t('intro')}</p>
    </div>
  );
  if (!d.clusters.length) {
    return (
      <div className="flex flex-col gap-6">
        {header}
        <EmptyState title={t('noClusters')} text={t('noClustersHint')} />
      </div>
    );
  }

  const shown = d.clusters.filter((c) => d.scope.clusterIds.includes(c.id));
  const columns = [
    { key: 'overall', label: t('overall'), f: d.kpis.overall },
    ...(shown.length > 1 ? shown.map((c) => ({ key: c.id, label: name(c), f: d.kpis.byCluster[c.id] })) : []),
  ];
  const day = (value: string) => format.dateTime(calendarDay(value), 'day');
  const period = d.scope.domain
    ? t('periodDomain', { from: day(d.scope.from), to: day(d.scope.to), domain: tr(`domains.${d.scope.domain}`) })
    : t('period', { from: day(d.scope.from), to: day(d.scope.to) });
  const scopeText = d.cluster
    ? t('scopeOne', { cluster: name(shown[0]) })
    : viewer.role === 'admin'
      ? t('scopeAll')
      : t('scopeMine', { clusters: format.list(shown.map(name)) });
  const o = d.kpis.overall;
  const query = {
    cluster: d.cluster ?? undefined,
    from: d.scope.from,
    to: d.scope.to,
    domain: d.scope.domain ?? undefined,
  };

  const mayPlan = can(viewer, 'programme.plans');
  const link = 'font-medium text-teal-800 underline underline-offset-2 hover:text-teal-900';
  const targets = d.targets;

  const funnelTable: FigureTable = {
    headers: [t('step'), ...columns.map((c) => c.label)],
    rows: funnelSteps.map((step) => ({
      label: tr(`programme.funnelSteps.${step}`),
      cells: columns.map((c) => count(c.f.funnel[step])),
    })),
  };
  const trendSeries = [...funnelSteps, 'results' as const].map((key) => ({
    key,
    name: key === 'results' ? t('results') : tr(`programme.funnelSteps.${key}`),
  }));
  const monthLabel = (month: string) =>
    format.dateTime(calendarDay(`${month}-01`), { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const trendTable: FigureTable = {
    headers: [t('month'), ...trendSeries.map((s) => s.name)],
    rows: d.trend.map((point) => ({
      label: monthLabel(point.month),
      cells: trendSeries.map((s) => count(point[s.key])),
    })),
  };
  const outcomesTable: FigureTable = {
    headers: [t('kind'), ...columns.map((c) => c.label)],
    rows: outcomeKinds.map((kind) => ({
      label: tr(`outcomes.kinds.${kind}`),
      cells: columns.map((c) => count(c.f.outcomes[kind])),
    })),
  };

  const headline = [
    { key: 'organisations', label: tr('programme.kpi.organisations'), value: count(o.organisationsTotal) },
    { key: 'introduced', label: tr('programme.kpi.funnel.introduced'), value: count(o.funnel.introduced) },
    { key: 'agreement', label: tr('programme.kpi.funnel.agreement'), value: count(o.funnel.agreement) },
    { key: 'ventures', label: tr('programme.kpi.venturesCumulative'), value: count(o.venturesCumulative) },
    ...headlineKinds.map((kind) => ({
      key: kind,
      label: tr(`programme.kpi.share.${kind}`),
      value: o.firms
        ? t('shareOf', {
            share: format.number(o.firmsWith[kind] / o.firms, { style: 'percent', maximumFractionDigits: 1 }),
            count: count(o.firmsWith[kind]),
            total: count(o.firms),
          })
        : t('noFirms'),
    })),
  ];

  return (
    <div className="flex flex-col gap-6">
      {header}
      <DashboardFilters action="/programme" clusters={d.clusters} cluster={d.cluster} scope={d.scope} />

      <section aria-labelledby="programme-headline" className="flex flex-col gap-3">
        <h2 id="programme-headline" className="text-xl font-semibold">
          {t('headline')}
        </h2>
        <p className="text-slate-700">
          {scopeText} · {period}
        </p>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {headline.map((item) => (
            <div key={item.key} className="flex flex-col gap-1 rounded-lg border border-slate-200 bg-white p-4">
              <dt className="text-sm font-medium text-slate-700">{item.label}</dt>
              <dd className="text-2xl font-semibold text-slate-900">{item.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <div className="grid gap-6 xl:grid-cols-2">
        <ChartFigure
          title={t('funnel')}
          alt={t('funnelAlt')}
          svg={horizontalBarSvg(
            funnelSteps.map((step) => tr(`programme.funnelSteps.${step}`)),
            funnelSteps.map((step) => o.funnel[step]),
          )}
          table={funnelTable}
        />
        <ChartFigure
          title={t('outcomes')}
          alt={t('outcomesAlt')}
          svg={horizontalBarSvg(
            outcomeKinds.map((kind) => tr(`outcomes.kinds.${kind}`)),
            outcomeKinds.map((kind) => o.outcomes[kind]),
          )}
          table={outcomesTable}
        />
      </div>
      <ChartFigure
        title={t('trend')}
        alt={t('trendAlt')}
        svg={monthlyLinesSvg(
          d.trend.map((p) => monthLabel(p.month)),
          trendSeries.map((s) => ({ name: s.name, data: d.trend.map((p) => p[s.key]) })),
        )}
        table={trendTable}
      />

      <section aria-labelledby="programme-targets" className="flex flex-col gap-3">
        <h2 id="programme-targets" className="text-xl font-semibold">
          {t('targets')}
        </h2>
        {!targets ? (
          <>
            <p className="text-slate-700">{t('targetsChooseCluster')}</p>
            {mayPlan && (
              <ul className="flex flex-wrap gap-x-6 gap-y-2">
                {shown.map((c) => (
                  <li key={c.id}>
                    <a href={`/programme/plans/${c.id}`} className={link}>
                      {tr('programme.plans.link', { cluster: name(c) })}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <>
            <p className="text-slate-700">
              {targets.version === null ? t('targetsNoPlan') : t('targetsIntro', { version: targets.version })}{' '}
              {mayPlan && (
                <a href={`/programme/plans/${targets.clusterId}`} className={link}>
                  {tr('programme.plans.link', { cluster: name(shown[0]) })}
                </a>
              )}
            </p>
            <TargetsTable targets={targets} clusterName={name(shown[0])} />
          </>
        )}
      </section>

      <section aria-labelledby="programme-kpis" className="flex flex-col gap-3">
        <h2 id="programme-kpis" className="text-xl font-semibold">
          {t('kpis')}
        </h2>
        <p>
          <a
            href={hrefWith('/api/programme/export', query)}
            download
            className="font-medium text-teal-800 underline underline-offset-2 hover:text-teal-900"
          >
            {t('exportCsv')}
          </a>
          {' · '}
          <a href={hrefWith('/programme/report', query)} className={link}>
            {t('printableReport')}
          </a>
          {' · '}
          <a href={hrefWith('/programme/fairness', query)} className={link}>
            {tr('programme.fairness.link')}
          </a>
          {' · '}
          <a href="/programme/surveys" className={link}>
            {tr('survey.office.link')}
          </a>
        </p>
        <KpiTable caption={`${t('kpis')} — ${scopeText} · ${period}`} columns={columns} />
      </section>
    </div>
  );
}
