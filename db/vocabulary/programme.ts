// The values of the programme office's enums, defined once (no imports; see accounts.ts).

/**
 * What came of an introduction. The programme's survey counts the results (joint R&D to
 * university-born venture); meetings and NDAs are milestones on the way; no_deal ends it.
 * Other features record their results with these kinds: funding proposals `funding_obtained`,
 * sales channels `first_sale` (through lib/programme/outcomes.ts).
 */
export const outcomeKinds = [
  'meeting_held',
  'nda_signed',
  'joint_rd_started',
  'licence_signed',
  'partnership_formed',
  'new_business_launched',
  'first_sale',
  'funding_obtained',
  'managerial_revamp',
  'venture_founded',
  'no_deal',
] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

/** Steps on the way to a result (shown apart in the form; counted in the funnel, not as results). */
export const outcomeMilestones = ['meeting_held', 'nda_signed'] as const satisfies readonly OutcomeKind[];

/** The results the programme counts (KPIs, survey pre-fill). */
export const resultOutcomeKinds = [
  'joint_rd_started',
  'licence_signed',
  'partnership_formed',
  'new_business_launched',
  'first_sale',
  'funding_obtained',
  'managerial_revamp',
  'venture_founded',
] as const satisfies readonly OutcomeKind[];

/** The results that launch something (the funnel's last step): a new business, a first sale, a venture. */
export const launchOutcomeKinds = [
  'new_business_launched',
  'first_sale',
  'venture_founded',
] as const satisfies readonly OutcomeKind[];

/** Kinds that carry an amount in yen (the order's or the loan's value), optional. */
export const outcomeKindsWithAmount = [
  'first_sale',
  'funding_obtained',
  'licence_signed',
] as const satisfies readonly OutcomeKind[];

/**
 * The indicators a cluster plan sets a target for in each phase (issue 14 item 1): each names a row of the
 * KPI table (lib/programme/kpi-table.ts, `planTargetRows`). Shares are targets in per cent.
 */
export const planTargetKpis = [
  'organisations',
  'needsPosted',
  'seedsPosted',
  'introduced',
  'agreements',
  'ndas',
  'jointRd',
  'partnerships',
  'newBusinesses',
  'ventures',
  'sharePartnership',
  'shareNewBusiness',
  'shareRevamp',
] as const;
export type PlanTargetKpi = (typeof planTargetKpis)[number];

/**
 * The participant survey (issue 14 item 6): the areas where participation may have helped an organisation,
 * each rated before and after on a 5-point scale (1 none … 5 very much).
 */
export const surveyAreas = [
  'information',
  'network',
  'rnd',
  'technology',
  'salesChannels',
  'funding',
  'people',
] as const;
export type SurveyArea = (typeof surveyAreas)[number];
export const surveyScale = ['1', '2', '3', '4', '5'] as const;

/** The innovation effects asked (yes/no, with a count where one is counted), each matched to the outcome recorded. */
export const surveyInnovations = ['partnership', 'newBusiness', 'revamp', 'venture'] as const;
export type SurveyInnovation = (typeof surveyInnovations)[number];
export const surveyInnovationKinds = {
  partnership: 'partnership_formed',
  newBusiness: 'new_business_launched',
  revamp: 'managerial_revamp',
  venture: 'venture_founded',
} as const satisfies Record<SurveyInnovation, OutcomeKind>;
/** The effects answered with a count as well (a managerial revamp is yes or no). */
export const countedInnovations = [
  'partnership',
  'newBusiness',
  'venture',
] as const satisfies readonly SurveyInnovation[];
