import { organisationKinds } from '@/db/vocabulary/accounts';
import { outcomeKinds, type PlanTargetKpi } from '@/db/vocabulary/programme';
import { funnelSteps, type HeadlineKind, headlineKinds, type KpiFigures } from './kpis';

// The KPI table, defined once: the dashboard shows it and the CSV export writes it (issue 14 items 4 and 8).

/** A count, a number of days, a share (0–1) of participating firms, or yen. */
type KpiFormat = 'count' | 'days' | 'share' | 'yen';

export type KpiRow = {
  key: string;
  /** Message key and parameters of the row's label (parameters that are keys start with '@'). */
  label: { key: string; values?: Record<string, string> };
  format: KpiFormat;
  value: (f: KpiFigures) => number | null;
};

const share = (kind: HeadlineKind) => (f: KpiFigures) => (f.firms ? f.firmsWith[kind] / f.firms : null);

export const kpiRows: readonly KpiRow[] = [
  {
    key: 'organisations',
    label: { key: 'programme.kpi.organisations' },
    format: 'count',
    value: (f) => f.organisationsTotal,
  },
  ...organisationKinds.map(
    (kind): KpiRow => ({
      key: `organisations.${kind}`,
      label: { key: 'programme.kpi.organisationsOfKind', values: { kind: `@orgKinds.${kind}` } },
      format: 'count',
      value: (f) => f.organisations[kind],
    }),
  ),
  { key: 'needsPosted', label: { key: 'programme.kpi.needsPosted' }, format: 'count', value: (f) => f.needsPosted },
  { key: 'seedsPosted', label: { key: 'programme.kpi.seedsPosted' }, format: 'count', value: (f) => f.seedsPosted },
  ...funnelSteps.map(
    (step): KpiRow => ({
      key: `funnel.${step}`,
      label: { key: `programme.kpi.funnel.${step}` },
      format: 'count',
      value: (f) => f.funnel[step],
    }),
  ),
  {
    key: 'medianDaysToIntroduction',
    label: { key: 'programme.kpi.medianDays' },
    format: 'days',
    value: (f) => f.medianDaysToIntroduction,
  },
  { key: 'ndas', label: { key: 'programme.kpi.ndas' }, format: 'count', value: (f) => f.ndas },
  { key: 'stalled', label: { key: 'programme.kpi.stalled' }, format: 'count', value: (f) => f.stalled },
  {
    key: 'fundingApproved',
    label: { key: 'programme.kpi.fundingApproved' },
    format: 'count',
    value: (f) => f.fundingApproved,
  },
  {
    key: 'fundingApprovedJpy',
    label: { key: 'programme.kpi.fundingApprovedJpy' },
    format: 'yen',
    value: (f) => f.fundingApprovedJpy,
  },
  ...outcomeKinds.map(
    (kind): KpiRow => ({
      key: `outcomes.${kind}`,
      label: { key: 'programme.kpi.outcomeOfKind', values: { kind: `@outcomes.kinds.${kind}` } },
      format: 'count',
      value: (f) => f.outcomes[kind],
    }),
  ),
  {
    key: 'venturesCumulative',
    label: { key: 'programme.kpi.venturesCumulative' },
    format: 'count',
    value: (f) => f.venturesCumulative,
  },
  { key: 'firms', label: { key: 'programme.kpi.firms' }, format: 'count', value: (f) => f.firms },
  ...headlineKinds.map(
    (kind): KpiRow => ({
      key: `share.${kind}`,
      label: { key: `programme.kpi.share.${kind}` },
      format: 'share',
      value: share(kind),
    }),
  ),
];

type Translate = (key: string, values?: Record<string, string>) => string;

/** A row's label in the reader's language (its '@' parameters translated first). */
export function kpiLabel(t: Translate, row: KpiRow): string {
  const values = Object.fromEntries(
    Object.entries(row.label.values ?? {}).map(([k, v]) => [k, v.startsWith('@') ? t(v.slice(1)) : v]),
  );
  return t(row.label.key, values);
}

/** A figure as a CSV cell Excel reads as a number: counts as they are, days to one decimal, shares as 33.3%. */
export function kpiCsvCell(row: KpiRow, f: KpiFigures): string | number {
  const v = row.value(f);
  if (v === null) return '';
  if (row.format === 'share') return `${Math.round(v * 1000) / 10}%`;
  return v;
}

/** The KPI row each target of a cluster plan is measured by (issue 14 item 1). */
const planTargetRowKeys: Record<PlanTargetKpi, string> = {
  organisations: 'organisations',
  needsPosted: 'needsPosted',
  seedsPosted: 'seedsPosted',
  introduced: 'funnel.introduced',
  agreements: 'funnel.agreement',
  ndas: 'ndas',
  jointRd: 'outcomes.joint_rd_started',
  partnerships: 'outcomes.partnership_formed',
  newBusinesses: 'outcomes.new_business_launched',
  ventures: 'venturesCumulative',
  sharePartnership: 'share.partnership_formed',
  shareNewBusiness: 'share.new_business_launched',
  shareRevamp: 'share.managerial_revamp',
};

/** The figure a plan's target is compared with: the KPI row's value, shares in per cent (one decimal). */
export function planActual(kpi: PlanTargetKpi, f: KpiFigures): number | null {
  const row = kpiRows.find((r) => r.key === planTargetRowKeys[kpi]);
  const v = row?.value(f) ?? null;
  if (v === null || row?.format !== 'share') return v;
  return Math.round(v * 1000) / 10;
}
