import 'server-only';
import type { Viewer } from '@/lib/auth/policy';
import { toExcelCsv } from '@/lib/export/csv';
import { byKey, translatorFor } from '@/lib/i18n/formatter';
import { programmeDashboard } from './dashboard';
import { kpiCsvCell, kpiLabel, kpiRows } from './kpi-table';
import type { DashboardFilters } from './validation';

/**
 * The dashboard's indicator table as CSV for Excel (issue 14 item 8): the same rows, figures and scope as
 * the page, labels in the viewer's language, one column for all shown clusters and one per cluster.
 */
export async function exportKpisCsv(viewer: Viewer, filters: DashboardFilters): Promise<string> {
  const d = await programmeDashboard(viewer, filters);
  const translate = byKey(translatorFor(viewer));
  const shown = d.clusters.filter((c) => d.scope.clusterIds.includes(c.id));
  const columns = [
    { label: translate('programme.dashboard.overall'), f: d.kpis.overall },
    ...shown.map((c) => ({ label: viewer.locale === 'ja' ? c.nameJa : c.nameEn, f: d.kpis.byCluster[c.id] })),
  ];
  const headers = [
    translate('programme.dashboard.indicator'),
    translate('programme.dashboard.from'),
    translate('programme.dashboard.to'),
    translate('programme.dashboard.domain'),
    ...columns.map((c) => c.label),
  ];
  const domain = d.scope.domain ? translate(`domains.${d.scope.domain}`) : translate('programme.dashboard.allDomains');
  const rows = kpiRows.map((row) => [
    kpiLabel(translate, row),
    d.scope.from,
    d.scope.to,
    domain,
    ...columns.map((c) => kpiCsvCell(row, c.f)),
  ]);
  return toExcelCsv(headers, rows);
}
