import 'server-only';
import type { Db } from '@/db';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { toExcelCsv } from '@/lib/export/csv';
import { byKey, translatorFor } from '@/lib/i18n/formatter';
import { surveyAreas, surveyInnovations, surveyScale } from '@/db/vocabulary/programme';
import { roundResults } from './office';

const twoPlaces = (value: number | null) => (value === null ? '' : (Math.round(value * 100) / 100).toFixed(2));

/**
 * A round's results as CSV for Excel (issue 14 items 6 and 8), one figure a row — question, measure, value —
 * labels in the viewer's language: the response rate, each area's distribution and means, the innovation
 * effects, and the answers that disagree with the records.
 */
export async function exportSurveyCsv(db: Db, viewer: Viewer, roundId: string): Promise<string> {
  const data = await roundResults(db, viewer, roundId);
  if (!data) throw new AppError('not_found');
  const t = byKey(translatorFor(viewer));
  const { round, results: r } = data;
  const cluster = viewer.locale === 'ja' ? round.clusterNameJa : round.clusterNameEn;
  const rows: unknown[][] = [
    [t('survey.results.round'), '', round.title],
    [t('survey.office.fields.cluster'), '', cluster],
    [t('survey.office.fields.opensOn'), '', round.opensOn],
    [t('survey.office.fields.closesOn'), '', round.closesOn],
    [t('survey.results.responseRate'), t('survey.results.eligible'), r.eligible],
    [t('survey.results.responseRate'), t('survey.results.responded'), r.responded],
    [t('survey.results.responseRate'), t('survey.results.rate'), r.rate === null ? '' : twoPlaces(r.rate * 100)],
  ];
  for (const area of surveyAreas) {
    const q = t(`survey.questions.areas.${area}`);
    const a = r.areas[area];
    surveyScale.forEach((s, i) => {
      const rating = t(`survey.questions.scale.${s}`);
      rows.push([q, `${t('survey.results.before')}: ${rating}`, a.before[i]]);
    });
    surveyScale.forEach((s, i) => {
      const rating = t(`survey.questions.scale.${s}`);
      rows.push([q, `${t('survey.results.after')}: ${rating}`, a.after[i]]);
    });
    rows.push([q, t('survey.results.meanBefore'), twoPlaces(a.meanBefore)]);
    rows.push([q, t('survey.results.meanAfter'), twoPlaces(a.meanAfter)]);
    rows.push([q, t('survey.results.meanChange'), twoPlaces(a.meanChange)]);
  }
  for (const item of surveyInnovations) {
    const q = t(`survey.questions.innovation.${item}`);
    const i = r.innovation[item];
    rows.push([q, t('survey.results.answeredYes'), i.yes]);
    if (i.count !== null) rows.push([q, t('survey.results.countTotal'), i.count]);
  }
  for (const { organisation, differences } of data.disagreements)
    for (const d of differences)
      rows.push([
        t('survey.results.disagreements'),
        `${viewer.locale === 'ja' ? organisation.nameJa : organisation.nameEn} — ${t(`survey.questions.innovation.${d.item}`)}`,
        `${d.answered.yes ? (d.answered.count ?? t('survey.results.yes')) : t('survey.results.no')} / ${t('survey.results.recorded')}: ${d.recorded}`,
      ]);
  return toExcelCsv([t('survey.results.question'), t('survey.results.measure'), t('survey.results.value')], rows);
}
