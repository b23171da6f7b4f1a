import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  primaryKey,
  real,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  disclosureLevels,
  type DisclosureSettings,
  ipStatuses,
  licensingTerms,
  listingStatuses,
  needVisibilities,
  seedVisibilities,
} from '../vocabulary/listings';
import { domainEnum, localeEnum, organisationKindEnum, organisations, users } from './accounts';
import { tsvector } from './column-types';

export const listingStatusEnum = pgEnum('listing_status', listingStatuses);
export const needVisibilityEnum = pgEnum('need_visibility', needVisibilities);
export const seedVisibilityEnum = pgEnum('seed_visibility', seedVisibilities);
export const licensingEnum = pgEnum('licensing_terms', licensingTerms);
export const ipStatusEnum = pgEnum('ip_status', ipStatuses);
export const disclosureLevelEnum = pgEnum('disclosure_level', disclosureLevels);

const common = {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  // the person behind the listing whose contact details are disclosed after introduction
  contactUserId: uuid('contact_user_id').references(() => users.id),
  language: localeEnum('language').notNull(),
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  details: text('details').notNull().default(''),
  domain: domainEnum('domain').notNull(),
  keywords: text('keywords').array().notNull().default(sql`'{}'`),
  prefecture: text('prefecture'),
  status: listingStatusEnum('status').notNull().default('draft'),
  closedReason: text('closed_reason'),
  reviewComment: text('review_comment'),
  disclosure: jsonb('disclosure').$type<DisclosureSettings>().notNull().default({}),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull().default(sql`now() + interval '12 months'`),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  // Normalised, segmented text (Japanese split into words, English stemmed) for full-text search.
  searchText: text('search_text').notNull().default(''),
  // Stored so that search neither re-parses search_text per row to filter nor to rank.
  searchVector: tsvector('search_vector')
    .notNull()
    .generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, search_text)`),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const needs = pgTable(
  'needs',
  {
    ...common,
    trlMin: integer('trl_min'),
    trlMax: integer('trl_max'),
    budgetMinJpy: integer('budget_min_jpy'),
    budgetMaxJpy: integer('budget_max_jpy'),
    timeline: text('timeline'),
    partnerKinds: organisationKindEnum('partner_kinds').array().notNull().default(sql`'{}'`),
    regionPreference: text('region_preference'),
    visibility: needVisibilityEnum('visibility').notNull().default('members'),
    /** Shown instead of the organisation for anonymous needs, e.g. "a precision-machining SME in Aichi". */
    anonymousLabel: text('anonymous_label'),
    // licensing terms the need can accept (all optional; the matching reasons compare a seed's terms with them)
    acceptRoyaltyMaxPct: real('accept_royalty_max_pct'),
    acceptUpfrontMaxJpy: bigint('accept_upfront_max_jpy', { mode: 'number' }),
    /** TerritoryCode values the licence must cover (db/vocabulary/listings). */
    acceptTerritories: text('accept_territories').array().notNull().default(sql`'{}'`),
    wantsExclusive: boolean('wants_exclusive').notNull().default(false),
    needsSublicensing: boolean('needs_sublicensing').notNull().default(false),
  },
  (t) => [
    index('needs_organisation_idx').on(t.organisationId),
    // the programme's KPIs attribute matches to clusters from these three columns alone (index-only scans)
    index('needs_id_organisation_domain_idx').on(t.id, t.organisationId, t.domain),
    index('needs_created_by_idx').on(t.createdBy),
    index('needs_contact_user_idx').on(t.contactUserId),
    index('needs_status_domain_idx').on(t.status, t.domain),
    // by publication date; with the organisation, domain, id, language and prefecture, the programme's KPIs and its
    // fairness page read the listings posted in a period from the index alone (not the wide rows: 305 → 176 ms p50)
    index('needs_published_idx').on(t.publishedAt, t.organisationId, t.domain, t.id, t.language, t.prefecture),
    // browse without text: newest open listings first, walked in index order (drafts' null dates skipped)
    index('needs_open_newest_idx').on(t.publishedAt.desc(), t.id.desc()).where(sql`${t.status} = 'open'`),
    index('needs_search_vector_idx').using('gin', t.searchVector),
    index('needs_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    check(
      'needs_trl_range',
      sql`(${t.trlMin} IS NULL OR ${t.trlMin} BETWEEN 1 AND 9) AND (${t.trlMax} IS NULL OR ${t.trlMax} BETWEEN 1 AND 9) AND (${t.trlMin} IS NULL OR ${t.trlMax} IS NULL OR ${t.trlMin} <= ${t.trlMax})`,
    ),
    check(
      'needs_accept_terms',
      sql`(${t.acceptRoyaltyMaxPct} IS NULL OR ${t.acceptRoyaltyMaxPct} BETWEEN 0 AND 100) AND (${t.acceptUpfrontMaxJpy} IS NULL OR ${t.acceptUpfrontMaxJpy} >= 0)`,
    ),
    check(
      'needs_budget_range',
      sql`(${t.budgetMinJpy} IS NULL OR ${t.budgetMinJpy} >= 0) AND (${t.budgetMinJpy} IS NULL OR ${t.budgetMaxJpy} IS NULL OR ${t.budgetMinJpy} <= ${t.budgetMaxJpy})`,
    ),
  ],
);

export const seeds = pgTable(
  'seeds',
  {
    ...common,
    trl: integer('trl'),
    leadResearcher: text('lead_researcher'),
    licensing: licensingEnum('licensing').array().notNull().default(sql`'{}'`),
    advantages: text('advantages').notNull().default(''),
    visibility: seedVisibilityEnum('visibility').notNull().default('members'),
    /** Strongest IP status among its records, kept in step by lib/listings for filtering. */
    ipStatus: ipStatusEnum('ip_status'),
    // structured licensing terms (all optional; `licensing` above are the licence types offered)
    royaltyMinPct: real('royalty_min_pct'),
    royaltyMaxPct: real('royalty_max_pct'),
    upfrontFeeMinJpy: bigint('upfront_fee_min_jpy', { mode: 'number' }),
    upfrontFeeMaxJpy: bigint('upfront_fee_max_jpy', { mode: 'number' }),
    milestoneFeeMinJpy: bigint('milestone_fee_min_jpy', { mode: 'number' }),
    milestoneFeeMaxJpy: bigint('milestone_fee_max_jpy', { mode: 'number' }),
    /** TerritoryCode values (db/vocabulary/listings). */
    licenceTerritories: text('licence_territories').array().notNull().default(sql`'{}'`),
    fieldOfUse: text('field_of_use'),
    exclusivityMonths: integer('exclusivity_months'),
    /** null: not stated */
    sublicensing: boolean('sublicensing'),
    optionAgreement: boolean('option_agreement'),
  },
  (t) => [
    index('seeds_organisation_idx').on(t.organisationId),
    // the programme's KPIs attribute matches to clusters from these three columns alone (index-only scans)
    index('seeds_id_organisation_domain_idx').on(t.id, t.organisationId, t.domain),
    index('seeds_created_by_idx').on(t.createdBy),
    index('seeds_contact_user_idx').on(t.contactUserId),
    index('seeds_status_domain_idx').on(t.status, t.domain),
    // by publication date; with the organisation, domain, id, language and prefecture, the programme's KPIs and its
    // fairness page read the listings posted in a period from the index alone (not the wide rows: 305 → 176 ms p50)
    index('seeds_published_idx').on(t.publishedAt, t.organisationId, t.domain, t.id, t.language, t.prefecture),
    // browse without text: newest open listings first, walked in index order (drafts' null dates skipped)
    index('seeds_open_newest_idx').on(t.publishedAt.desc(), t.id.desc()).where(sql`${t.status} = 'open'`),
    index('seeds_trl_idx').on(t.trl),
    index('seeds_search_vector_idx').using('gin', t.searchVector),
    index('seeds_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    check('seeds_trl_range', sql`${t.trl} IS NULL OR ${t.trl} BETWEEN 1 AND 9`),
    check(
      'seeds_royalty_range',
      sql`(${t.royaltyMinPct} IS NULL OR ${t.royaltyMinPct} BETWEEN 0 AND 100) AND (${t.royaltyMaxPct} IS NULL OR ${t.royaltyMaxPct} BETWEEN 0 AND 100) AND (${t.royaltyMinPct} IS NULL OR ${t.royaltyMaxPct} IS NULL OR ${t.royaltyMinPct} <= ${t.royaltyMaxPct})`,
    ),
    check(
      'seeds_fee_ranges',
      sql`(${t.upfrontFeeMinJpy} IS NULL OR ${t.upfrontFeeMinJpy} >= 0) AND (${t.upfrontFeeMinJpy} IS NULL OR ${t.upfrontFeeMaxJpy} IS NULL OR ${t.upfrontFeeMinJpy} <= ${t.upfrontFeeMaxJpy}) AND (${t.milestoneFeeMinJpy} IS NULL OR ${t.milestoneFeeMinJpy} >= 0) AND (${t.milestoneFeeMinJpy} IS NULL OR ${t.milestoneFeeMaxJpy} IS NULL OR ${t.milestoneFeeMinJpy} <= ${t.milestoneFeeMaxJpy})`,
    ),
    check('seeds_exclusivity_months', sql`${t.exclusivityMonths} IS NULL OR ${t.exclusivityMonths} >= 0`),
  ],
);

export const ipRecords = pgTable(
  'ip_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seedId: uuid('seed_id')
      .notNull()
      .references(() => seeds.id, { onDelete: 'cascade' }),
    number: text('number'),
    jurisdiction: text('jurisdiction').notNull(),
    status: ipStatusEnum('status').notNull(),
    title: text('title').notNull(),
    filedOn: date('filed_on'),
    grantedOn: date('granted_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ip_records_seed_idx').on(t.seedId)],
);

/**
 * Expiry reminders sent to a listing's owners, one row per (listing, expiry date, days before):
 * the unique key makes each reminder go out once, and a renewal (new expiry date) starts afresh.
 */
export const listingExpiryReminders = pgTable(
  'listing_expiry_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    needId: uuid('need_id').references(() => needs.id, { onDelete: 'cascade' }),
    seedId: uuid('seed_id').references(() => seeds.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    daysBefore: integer('days_before').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('listing_expiry_reminders_need_uq').on(t.needId, t.expiresAt, t.daysBefore),
    uniqueIndex('listing_expiry_reminders_seed_uq').on(t.seedId, t.expiresAt, t.daysBefore),
    check('listing_expiry_reminders_one_listing', sql`(${t.needId} IS NULL) <> (${t.seedId} IS NULL)`),
  ],
);

/**
 * The listings a member follows (a trading firm tracking seeds and needs): when they last looked,
 * so the list can show what changed since.
 */
export const listingFollows = pgTable(
  'listing_follows',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    listingId: uuid('listing_id').notNull(),
    needId: uuid('need_id').references(() => needs.id, { onDelete: 'cascade' }),
    seedId: uuid('seed_id').references(() => seeds.id, { onDelete: 'cascade' }),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.listingId] }),
    index('listing_follows_need_idx').on(t.needId),
    index('listing_follows_seed_idx').on(t.seedId),
    check('listing_follows_one_listing', sql`(${t.needId} IS NULL) <> (${t.seedId} IS NULL)`),
    check('listing_follows_listing_id', sql`${t.listingId} = coalesce(${t.needId}, ${t.seedId})`),
  ],
);
