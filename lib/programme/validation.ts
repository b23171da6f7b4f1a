import { z } from '@/lib/validation/messages';
import { listParams, optionalParam } from '@/lib/lists/params';
import { clusterPhases, domains } from '@/db/vocabulary/clusters';
import { outcomeKinds, outcomeKindsWithAmount, planTargetKpis, type PlanTargetKpi } from '@/db/vocabulary/programme';

const id = z.uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.format' });
/** '' for "not given"; digits from the form's input are coerced. */
const optionalYen = z.preprocess(
  (v) => (v === '' || v === null || v === undefined ? undefined : typeof v === 'string' ? Number(v) : v),
  z.number().int().min(0).max(10_000_000_000_000).optional(),
);
const withAmount: readonly string[] = outcomeKindsWithAmount;

/** One outcome of an introduction; a venture names itself and the seed it was founded on. */
export const outcomeSchema = z
  .object({
    matchId: id,
    kind: z.enum(outcomeKinds),
    occurredOn: isoDate,
    note: z.string().trim().max(1000).optional().default(''),
    amountJpy: optionalYen,
    ventureName: z.string().trim().max(200).optional().default(''),
    sourceSeedId: id.or(z.literal('')).optional().default(''),
    incubationManagerId: id.or(z.literal('')).optional().default(''),
    close: z.boolean().optional().default(false),
  })
  .refine((v) => v.kind !== 'venture_founded' || v.ventureName.length > 0, {
    path: ['ventureName'],
    error: 'outcomes.errors.venture_name_required',
  })
  .refine((v) => v.kind !== 'venture_founded' || v.sourceSeedId !== '', {
    path: ['sourceSeedId'],
    error: 'outcomes.errors.source_seed_required',
  })
  .refine((v) => v.amountJpy === undefined || withAmount.includes(v.kind), {
    path: ['amountJpy'],
    error: 'outcomes.errors.no_amount_for_kind',
  });
export type OutcomeFormInput = z.input<typeof outcomeSchema>;

/** ?cluster=&from=&to=&domain= of the programme dashboard and its CSV: a bad value falls back to the default. */
export const dashboardFiltersSchema = z.object({
  cluster: optionalParam(z.uuid()),
  from: listParams.day,
  to: listParams.day,
  domain: optionalParam(z.enum(domains)),
});
export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>;

/** A target as typed in the form: '' for none, else a whole number (a share in per cent, up to 100). */
const target = z
  .string()
  .trim()
  .regex(/^\d{0,9}$/, { error: 'programme.plans.errors.target' });
const shareTarget = target.refine((v) => v === '' || Number(v) <= 100, {
  error: 'programme.plans.errors.shareAbove100',
});
const optionalDay = z.union([isoDate, z.literal('')]);

const planPhaseSchema = z
  .object({
    phase: z.enum(clusterPhases),
    from: optionalDay,
    to: optionalDay,
    targets: z.object(
      Object.fromEntries(planTargetKpis.map((k) => [k, k.startsWith('share') ? shareTarget : target])) as Record<
        PlanTargetKpi,
        typeof target
      >,
    ),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { path: ['to'], error: 'programme.plans.errors.periodOrder' })
  .refine((p) => (p.from === '') === (p.to === ''), { path: ['to'], error: 'programme.plans.errors.periodBoth' });

/**
 * A cluster plan as the form sends it (issue 14 item 1). baseVersion: the version the editor started from
 * (0 for a cluster without a plan); a save is refused as a conflict when someone saved in between.
 */
export const clusterPlanSchema = z
  .object({
    clusterId: id,
    baseVersion: z.number().int().min(0),
    vision: z.string().trim().min(1).max(2000),
    goals: z.string().trim().min(1).max(4000),
    processFlow: z.string().trim().max(4000),
    phases: z.tuple([planPhaseSchema, planPhaseSchema, planPhaseSchema]),
  })
  .strict()
  .refine((v) => v.phases.every((p, i) => p.phase === clusterPhases[i]), {
    path: ['phases'],
    error: 'validation.invalid',
  });
export type ClusterPlanInput = z.infer<typeof clusterPlanSchema>;
