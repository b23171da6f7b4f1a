import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { domainEnum, localeEnum, organisationKindEnum, organisations, users } from './accounts';

export const listingStatuses = ['draft', 'pending_review', 'open', 'closed', 'archived'] as const;
export const listingStatusEnum = pgEnum('listing_status', listingStatuses);

// needs: members see it / members see it without the organisation / only owner + cluster coordinators
export const needVisibilities = ['members', 'anonymous', 'private'] as const;
export const needVisibilityEnum = pgEnum('need_visibility', needVisibilities);

// seeds: anyone sees a teaser / members see it / only owner + cluster coordinators
export const seedVisibilities = ['public_teaser', 'members', 'private'] as const;
export const seedVisibilityEnum = pgEnum('seed_visibility', seedVisibilities);

export const licensingTerms = ['exclusive', 'non_exclusive', 'joint_research', 'assignment'] as const;
export const licensingEnum = pgEnum('licensing_terms', licensingTerms);

export const ipStatuses = ['unpublished_application', 'filed', 'granted', 'expired'] as const;
export const ipStatusEnum = pgEnum('ip_status', ipStatuses);

/** Staged disclosure (DESIGN §4): the least a viewer's relation must reach to see a field. */
export const disclosureLevels = ['members', 'interest_accepted', 'nda', 'introduced'] as const;
export const disclosureLevelEnum = pgEnum('disclosure_level', disclosureLevels);

/** Per-field disclosure settings of a listing, e.g. { organisationName: 'members', patentNumbers: 'nda' }. */
export type DisclosureSettings = Partial<Record<'organisationName' | 'patentNumbers' | 'attachments' | 'contacts' | 'details', (typeof disclosureLevels)[number]>>;

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
  },
  (t) => [
    index('needs_organisation_idx').on(t.organisationId),
    index('needs_created_by_idx').on(t.createdBy),
    index('needs_contact_user_idx').on(t.contactUserId),
    index('needs_status_domain_idx').on(t.status, t.domain),
    index('needs_published_idx').on(t.publishedAt),
    index('needs_search_idx').using('gin', sql`to_tsvector('simple', ${t.searchText})`),
    index('needs_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    check('needs_trl_range', sql`(${t.trlMin} IS NULL OR ${t.trlMin} BETWEEN 1 AND 9) AND (${t.trlMax} IS NULL OR ${t.trlMax} BETWEEN 1 AND 9) AND (${t.trlMin} IS NULL OR ${t.trlMax} IS NULL OR ${t.trlMin} <= ${t.trlMax})`),
    check('needs_budget_range', sql`(${t.budgetMinJpy} IS NULL OR ${t.budgetMinJpy} >= 0) AND (${t.budgetMinJpy} IS NULL OR ${t.budgetMaxJpy} IS NULL OR ${t.budgetMinJpy} <= ${t.budgetMaxJpy})`),
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
  },
  (t) => [
    index('seeds_organisation_idx').on(t.organisationId),
    index('seeds_created_by_idx').on(t.createdBy),
    index('seeds_contact_user_idx').on(t.contactUserId),
    index('seeds_status_domain_idx').on(t.status, t.domain),
    index('seeds_published_idx').on(t.publishedAt),
    index('seeds_trl_idx').on(t.trl),
    index('seeds_search_idx').using('gin', sql`to_tsvector('simple', ${t.searchText})`),
    index('seeds_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    check('seeds_trl_range', sql`${t.trl} IS NULL OR ${t.trl} BETWEEN 1 AND 9`),
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
