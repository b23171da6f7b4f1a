import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { digestFrequencies } from '../vocabulary/integrations';
import { listingCollections } from '../vocabulary/listings';
import { users } from './accounts';

/**
 * Personal API tokens for /api/v1. Only the sha256 of the secret is stored; the secret is
 * shown once at creation. `prefix` (the first characters of the token) identifies it in lists.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('api_tokens_hash_idx').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

export const savedSearchKindEnum = pgEnum('saved_search_kind', listingCollections);
export const digestFrequencyEnum = pgEnum('digest_frequency', digestFrequencies);

/** A browse-page search a user keeps, with an e-mail digest of new matching listings. */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: savedSearchKindEnum('kind').notNull(),
    name: text('name').notNull(),
    /** The browse page's search parameters (q, domain, trl…), as validated by the search schema. */
    query: jsonb('query').$type<Record<string, string | string[]>>().notNull().default({}),
    frequency: digestFrequencyEnum('frequency').notNull().default('weekly'),
    /** Listings published after this instant are "new" for the next digest. */
    lastDigestAt: timestamp('last_digest_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('saved_searches_user_idx').on(t.userId),
    index('saved_searches_due_idx').on(t.frequency, t.lastDigestAt),
  ],
);
