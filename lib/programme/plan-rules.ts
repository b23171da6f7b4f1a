import type { PlanPhase } from '@/db/schema/programme';
import { type ClusterPhase, clusterPhases } from '@/db/vocabulary/clusters';
import { type PlanTargetKpi, planTargetKpis } from '@/db/vocabulary/programme';
import type { ClusterPlanInput } from './validation';

// Cluster plans (issue 14 item 1), the pure part: the form's values to the stored plan and back, and what a
// new version changed from the one before it.

export type PlanContent = {
  vision: string;
  goals: string;
  processFlow: string;
  phases: PlanPhase[];
};

/** The plan as stored: empty periods become null, empty targets are left out, numbers are numbers. */
export function planFromInput(
  input: Pick<ClusterPlanInput, 'vision' | 'goals' | 'processFlow' | 'phases'>,
): PlanContent {
  return {
    vision: input.vision,
    goals: input.goals,
    processFlow: input.processFlow,
    phases: input.phases.map((p) => ({
      phase: p.phase,
      from: p.from || null,
      to: p.to || null,
      targets: Object.fromEntries(
        planTargetKpis.filter((k) => p.targets[k] !== '').map((k) => [k, Number(p.targets[k])]),
      ) as Partial<Record<PlanTargetKpi, number>>,
    })),
  };
}

/** The form's values for a stored plan (or an empty one, phases I–III without periods or targets). */
export function planFormValues(plan: PlanContent | null): Omit<ClusterPlanInput, 'clusterId' | 'baseVersion'> {
  const phaseOf = (phase: ClusterPhase) => plan?.phases.find((p) => p.phase === phase);
  const [I, II, III] = clusterPhases.map((phase) => {
    const p = phaseOf(phase);
    return {
      phase,
      from: p?.from ?? '',
      to: p?.to ?? '',
      targets: Object.fromEntries(planTargetKpis.map((k) => [k, p?.targets[k]?.toString() ?? ''])) as Record<
        PlanTargetKpi,
        string
      >,
    };
  });
  return {
    vision: plan?.vision ?? '',
    goals: plan?.goals ?? '',
    processFlow: plan?.processFlow ?? '',
    phases: [I, II, III],
  };
}

/**
 * What `next` changed from `previous`, as field paths: vision, goals, processFlow, phases.<I>.period,
 * phases.<I>.targets.<kpi>; `created` for a first version.
 */
export function planChanges(previous: PlanContent | null, next: PlanContent): string[] {
  if (!previous) return ['created'];
  const changes: string[] = [];
  for (const field of ['vision', 'goals', 'processFlow'] as const) {
    if (previous[field] !== next[field]) changes.push(field);
  }
  for (const phase of clusterPhases) {
    const before = previous.phases.find((p) => p.phase === phase);
    const after = next.phases.find((p) => p.phase === phase);
    if ((before?.from ?? null) !== (after?.from ?? null) || (before?.to ?? null) !== (after?.to ?? null))
      changes.push(`phases.${phase}.period`);
    for (const kpi of planTargetKpis) {
      if ((before?.targets[kpi] ?? null) !== (after?.targets[kpi] ?? null))
        changes.push(`phases.${phase}.targets.${kpi}`);
    }
  }
  return changes;
}

/** A change path as a message key and its parameters (the history's labels). */
export function changeLabel(path: string): { key: string; values?: Record<string, string> } {
  const [head, phase, part, kpi] = path.split('.');
  if (head !== 'phases') return { key: `programme.plans.fields.${head}` };
  if (part === 'period') return { key: 'programme.plans.changedPeriod', values: { phase } };
  return { key: 'programme.plans.changedTarget', values: { phase, kpi: `@programme.plans.kpis.${kpi}` } };
}
