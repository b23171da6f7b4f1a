import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { hrefWith } from '@/components/lists/filter-form';
import { KpiTable, TargetsTable } from '@/components/programme/figure-tables';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/guard';
import { calendarDay, calendarDayIn } from '@/lib/i18n/time-zone';
import { firstValues } from '@/lib/lists/params';
import { SurveyResultFigures } from '@/components/programme/survey/result-figures';
import { getDb } from '@/db';
import { programmeDashboard } from '@/lib/programme/dashboard';
import { roundResults, roundsEndingIn } from '@/lib/programme/survey/office';
import { funnelSteps } from '@/lib/programme/kpis';
import { dashboardFiltersSchema } from '@/lib/programme/validation';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('programme.report'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The programme report for a cluster (or the viewer's clusters) and a period, made to print (issue 14
 * item 8): the same figures and scope as the dashboard, as tables only; the site header is not printed.
 */
export default async function ProgrammeReportPage({ searchParams }: Props) {
  const viewer = await requirePermission('programme.dashboard');
  const filters = dashboardFiltersSchema.parse(firstValues(await searchParams));
  const [d, t, td, tr, format, locale] = await Promise.all([
    programmeDashboard(viewer, filters),
    getTranslations('programme.report'),
    getTranslations('programme.dashboard'),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const name = (c: { nameJa: string; nameEn: string }) => (locale === 'ja' ? c.nameJa : c.nameEn);
  if (!d.clusters.length) return <EmptyState title={td('noClusters')} text={td('noClustersHint')} />;
  const shown = d.clusters.filter((c) => d.scope.clusterIds.includes(c.id));
  const day = (value: string) => format.dateTime(calendarDay(value), 'day');
  const period = d.scope.domain
    ? td('periodDomain', { from: day(d.scope.from), to: day(d.scope.to), domain: tr(`domains.${d.scope.domain}`) })
    : td('period', { from: day(d.scope.from), to: day(d.scope.to) });
  const scopeText = d.cluster ? name(shown[0]) : format.list(shown.map(name));
  const columns = [
    { key: 'overall', label: td('overall'), f: d.kpis.overall },
    ...(shown.length > 1 ? shown.map((c) => ({ key: c.id, label: name(c), f: d.kpis.byCluster[c.id] })) : []),
  ];
  const query = {
    cluster: d.cluster ?? undefined,
    from: d.scope.from,
    to: d.scope.to,
    domain: d.scope.domain ?? undefined,
  };
  const link = 'font-medium text-teal-800 underline underline-offset-2 hover:text-teal-900';
  const db = await getDb();
  const rounds = await roundsEndingIn(db, viewer, d.scope.clusterIds, d.scope.from, d.scope.to);
  const surveys = (await Promise.all(rounds.map((r) => roundResults(db, viewer, r.id)))).filter((r) => r !== null);
  return (
    <article className="flex flex-col gap-6 print:gap-4 print:text-black print:[&_[role=region]]:overflow-visible">
      <p className="print:hidden">
        <a href={hrefWith('/programme', query)} className={link}>
          {t('back')}
        </a>
        <span className="ml-3 text-slate-700">{t('printHint')}</span>
      </p>
      <header>
        <h1 className="text-2xl font-semibold">{t('heading', { scope: scopeText })}</h1>
        <p className="mt-2 text-slate-700">
          {period} · {t('prepared', { day: day(calendarDayIn(new Date(), viewer.timeZone)) })}
        </p>
      </header>
      <section aria-labelledby="report-funnel" className="flex flex-col gap-2 break-inside-avoid">
        <h2 id="report-funnel" className="text-xl font-semibold">
          {td('funnel')}
        </h2>
        <Table caption={td('funnel')} captionHidden>
          <THead>
            <Tr>
              <Th>{td('step')}</Th>
              {columns.map((c) => (
                <Th key={c.key} className="text-right">
                  {c.label}
                </Th>
              ))}
            </Tr>
          </THead>
          <TBody>
            {funnelSteps.map((step) => (
              <Tr key={step}>
                <Th scope="row" className="font-medium">
                  {tr(`programme.funnelSteps.${step}`)}
                </Th>
                {columns.map((c) => (
                  <Td key={c.key} className="text-right tabular-nums">
                    {format.number(c.f.funnel[step])}
                  </Td>
                ))}
              </Tr>
            ))}
          </TBody>
        </Table>
      </section>
      <section aria-labelledby="report-targets" className="flex flex-col gap-2 break-inside-avoid">
        <h2 id="report-targets" className="text-xl font-semibold">
          {td('targets')}
        </h2>
        {!d.targets ? (
          <p className="text-slate-700">{t('targetsOneCluster')}</p>
        ) : d.targets.version === null ? (
          <p className="text-slate-700">{td('targetsNoPlan')}</p>
        ) : (
          <>
            <p className="text-slate-700">{td('targetsIntro', { version: d.targets.version })}</p>
            <TargetsTable targets={d.targets} clusterName={name(shown[0])} />
          </>
        )}
      </section>
      <section aria-labelledby="report-kpis" className="flex flex-col gap-2">
        <h2 id="report-kpis" className="text-xl font-semibold">
          {td('kpis')}
        </h2>
        <KpiTable caption={`${td('kpis')} — ${scopeText} · ${period}`} columns={columns} />
      </section>
      <section aria-labelledby="report-surveys" className="flex flex-col gap-4">
        <h2 id="report-surveys" className="text-xl font-semibold">
          {tr('survey.report.heading')}
        </h2>
        {surveys.length ? (
          surveys.map(({ round, results, disagreements }) => (
            <section key={round.id} aria-label={round.title} className="flex flex-col gap-3">
              <h3 className="text-lg font-semibold">
                {tr('survey.report.round', {
                  title: round.title,
                  cluster: name({ nameJa: round.clusterNameJa, nameEn: round.clusterNameEn }),
                  from: day(round.opensOn),
                  to: day(round.closesOn),
                })}
              </h3>
              <SurveyResultFigures
                results={results}
                disagreements={disagreements}
                headingLevel={4}
                idPrefix={`survey-${round.id}`}
              />
            </section>
          ))
        ) : (
          <p className="text-slate-700">{tr('survey.report.none')}</p>
        )}
      </section>
    </article>
  );
}
