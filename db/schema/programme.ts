import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { outcomeKinds } from '../vocabulary/programme';
import { organisations, users } from './accounts';
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
