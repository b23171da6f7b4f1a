import 'server-only';
import { asc, inArray, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db';
import { clusters } from '@/db/schema/accounts';
import type { Viewer } from '@/lib/auth/policy';
import { calendarDayIn } from '@/lib/i18n/time-zone';
import { planTargetKpis } from '@/db/vocabulary/programme';
import { planActual } from './kpi-table';
import { type KpiScope, kpisAndTrend, PROGRAMME_TIME_ZONE, programmeKpis } from './kpis';
import { fairnessReport } from './fairness';
import { currentPlans } from './plans';
import type { DashboardFilters } from './validation';

// The one programme dashboard (issue 14 item 5): the same page for the office and the coordinators, its
// figures scoped in SQL to the clusters the viewer may see (admin: every cluster; coordinator: theirs).

/** The clusters whose figures the viewer may see. */
async function visibleClusters(db: Db, viewer: Viewer) {
  const where =
    viewer.role === 'admin'
      ? sql`true`
      : viewer.role === 'coordinator' && viewer.coordinatorClusterIds.length
        ? inArray(clusters.id, viewer.coordinatorClusterIds)
        : sql`false`;
  return db
    .select({ id: clusters.id, nameJa: clusters.nameJa, nameEn: clusters.nameEn, phase: clusters.phase })
    .from(clusters)
    .where(where)
    .orderBy(asc(clusters.nameEn));
}

/** The longest period the trend is drawn for, in months (longer periods still count in full). */
const MAX_TREND_MONTHS = 60;

/**
 * The period asked for, or by default the last twelve months to today, in the programme's calendar;
 * reversed days are put in order.
 */
function periodOf(filters: Pick<DashboardFilters, 'from' | 'to'>, now = new Date()) {
  const today = calendarDayIn(now, PROGRAMME_TIME_ZONE);
  const to = filters.to ?? today;
  const [y, m] = to.split('-').map(Number);
  const start = new Date(Date.UTC(y, m - 12, 1));
  const from = filters.from ?? `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')}-01`;
  return from <= to ? { from, to } : { from: to, to: from };
}

function trendStart({ from, to }: { from: string; to: string }) {
  const [y, m] = to.split('-').map(Number);
  const earliest = new Date(Date.UTC(y, m - MAX_TREND_MONTHS, 1)).toISOString().slice(0, 10);
  return from < earliest ? earliest : from;
}

/** The clusters the viewer may see, the one chosen in the filters (if one of them), and the scope to count. */
async function scopeOf(db: Db, viewer: Viewer, filters: DashboardFilters, now: Date) {
  const visible = await visibleClusters(db, viewer);
  const chosen = filters.cluster && visible.some((c) => c.id === filters.cluster) ? [filters.cluster] : null;
  const scope: KpiScope = {
    clusterIds: chosen ?? visible.map((c) => c.id),
    ...periodOf(filters, now),
    domain: filters.domain ?? null,
  };
  return { visible, chosen, scope };
}

export async function programmeDashboard(viewer: Viewer, filters: DashboardFilters, now = new Date()) {
  const db = await getDb();
  const { visible, chosen, scope } = await scopeOf(db, viewer, filters, now);
  const period = { from: scope.from, to: scope.to };
  const [{ kpis, trend }, targets] = await Promise.all([
    kpisAndTrend(db, scope, trendStart(period)),
    scope.clusterIds.length === 1 ? targetsAgainstActuals(db, scope.clusterIds[0], now) : null,
  ]);
  return {
    clusters: visible,
    /** The cluster chosen in the filter, if it is one the viewer may see. */
    cluster: chosen ? chosen[0] : null,
    scope,
    kpis,
    trend,
    /** With one cluster in scope: its current plan's targets and the actuals of each phase's period. */
    targets,
  };
}

/**
 * The cluster's current plan, each phase's targets beside the cluster's figures over the phase's period
 * (to today for the phase under way; none for a phase not begun or without a period), the whole cluster
 * whatever the dashboard's domain and period: a plan sets targets for the cluster and its phases.
 */
async function targetsAgainstActuals(db: Db, clusterId: string, now: Date) {
  const plan = (await currentPlans(db, [clusterId])).get(clusterId);
  if (!plan) return { clusterId, version: null, phases: [] };
  const today = calendarDayIn(now, PROGRAMME_TIME_ZONE);
  const phases = await Promise.all(
    plan.phases.map(async (p) => {
      const started = !!p.from && !!p.to && p.from <= today;
      /** The phase's last day, or today while it is under way (dates compare as text). */
      const end = p.to && p.to < today ? p.to : today;
      const figures =
        started && p.from
          ? (await programmeKpis(db, { clusterIds: [clusterId], from: p.from, to: end })).overall
          : null;
      return {
        phase: p.phase,
        from: p.from,
        to: p.to,
        current: started && !!p.to && p.to >= today,
        rows: planTargetKpis.map((kpi) => ({
          kpi,
          target: p.targets[kpi] ?? null,
          actual: figures ? planActual(kpi, figures) : null,
        })),
      };
    }),
  );
  return { clusterId, version: plan.version, phases };
}

/** The fairness and coverage page (issue 14 item 7): the dashboard's scope and filters, one implementation. */
export async function programmeFairness(viewer: Viewer, filters: DashboardFilters, now = new Date()) {
  const db = await getDb();
  const { visible, chosen, scope } = await scopeOf(db, viewer, filters, now);
  return { clusters: visible, cluster: chosen ? chosen[0] : null, scope, report: await fairnessReport(db, scope) };
}
