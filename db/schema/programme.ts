import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ClusterPhase } from '../vocabulary/clusters';
import { outcomeKinds, type PlanTargetKpi, type SurveyArea, type SurveyInnovation } from '../vocabulary/programme';
import { clusters, organisations, users } from './accounts';
import { seeds } from './listings';
import { matches } from './matching';

// The programme office (issue 14): outcomes the programme counts, and (below) plans, check-ins, surveys.

export const outcomeKindEnum = pgEnum('outcome_kind', outcomeKinds);

/**
 * What came of an introduction, several over time. Traceable to the match behind it; an outcome
 * reached without one (a loan on a proposal the SME made alone) names the organisation instead.
 */
export const matchOutcomes = pgTable(
  'match_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    matchId: uuid('match_id').references(() => matches.id, { onDelete: 'cascade' }),
    /** The organisation credited when there is no match (the parties of the match otherwise). */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    kind: outcomeKindEnum('kind').notNull(),
    occurredOn: date('occurred_on').notNull(),
    note: text('note'),
    /** Value in yen of a first order, a licence or a loan, when known. */
    amountJpy: bigint('amount_jpy', { mode: 'number' }),
    /** A university-born venture: its name, the seed it was founded on, its incubation manager. */
    ventureName: text('venture_name'),
    sourceSeedId: uuid('source_seed_id').references(() => seeds.id, { onDelete: 'set null' }),
    incubationManagerId: uuid('incubation_manager_id').references(() => users.id, { onDelete: 'set null' }),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('match_outcomes_match_idx').on(t.matchId),
    index('match_outcomes_organisation_idx').on(t.organisationId),
    index('match_outcomes_recorded_by_idx').on(t.recordedBy),
    index('match_outcomes_source_seed_idx').on(t.sourceSeedId),
    index('match_outcomes_incubation_manager_idx').on(t.incubationManagerId),
    index('match_outcomes_kind_date_idx').on(t.kind, t.occurredOn),
    check('match_outcomes_traceable', sql`${t.matchId} IS NOT NULL OR ${t.organisationId} IS NOT NULL`),
    check('match_outcomes_amount_positive', sql`${t.amountJpy} IS NULL OR ${t.amountJpy} >= 0`),
  ],
);

/** One phase of a cluster plan: its period (YYYY-MM-DD, both included; null while unscheduled) and targets. */
export type PlanPhase = {
  phase: ClusterPhase;
  from: string | null;
  to: string | null;
  targets: Partial<Record<PlanTargetKpi, number>>;
};

/**
 * A cluster's plan (issue 14 item 1), versioned: every save is a new row with the next number, never an
 * update, so the history is the table. The current plan is the cluster's highest version; a save based on
 * an older one loses the race on the unique (cluster, version) and is told so.
 */
export const clusterPlanVersions = pgTable(
  'cluster_plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    vision: text('vision').notNull(),
    goals: text('goals').notNull(),
    processFlow: text('process_flow').notNull(),
    /** Phases I, II, III in order. */
    phases: jsonb('phases').$type<PlanPhase[]>().notNull(),
    /** What this version changed from the one before, as field paths (lib/programme/plan-rules.ts). */
    changes: jsonb('changes').$type<string[]>().notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('cluster_plan_versions_cluster_version_unique').on(t.clusterId, t.version),
    index('cluster_plan_versions_created_by_idx').on(t.createdBy),
    check('cluster_plan_versions_version_positive', sql`${t.version} >= 1`),
  ],
);

/** A participant's ratings of each area before and after participation (1–5; lib/programme/survey/validation.ts). */
export type SurveyEffects = Record<SurveyArea, { before: number; after: number }>;
/** The innovation effects answered: yes or no, and how many where counted (null otherwise). */
export type SurveyInnovationAnswers = Record<SurveyInnovation, { yes: boolean; count: number | null }>;

/**
 * A survey round of a cluster (issue 14 item 6): open from `opensOn` to `closesOn` (days in Japan, both
 * included) unless closed earlier by hand (`closedAt`). `announcedAt`: when its participants were told.
 */
export const surveyRounds = pgTable(
  'survey_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    announcedAt: timestamp('announced_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('survey_rounds_cluster_idx').on(t.clusterId),
    index('survey_rounds_created_by_idx').on(t.createdBy),
    index('survey_rounds_closed_by_idx').on(t.closedBy),
    check('survey_rounds_period', sql`${t.opensOn} <= ${t.closesOn}`),
  ],
);

/**
 * One organisation's answer to a round: one per organisation (unique), given by any of its members and
 * edited until the round closes; `version` goes up with each save, and a save based on an older one is refused.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    effects: jsonb('effects').$type<SurveyEffects>().notNull(),
    innovation: jsonb('innovation').$type<SurveyInnovationAnswers>().notNull(),
    version: integer('version').notNull().default(1),
    answeredBy: uuid('answered_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('survey_responses_round_organisation_unique').on(t.roundId, t.organisationId),
    index('survey_responses_organisation_idx').on(t.organisationId),
    index('survey_responses_answered_by_idx').on(t.answeredBy),
  ],
);
