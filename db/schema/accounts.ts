import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { DEFAULT_TIME_ZONE, employeeBands, locales, organisationKinds, roles } from '../vocabulary/accounts';
import { clusterPhases, domains } from '../vocabulary/clusters';

export const organisationKindEnum = pgEnum('organisation_kind', organisationKinds);
export const roleEnum = pgEnum('user_role', roles);
export const localeEnum = pgEnum('locale', locales);
export const domainEnum = pgEnum('domain', domains);
export const clusterPhaseEnum = pgEnum('cluster_phase', clusterPhases);
export const employeeBandEnum = pgEnum('employee_band', employeeBands);

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: organisationKindEnum('kind').notNull(),
    nameJa: text('name_ja').notNull(),
    nameEn: text('name_en').notNull(),
    prefecture: text('prefecture').notNull(),
    website: text('website'),
    employeeBand: employeeBandEnum('employee_band'),
    verified: boolean('verified').notNull().default(false),
    ...timestamps,
  },
  (t) => [index('organisations_kind_idx').on(t.kind), index('organisations_verified_idx').on(t.verified)],
);

export const clusters = pgTable('clusters', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  nameJa: text('name_ja').notNull(),
  nameEn: text('name_en').notNull(),
  /** Where the cluster is, in each language (shown in the reader's). */
  regionJa: text('region_ja').notNull(),
  regionEn: text('region_en').notNull(),
  domains: domainEnum('domains').array().notNull().default(sql`'{}'`),
  phase: clusterPhaseEnum('phase').notNull().default('I'),
  ...timestamps,
});

export const organisationClusters = pgTable(
  'organisation_clusters',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.clusterId] }),
    index('organisation_clusters_cluster_idx').on(t.clusterId),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    role: roleEnum('role').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    locale: localeEnum('locale').notNull().default('ja'),
    // IANA zone every date and time is shown in, to this user on pages and in mails.
    timeZone: text('time_zone').notNull().default(DEFAULT_TIME_ZONE),
    // A member joining an existing organisation waits for an admin's approval.
    approved: boolean('approved').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    // Bumped to invalidate every JWT issued before (sign out everywhere, role change, password change).
    sessionVersion: integer('session_version').notNull().default(1),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    // Set when the member deleted their account (lib/privacy/delete.ts): the row stays, anonymised, so
    // the organisation's records keep their shape and counterparts see "former member".
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** When the user last opened their home: what it calls new is counted from here. */
    homeSeenAt: timestamp('home_seen_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`),
    index('users_organisation_idx').on(t.organisationId),
  ],
);

export const coordinatorClusters = pgTable(
  'coordinator_clusters',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.clusterId] }), index('coordinator_clusters_cluster_idx').on(t.clusterId)],
);

// Append-only, enforced by triggers (migration 0015_audit_append_only): rows are added, never changed or removed.
export const auditLogs = pgTable(
  'audit_logs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_logs_actor_idx').on(t.actorId),
    index('audit_logs_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_logs_created_idx').on(t.createdAt),
  ],
);

// Storage for rate-limiter-flexible's RateLimiterDrizzle (failed sign-ins per account and per IP).
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: timestamp('expire', { withTimezone: true }),
});

// A sign-up waiting for its e-mail address to be confirmed (issue 12 item 3): nothing is written to
// users or organisations until the link mailed to the address is followed, so the sign-up form answers
// the same whether or not the address already has an account. Only the token's SHA-256 is stored.
export const signUpRequests = pgTable(
  'sign_up_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    // the sign-up form's other fields (name, locale, organisation choice), as validated
    details: jsonb('details').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('sign_up_requests_token_idx').on(t.tokenHash)],
);
