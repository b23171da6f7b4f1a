import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  checkInAnswers,
  declineReasons,
  meetingStatuses,
  ndaStatuses,
  ndaTypes,
  responseStates,
  salesChannelKinds,
} from '../vocabulary/introductions';
import { users } from './accounts';
import { needs, seeds } from './listings';
import { matches } from './matching';

// Brokered introductions (issue 5): the double opt-in, its timeline and what follows it.
// The match's status/version in `matches` is the state machine (lib/introductions/rules.ts);
// these tables hold the details each transition records.

export const responseStateEnum = pgEnum('intro_response', responseStates);
export const declineReasonEnum = pgEnum('decline_reason', declineReasons);
export const ndaTypeEnum = pgEnum('nda_type', ndaTypes);
export const ndaStatusEnum = pgEnum('nda_status', ndaStatuses);
export const meetingStatusEnum = pgEnum('meeting_status', meetingStatuses);
export const salesChannelKindEnum = pgEnum('sales_channel_kind', salesChannelKinds);
export const checkInAnswerEnum = pgEnum('check_in_answer', checkInAnswers);

/** One row per match that entered the brokered flow. */
export const matchIntroductions = pgTable(
  'match_introductions',
  {
    matchId: uuid('match_id')
      .primaryKey()
      .references(() => matches.id, { onDelete: 'cascade' }),
    /** Who asked (expressions of interest) or proposed by hand. */
    requesterUserId: uuid('requester_user_id').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    // the structured questions of an expression of interest
    interestOffer: text('interest_offer'),
    interestWant: text('interest_want'),
    interestTiming: text('interest_timing'),
    /** The requester's own listing that found this one (Find partners), so the introduction keeps its context. */
    viaNeedId: uuid('via_need_id').references(() => needs.id, { onDelete: 'set null' }),
    viaSeedId: uuid('via_seed_id').references(() => seeds.id, { onDelete: 'set null' }),
    /** The engine's match of that pair, when there is one. */
    sourceMatchId: uuid('source_match_id').references(() => matches.id, { onDelete: 'set null' }),
    /** The requester chose to show their organisation's name to the listing's owner before both accept. */
    showOrganisation: boolean('show_organisation').notNull().default(false),
    // a trading firm's sales-channel interest
    channelProduct: text('channel_product'),
    /** TerritoryCode values (db/vocabulary/listings). */
    channelTerritories: text('channel_territories').array().notNull().default(sql`'{}'`),
    channelKinds: salesChannelKindEnum('channel_kinds').array().notNull().default(sql`'{}'`),
    channelVolumes: text('channel_volumes'),
    channelTerms: text('channel_terms'),
    coordinatorNote: text('coordinator_note'),
    needResponse: responseStateEnum('need_response'),
    seedResponse: responseStateEnum('seed_response'),
    requesterResponse: responseStateEnum('requester_response'),
    deadline: timestamp('deadline', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    declineReason: declineReasonEnum('decline_reason'),
    declineText: text('decline_text'),
    introducedAt: timestamp('introduced_at', { withTimezone: true }),
    checkIn30At: timestamp('check_in_30_at', { withTimezone: true }),
    checkIn90At: timestamp('check_in_90_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('match_introductions_deadline_idx').on(t.deadline),
    index('match_introductions_introduced_idx').on(t.introducedAt),
    index('match_introductions_requester_idx').on(t.requesterUserId),
    index('match_introductions_created_by_idx').on(t.createdBy),
    index('match_introductions_via_need_idx').on(t.viaNeedId),
    index('match_introductions_via_seed_idx').on(t.viaSeedId),
    index('match_introductions_source_match_idx').on(t.sourceMatchId),
  ],
);

/** The timeline of a match: every transition and notable step, with who and when. Append-only. */
export const matchEvents = pgTable(
  'match_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    matchId: uuid('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    /** coordinator | need | seed | requester | system */
    actorRole: text('actor_role').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('match_events_match_idx').on(t.matchId, t.createdAt), index('match_events_actor_idx').on(t.actorId)],
);

export const matchMessages = pgTable(
  'match_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    matchId: uuid('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('match_messages_match_idx').on(t.matchId, t.createdAt),
    index('match_messages_author_idx').on(t.authorId),
  ],
);

/** Up to when each reader has read a thread (unread = later messages by others). */
export const matchMessageReads = pgTable(
  'match_message_reads',
  {
    matchId: uuid('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.matchId, t.userId] }), index('match_message_reads_user_idx').on(t.userId)],
);

export const meetingProposals = pgTable(
  'meeting_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    matchId: uuid('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    /** The proposer's side; the other side picks. */
    proposerSide: text('proposer_side').notNull(),
    slots: timestamp('slots', { withTimezone: true }).array().notNull(),
    location: text('location'),
    chosenSlot: timestamp('chosen_slot', { withTimezone: true }),
    chosenBy: uuid('chosen_by').references(() => users.id),
    status: meetingStatusEnum('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meeting_proposals_match_idx').on(t.matchId),
    index('meeting_proposals_proposed_by_idx').on(t.proposedBy),
    index('meeting_proposals_chosen_by_idx').on(t.chosenBy),
  ],
);

export const ndas = pgTable(
  'ndas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    matchId: uuid('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    type: ndaTypeEnum('type').notNull(),
    status: ndaStatusEnum('status').notNull().default('draft'),
    signedOn: date('signed_on'),
    expiresOn: date('expires_on'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ndas_match_idx').on(t.matchId),
    index('ndas_recorded_by_idx').on(t.recordedBy),
    index('ndas_expires_idx').on(t.expiresOn).where(sql`${t.status} = 'signed'`),
  ],
);

/**
 * Each party's answer to a check-in 30 or 90 days after an introduction (issue 14 item 3): one row per
 * (match, check-in, side), changed in place (version + 1) when the party changes its answer.
 */
export const checkInResponses = pgTable(
  'check_in_responses',
  {
    matchId: uuid('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    /** The check-in: 30 or 90 days after the introduction. */
    days: integer('days').notNull(),
    /** need | seed | requester: the party answering. */
    side: text('side').notNull(),
    answer: checkInAnswerEnum('answer').notNull(),
    note: text('note'),
    answeredBy: uuid('answered_by')
      .notNull()
      .references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.matchId, t.days, t.side] }),
    index('check_in_responses_answered_by_idx').on(t.answeredBy),
    index('check_in_responses_answer_idx').on(t.answer, t.answeredAt),
    check('check_in_responses_days', sql`${t.days} IN (30, 90)`),
    check('check_in_responses_side', sql`${t.side} IN ('need', 'seed', 'requester')`),
  ],
);
