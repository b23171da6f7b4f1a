import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  fundingAccessActions,
  fundingDeclineReasons,
  fundingProposalStatuses,
  fundingPurposes,
  fundingShareStatuses,
  partnerConsents,
  patentRights,
  patentSources,
  repaymentMethods,
  valuationMethods,
} from '../vocabulary/funding';
import { organisations, users } from './accounts';
import { attachments } from './attachments';
import { ipRecords, ipStatusEnum, seeds } from './listings';
import { matches } from './matching';

// Funding proposals (issue 13): an SME asks chosen lenders for a loan backed by patents.
// The proposal is the SME's; each lender's review is a `funding_shares` row with its own state
// machine (lib/funding/rules.ts), its own questions, terms and IP evaluation.

export const fundingProposalStatusEnum = pgEnum('funding_proposal_status', fundingProposalStatuses);
export const fundingPurposeEnum = pgEnum('funding_purpose', fundingPurposes);
export const repaymentMethodEnum = pgEnum('repayment_method', repaymentMethods);
export const partnerConsentEnum = pgEnum('partner_consent', partnerConsents);
export const fundingShareStatusEnum = pgEnum('funding_share_status', fundingShareStatuses);
export const fundingDeclineReasonEnum = pgEnum('funding_decline_reason', fundingDeclineReasons);
export const patentRightEnum = pgEnum('patent_right', patentRights);
export const patentSourceEnum = pgEnum('patent_source', patentSources);
export const valuationMethodEnum = pgEnum('valuation_method', valuationMethods);
export const fundingAccessActionEnum = pgEnum('funding_access_action', fundingAccessActions);

/** Yen amounts exceed 32 bits (a ¥3 billion loan); JavaScript numbers hold them exactly. */
const yen = (name: string) => bigint(name, { mode: 'number' });

/** One projected year of the business plan. */
export type ProjectedYear = { year: number; revenueJpy: number; profitJpy: number | null };

export const fundingProposals = pgTable(
  'funding_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** The introduction the proposal comes from (its seed's patents may be offered, with consent). */
    matchId: uuid('match_id').references(() => matches.id),
    partnerOrganisationId: uuid('partner_organisation_id').references(() => organisations.id),
    partnerConsent: partnerConsentEnum('partner_consent'),
    /** The proposal version the partner answered for; a later edit needs a new answer. */
    partnerConsentVersion: integer('partner_consent_version'),
    partnerConsentBy: uuid('partner_consent_by').references(() => users.id),
    partnerConsentAt: timestamp('partner_consent_at', { withTimezone: true }),
    partnerConsentNote: text('partner_consent_note'),
    status: fundingProposalStatusEnum('status').notNull().default('draft'),
    title: text('title').notNull(),
    purpose: fundingPurposeEnum('purpose'),
    purposeDetails: text('purpose_details').notNull().default(''),
    amountJpy: yen('amount_jpy'),
    termMonths: integer('term_months'),
    repaymentMethod: repaymentMethodEnum('repayment_method'),
    gracePeriodMonths: integer('grace_period_months'),
    repaymentPlan: text('repayment_plan').notNull().default(''),
    businessPlan: text('business_plan').notNull().default(''),
    projectedRevenue: jsonb('projected_revenue').$type<ProjectedYear[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    /** The new-draft form's one-time key: submitting that form twice makes one draft, not two. */
    requestKey: uuid('request_key'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('funding_proposals_organisation_idx').on(t.organisationId, t.updatedAt),
    index('funding_proposals_created_by_idx').on(t.createdBy),
    index('funding_proposals_match_idx').on(t.matchId),
    index('funding_proposals_partner_idx').on(t.partnerOrganisationId),
    index('funding_proposals_consent_by_idx').on(t.partnerConsentBy),
    uniqueIndex('funding_proposals_request_key_uq').on(t.organisationId, t.requestKey),
    check('funding_proposals_amount', sql`${t.amountJpy} IS NULL OR ${t.amountJpy} BETWEEN 1 AND 100000000000`),
    check('funding_proposals_term', sql`${t.termMonths} IS NULL OR ${t.termMonths} BETWEEN 1 AND 360`),
    check(
      'funding_proposals_grace',
      sql`${t.gracePeriodMonths} IS NULL OR (${t.gracePeriodMonths} >= 0 AND ${t.gracePeriodMonths} <= 120)`,
    ),
    check('funding_proposals_partner', sql`(${t.matchId} IS NULL) = (${t.partnerOrganisationId} IS NULL)`),
  ],
);

/**
 * The patents and applications a proposal rests on, copied when added (a seed's IP records are
 * rewritten on every edit of the seed; the lender evaluates what was proposed). `seedId` and
 * `matchId` trace a partner's patent to the seed and introduction behind it.
 */
export const fundingPatents = pgTable(
  'funding_patents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => fundingProposals.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    source: patentSourceEnum('source').notNull(),
    seedId: uuid('seed_id').references(() => seeds.id, { onDelete: 'set null' }),
    ipRecordId: uuid('ip_record_id').references(() => ipRecords.id, { onDelete: 'set null' }),
    number: text('number'),
    title: text('title').notNull(),
    jurisdiction: text('jurisdiction').notNull(),
    status: ipStatusEnum('status').notNull(),
    filedOn: date('filed_on'),
    grantedOn: date('granted_on'),
    /** When protection ends; null = 20 years from filing (lib/funding/rules.ts). */
    expiresOn: date('expires_on'),
    right: patentRightEnum('right').notNull(),
  },
  (t) => [
    index('funding_patents_proposal_idx').on(t.proposalId, t.position),
    index('funding_patents_seed_idx').on(t.seedId),
    index('funding_patents_ip_record_idx').on(t.ipRecordId),
  ],
);

/** The proposal as one lender sees and decides it. */
export const fundingShares = pgTable(
  'funding_shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => fundingProposals.id, { onDelete: 'cascade' }),
    lenderOrganisationId: uuid('lender_organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: fundingShareStatusEnum('status').notNull().default('submitted'),
    version: integer('version').notNull().default(1),
    sharedAt: timestamp('shared_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    // terms of an approval
    approvedAmountJpy: yen('approved_amount_jpy'),
    interestRatePercent: numeric('interest_rate_percent', { precision: 6, scale: 3, mode: 'number' }),
    approvedTermMonths: integer('approved_term_months'),
    conditions: text('conditions'),
    collateral: text('collateral'),
    // a decline
    declineReason: fundingDeclineReasonEnum('decline_reason'),
    declineText: text('decline_text'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('funding_shares_proposal_lender_uq').on(t.proposalId, t.lenderOrganisationId),
    index('funding_shares_lender_idx').on(t.lenderOrganisationId, t.status),
    index('funding_shares_decided_by_idx').on(t.decidedBy),
    check(
      'funding_shares_terms',
      sql`(${t.approvedAmountJpy} IS NULL OR ${t.approvedAmountJpy} > 0) AND (${t.interestRatePercent} IS NULL OR ${t.interestRatePercent} BETWEEN 0 AND 100)`,
    ),
  ],
);

/** The timeline of one lender's review: every transition, with the question or answer it carried. Append-only. */
export const fundingShareEvents = pgTable(
  'funding_share_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    shareId: uuid('share_id')
      .notNull()
      .references(() => fundingShares.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    /** sme | lender */
    actorSide: text('actor_side').notNull(),
    fromStatus: fundingShareStatusEnum('from_status'),
    toStatus: fundingShareStatusEnum('to_status').notNull(),
    note: text('note'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('funding_share_events_share_idx').on(t.shareId, t.createdAt),
    index('funding_share_events_actor_idx').on(t.actorId),
  ],
);

/** A lender's IP evaluation of the proposal (its own inputs; nobody else sees them). */
export const fundingEvaluations = pgTable(
  'funding_evaluations',
  {
    shareId: uuid('share_id')
      .primaryKey()
      .references(() => fundingShares.id, { onDelete: 'cascade' }),
    advanceRatePercent: numeric('advance_rate_percent', { precision: 5, scale: 2, mode: 'number' }),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('funding_evaluations_updated_by_idx').on(t.updatedBy),
    check(
      'funding_evaluations_advance_rate',
      sql`${t.advanceRatePercent} IS NULL OR ${t.advanceRatePercent} BETWEEN 0 AND 100`,
    ),
  ],
);

/** The lender's value of each patent of the proposal. */
export const fundingValuations = pgTable(
  'funding_valuations',
  {
    shareId: uuid('share_id')
      .notNull()
      .references(() => fundingEvaluations.shareId, { onDelete: 'cascade' }),
    patentId: uuid('patent_id')
      .notNull()
      .references(() => fundingPatents.id, { onDelete: 'cascade' }),
    method: valuationMethodEnum('method'),
    valueJpy: yen('value_jpy'),
  },
  (t) => [
    primaryKey({ columns: [t.shareId, t.patentId] }),
    index('funding_valuations_patent_idx').on(t.patentId),
    check('funding_valuations_value', sql`${t.valueJpy} IS NULL OR ${t.valueJpy} >= 0`),
  ],
);

/** Who outside the proposing organisation viewed the proposal or downloaded which document (data-room practice). */
export const fundingAccessLog = pgTable(
  'funding_access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => fundingProposals.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    action: fundingAccessActionEnum('action').notNull(),
    attachmentId: uuid('attachment_id').references(() => attachments.id, { onDelete: 'set null' }),
    /** The document's name when it was downloaded (kept if the document is later removed). */
    fileName: text('file_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('funding_access_log_proposal_idx').on(t.proposalId, t.createdAt),
    index('funding_access_log_user_idx').on(t.userId, t.proposalId, t.createdAt),
    index('funding_access_log_organisation_idx').on(t.organisationId),
    index('funding_access_log_attachment_idx').on(t.attachmentId),
  ],
);
