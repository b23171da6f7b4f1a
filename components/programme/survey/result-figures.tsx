import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ChartFigure, type FigureTable } from '@/components/programme/chart-figure';
import { groupedBarSvg } from '@/components/programme/charts';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import type { Disagreement, SurveyResults } from '@/lib/programme/survey/rules';
import { surveyAreas, surveyInnovations, surveyScale } from '@/db/vocabulary/programme';

type Props = {
  results: SurveyResults;
  disagreements: { organisation: { id: string; nameJa: string; nameEn: string }; differences: Disagreement[] }[];
  /** h2 on the results page; h4 under a round's heading in the printable report. */
  headingLevel?: 2 | 4;
  /** Unique per round on a page that shows several. */
  idPrefix?: string;
};

/**
 * A survey round's results (issue 14 item 6): the response rate, the mean rating of each area before and
 * after, each area's distribution, the innovation effects answered, and where answers and records differ.
 * Every chart with its table; used by the results page and the printable report.
 */
export async function SurveyResultFigures({ results, disagreements, headingLevel = 2, idPrefix = 'survey' }: Props) {
  const H = headingLevel === 2 ? 'h2' : 'h4';
  const heading = headingLevel === 2 ? 'text-xl font-semibold' : 'text-base font-semibold';
  const [t, tq, format, locale] = await Promise.all([
    getTranslations('survey.results'),
    getTranslations('survey.questions'),
    getFormatter(),
    getLocale(),
  ]);
  const n = (value: number) => format.number(value);
  const mean = (value: number | null) =>
    value === null ? t('none') : format.number(value, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const change = (value: number | null) =>
    value === null
      ? t('none')
      : format.number(value, { maximumFractionDigits: 2, minimumFractionDigits: 2, signDisplay: 'exceptZero' });
  const percent = (value: number | null) =>
    value === null ? t('none') : format.number(value, { style: 'percent', maximumFractionDigits: 1 });
  const area = (a: (typeof surveyAreas)[number]) => tq(`areas.${a}`);
  const before = t('before');
  const after = t('after');
  const r = results;

  const meansTable: FigureTable = {
    headers: [t('area'), t('meanBefore'), t('meanAfter'), t('meanChange')],
    rows: surveyAreas.map((a) => ({
      label: area(a),
      cells: [mean(r.areas[a].meanBefore), mean(r.areas[a].meanAfter), change(r.areas[a].meanChange)],
    })),
  };
  const answered = (d: Disagreement) =>
    d.answered.yes ? (d.answered.count === null ? t('yes') : t('yesCount', { count: d.answered.count })) : t('no');

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby={`${idPrefix}-rate`} className="flex flex-col gap-2">
        <H id={`${idPrefix}-rate`} className={heading}>
          {t('responseRate')}
        </H>
        <p className="text-2xl font-semibold text-slate-900">
          {t('rateValue', { rate: percent(r.rate), responded: n(r.responded), eligible: n(r.eligible) })}
        </p>
      </section>
      {r.responded === 0 ? (
        <EmptyState title={t('noAnswers')} text={t('noAnswersHint')} />
      ) : (
        <>
          <ChartFigure
            title={t('means')}
            alt={t('chartAlt')}
            svg={groupedBarSvg(
              surveyAreas.map(area),
              [
                { name: before, data: surveyAreas.map((a) => round2(r.areas[a].meanBefore)) },
                { name: after, data: surveyAreas.map((a) => round2(r.areas[a].meanAfter)) },
              ],
              { horizontal: true, max: 5 },
            )}
            table={meansTable}
          />
          <section aria-labelledby={`${idPrefix}-distributions`} className="flex flex-col gap-3">
            <H id={`${idPrefix}-distributions`} className={heading}>
              {t('distributions')}
            </H>
            <div className="grid gap-6 xl:grid-cols-2">
              {surveyAreas.map((a) => (
                <ChartFigure
                  key={a}
                  title={t('distributionOf', { area: area(a), change: change(r.areas[a].meanChange) })}
                  alt={t('chartAlt')}
                  svg={groupedBarSvg(
                    surveyScale.map((s) => tq(`scale.${s}`)),
                    [
                      { name: before, data: r.areas[a].before },
                      { name: after, data: r.areas[a].after },
                    ],
                  )}
                  table={{
                    headers: [t('rating'), before, after],
                    rows: surveyScale.map((s, i) => ({
                      label: tq(`scale.${s}`),
                      cells: [n(r.areas[a].before[i]), n(r.areas[a].after[i])],
                    })),
                  }}
                />
              ))}
            </div>
          </section>
          <section aria-labelledby={`${idPrefix}-innovation`} className="flex flex-col gap-3 break-inside-avoid">
            <H id={`${idPrefix}-innovation`} className={heading}>
              {t('innovation')}
            </H>
            <Table caption={t('innovation')} captionHidden>
              <THead>
                <Tr>
                  <Th>{t('question')}</Th>
                  <Th className="text-right">{t('answeredYes')}</Th>
                  <Th className="text-right">{t('shareYes')}</Th>
                  <Th className="text-right">{t('countTotal')}</Th>
                </Tr>
              </THead>
              <TBody>
                {surveyInnovations.map((item) => (
                  <Tr key={item}>
                    <Th scope="row" className="font-medium whitespace-normal">
                      {tq(`innovation.${item}`)}
                    </Th>
                    <Td className="text-right tabular-nums">{n(r.innovation[item].yes)}</Td>
                    <Td className="text-right tabular-nums">{percent(r.innovation[item].share)}</Td>
                    <Td className="text-right tabular-nums">
                      {r.innovation[item].count === null ? t('none') : n(r.innovation[item].count)}
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </section>
        </>
      )}
      <section aria-labelledby={`${idPrefix}-disagreements`} className="flex flex-col gap-3 break-inside-avoid">
        <H id={`${idPrefix}-disagreements`} className={heading}>
          {t('disagreements')}
        </H>
        <p className="text-slate-700">{t('disagreementsIntro')}</p>
        {disagreements.length ? (
          <Table caption={t('disagreements')} captionHidden>
            <THead>
              <Tr>
                <Th>{t('organisation')}</Th>
                <Th>{t('question')}</Th>
                <Th>{t('answered')}</Th>
                <Th className="text-right">{t('recorded')}</Th>
              </Tr>
            </THead>
            <TBody>
              {disagreements.flatMap(({ organisation, differences }) =>
                differences.map((d) => (
                  <Tr key={`${organisation.id}-${d.item}`}>
                    <Td className="whitespace-normal">{locale === 'ja' ? organisation.nameJa : organisation.nameEn}</Td>
                    <Td className="whitespace-normal">{tq(`innovation.${d.item}`)}</Td>
                    <Td>{answered(d)}</Td>
                    <Td className="text-right tabular-nums">{n(d.recorded)}</Td>
                  </Tr>
                )),
              )}
            </TBody>
          </Table>
        ) : (
          <p className="font-medium">{t('noDisagreements')}</p>
        )}
      </section>
    </div>
  );
}

const round2 = (value: number | null) => (value === null ? 0 : Math.round(value * 100) / 100);
