import 'server-only';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { calendarDay } from '@/lib/i18n/time-zone';
import type { programmeDashboard } from '@/lib/programme/dashboard';
import { kpiLabel, kpiRows, type KpiRow } from '@/lib/programme/kpi-table';
import type { KpiFigures } from '@/lib/programme/kpis';

// The indicator table and the plan's targets against actuals, shared by the dashboard and the printable
// report (issue 14 items 1, 5 and 8).

type Column = { key: string; label: string; f: KpiFigures };

/** Every indicator (kpiRows), one column per figure set (all shown, then each cluster). */
export async function KpiTable({ caption, columns }: { caption: string; columns: Column[] }) {
  const [t, tr, format] = await Promise.all([
    getTranslations('programme.dashboard'),
    getTranslations(),
    getFormatter(),
  ]);
  const translate = (key: string, values?: Record<string, string>) => tr(key, values);
  const cellOf = (row: KpiRow, f: KpiFigures) => {
    const v = row.value(f);
    if (v === null) return '—';
    if (row.format === 'share') return format.number(v, { style: 'percent', maximumFractionDigits: 1 });
    if (row.format === 'days') return format.number(v, { maximumFractionDigits: 1 });
    if (row.format === 'yen') return format.number(v, 'jpy');
    return format.number(v);
  };
  return (
    <Table caption={caption}>
      <THead>
        <Tr>
          <Th>{t('indicator')}</Th>
          {columns.map((c) => (
            <Th key={c.key} className="text-right">
              {c.label}
            </Th>
          ))}
        </Tr>
      </THead>
      <TBody>
        {kpiRows.map((row) => (
          <Tr key={row.key}>
            <Th scope="row" className="font-medium whitespace-normal">
              {kpiLabel(translate, row)}
            </Th>
            {columns.map((c) => (
              <Td key={c.key} className="text-right tabular-nums">
                {cellOf(row, c.f)}
              </Td>
            ))}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

type Targets = NonNullable<Awaited<ReturnType<typeof programmeDashboard>>['targets']>;

/** A cluster plan's targets beside each phase's actuals (nothing when the plan has no phases). */
export async function TargetsTable({ targets, clusterName }: { targets: Targets; clusterName: string }) {
  if (!targets.phases.length) return null;
  const [t, tr, format] = await Promise.all([
    getTranslations('programme.dashboard'),
    getTranslations(),
    getFormatter(),
  ]);
  const day = (value: string) => format.dateTime(calendarDay(value), 'day');
  const cell = (kpi: string, v: number | null) =>
    v === null
      ? '—'
      : kpi.startsWith('share')
        ? `${format.number(v, { maximumFractionDigits: 1 })}%`
        : format.number(v);
  return (
    <Table caption={`${t('targets')} — ${clusterName}`}>
      <THead>
        <Tr>
          <Th rowSpan={2}>{t('indicator')}</Th>
          {targets.phases.map((p) => (
            <Th key={p.phase} colSpan={2} scope="colgroup" className="text-center whitespace-normal">
              {tr(`programme.plans.phases.${p.phase}`)}
              <span className="block text-xs font-normal text-slate-700">
                {p.from && p.to ? t('period', { from: day(p.from), to: day(p.to) }) : t('noPeriod')}
                {p.current ? ` · ${t('currentPhase')}` : ''}
              </span>
            </Th>
          ))}
        </Tr>
        <Tr>
          {targets.phases.flatMap((p) => [
            <Th key={`${p.phase}-target`} className="text-right">
              {t('target')}
            </Th>,
            <Th key={`${p.phase}-actual`} className="text-right">
              {t('actual')}
            </Th>,
          ])}
        </Tr>
      </THead>
      <TBody>
        {targets.phases[0].rows.map((row, i) => (
          <Tr key={row.kpi}>
            <Th scope="row" className="font-medium whitespace-normal">
              {tr(`programme.plans.kpis.${row.kpi}`)}
            </Th>
            {targets.phases.flatMap((p) => [
              <Td key={`${p.phase}-target`} className="text-right tabular-nums">
                {cell(row.kpi, p.rows[i].target)}
              </Td>,
              <Td key={`${p.phase}-actual`} className="text-right tabular-nums">
                {cell(row.kpi, p.rows[i].actual)}
              </Td>,
            ])}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
