import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { hrefWith } from '@/components/lists/filter-form';
import { DashboardFilters } from '@/components/programme/dashboard-filters';
import { ChartFigure } from '@/components/programme/chart-figure';
import { horizontalBarSvg } from '@/components/programme/charts';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePermission } from '@/lib/auth/guard';
import { calendarDay } from '@/lib/i18n/time-zone';
import { firstValues } from '@/lib/lists/params';
import { prefectureName } from '@/lib/prefectures';
import { programmeFairness } from '@/lib/programme/dashboard';
import { FAIRNESS_MIN_POSTED, type FairnessDimension, fairnessDimensions } from '@/lib/programme/fairness';
import { dashboardFiltersSchema } from '@/lib/programme/validation';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('programme.fairness'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Fairness and coverage (issue 14 item 7): who gets introduced and who does not, by group, with the groups
 * well below the overall rate flagged. The dashboard's filters and scope (admin: every cluster; coordinator:
 * theirs); each chart has its table.
 */
export default async function FairnessPage({ searchParams }: Props) {
  const viewer = await requirePermission('programme.dashboard');
  const filters = dashboardFiltersSchema.parse(firstValues(await searchParams));
  const [d, t, td, tr, format, locale] = await Promise.all([
    programmeFairness(viewer, filters),
    getTranslations('programme.fairness'),
    getTranslations('programme.dashboard'),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const name = (c: { nameJa: string; nameEn: string }) => (locale === 'ja' ? c.nameJa : c.nameEn);
  const link = 'font-medium text-teal-800 underline underline-offset-2 hover:text-teal-900';
  const query = {
    cluster: d.cluster ?? undefined,
    from: d.scope.from,
    to: d.scope.to,
    domain: d.scope.domain ?? undefined,
  };
  const header = (
    <div>
      <p>
        <a href={hrefWith('/programme', query)} className={link}>
          {t('back')}
        </a>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-slate-700">{t('intro', { min: FAIRNESS_MIN_POSTED })}</p>
    </div>
  );
  if (!d.clusters.length) {
    return (
      <div className="flex flex-col gap-6">
        {header}
        <EmptyState title={td('noClusters')} text={td('noClustersHint')} />
      </div>
    );
  }

  const shown = d.clusters.filter((c) => d.scope.clusterIds.includes(c.id));
  const day = (value: string) => format.dateTime(calendarDay(value), 'day');
  const period = d.scope.domain
    ? td('periodDomain', { from: day(d.scope.from), to: day(d.scope.to), domain: tr(`domains.${d.scope.domain}`) })
    : td('period', { from: day(d.scope.from), to: day(d.scope.to) });
  const scopeText = d.cluster
    ? td('scopeOne', { cluster: name(shown[0]) })
    : viewer.role === 'admin'
      ? td('scopeAll')
      : td('scopeMine', { clusters: format.list(shown.map(name)) });
  const percent = (rate: number) => format.number(rate, { style: 'percent', maximumFractionDigits: 1 });
  const count = (n: number) => format.number(n);
  const o = d.report.overall;
  const groupName = (dimension: FairnessDimension, key: string) => {
    if (key === '') return t('unknown');
    if (dimension === 'size') return t('band', { band: key });
    if (dimension === 'prefecture') return prefectureName(key, locale);
    if (dimension === 'domain') return tr(`domains.${key}` as never);
    if (dimension === 'kind') return tr(`orgKinds.${key}` as never);
    return t(`languages.${key}` as never);
  };

  return (
    <div className="flex flex-col gap-6">
      {header}
      <DashboardFilters action="/programme/fairness" clusters={d.clusters} cluster={d.cluster} scope={d.scope} />

      <p className="text-slate-700">
        {scopeText} · {period}
        <br />
        {o.rate === null
          ? t('overallNone')
          : t('overall', {
              posted: count(o.posted),
              matched: count(o.matched),
              introduced: count(o.introduced),
              rate: percent(o.rate),
            })}
      </p>

      <div className="grid gap-6 xl:grid-cols-2">
        {fairnessDimensions.map((dimension) => {
          const groups = d.report.dimensions[dimension];
          const labels = groups.map((g) => groupName(dimension, g.key));
          return (
            <ChartFigure
              key={dimension}
              title={t(`dimensions.${dimension}`)}
              alt={t('chartAlt')}
              svg={horizontalBarSvg(
                labels,
                groups.map((g) => Math.round(g.rate * 1000) / 10),
              )}
              table={{
                headers: [t('group'), t('posted'), t('matched'), t('introduced'), t('rate'), t('flag')],
                rows: groups.map((g, i) => ({
                  label: labels[i],
                  cells: [
                    count(g.posted),
                    count(g.matched),
                    count(g.introduced),
                    percent(g.rate),
                    g.flagged ? t('flagged') : '—',
                  ],
                })),
              }}
            >
              {groups.length === 0 && <p className="text-sm text-slate-700">{t('noGroups')}</p>}
            </ChartFigure>
          );
        })}
      </div>
    </div>
  );
}
