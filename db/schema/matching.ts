import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { listingKinds } from '../vocabulary/listings';
import { matchKinds, matchStatuses } from '../vocabulary/matching';
import { clusters, domainEnum, localeEnum, organisations } from './accounts';
import { bytea, tsvector } from './column-types';
import { needs, seeds } from './listings';

export const listingKindEnum = pgEnum('listing_kind', listingKinds);

/**
 * The engine's view of one listing (lib/matching/store.ts keeps it in step):
 * - `rep`: `represent()` output (weighted term / concept / loanword frequencies), corpus-independent;
 * - `words`: its words as written, compact (lib/matching/words.ts), which a match's reasons read;
 * - `vec`: its L2-normalised TF-IDF vectors, weighed with the corpus statistics of its kind when
 *   the corpus had `weighedN` documents (re-weighed in the background as the corpus grows);
 * - `keys`: every term (`t:`), concept (`c:`) and loanword key (`l:`) of the document;
 * - `facts`: the structured fields the scorer needs (domain, TRL, IP, licensing, region, dates).
 * Storage (migration 0010, not expressible here): `toast_tuple_target = 128`, so heap rows stay narrow.
 */
export const matchDocuments = pgTable(
  'match_documents',
  {
    kind: listingKindEnum('kind').notNull(),
    listingId: uuid('listing_id').notNull(),
    lang: localeEnum('lang').notNull(),
    rep: jsonb('rep').$type<Record<string, unknown>>().notNull(),
    words: text('words').notNull(),
    vec: jsonb('vec').$type<Record<string, unknown>>().notNull(),
    packed: bytea('packed'),
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    keys: tsvector('keys').notNull(),
    weighedN: integer('weighed_n').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.listingId] })],
);

/**
 * The inverted index candidate retrieval reads: one row per (document, key) with the
 * document's language and its exact vector weight for the key (an entry of `vec`).
 * Derived from match_documents by a trigger (migration 0011, not expressible here), so every
 * write path keeps it in step. The primary key also carries (lang, weight) (`INCLUDE`), so a
 * key's postings come from an index-only scan without a heap read per posting.
 */
export const matchPostings = pgTable(
  'match_postings',
  {
    kind: listingKindEnum('kind').notNull(),
    key: text('key').notNull(),
    listingId: uuid('listing_id').notNull(),
    lang: localeEnum('lang').notNull(),
    weight: real('weight').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key, t.listingId] })],
);

/**
 * Document frequencies per corpus (kind) for IDF: one row per index key; the row with key '*'
 * holds the number of documents. Kept in step incrementally when a document changes.
 */
export const matchCorpusStats = pgTable(
  'match_corpus_stats',
  {
    kind: listingKindEnum('kind').notNull(),
    key: text('key').notNull(),
    df: integer('df').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] })],
);

export const matchKindEnum = pgEnum('match_kind', matchKinds);
export const matchStatusEnum = pgEnum('match_status', matchStatuses);

export const matches = pgTable(
  'matches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: matchKindEnum('kind').notNull(),
    needId: uuid('need_id').references(() => needs.id, { onDelete: 'cascade' }),
    seedId: uuid('seed_id').references(() => seeds.id, { onDelete: 'cascade' }),
    /** The trading firm / member asking (interest, sales_channel). */
    requesterOrganisationId: uuid('requester_organisation_id').references(() => organisations.id),
    /** The cluster whose coordinators broker this match. */
    clusterId: uuid('cluster_id').references(() => clusters.id),
    score: real('score'),
    reasons: jsonb('reasons').$type<unknown[]>().notNull().default([]),
    status: matchStatusEnum('status').notNull().default('proposed'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('matches_pair_uniq').on(t.needId, t.seedId).where(sql`${t.kind} in ('engine', 'manual')`),
    index('matches_need_idx').on(t.needId),
    index('matches_seed_idx').on(t.seedId),
    index('matches_requester_idx').on(t.requesterOrganisationId),
    index('matches_cluster_status_idx').on(t.clusterId, t.status),
    check('matches_score_range', sql`${t.score} IS NULL OR ${t.score} BETWEEN 0 AND 1`),
    check('matches_has_listing', sql`${t.needId} IS NOT NULL OR ${t.seedId} IS NOT NULL`),
  ],
);

/**
 * Each set of clusters a match is attributed to, once, under a small number: the KPIs group matches by it (an
 * integer, where grouping by the uuid arrays hashed and sorted wide rows) and find one cluster's matches through
 * the few sets that contain it. Written by the database when a match gets a set not seen before (migration 0028);
 * never deleted (a set no match has any more counts nothing).
 */
export const clusterSets = pgTable('cluster_sets', {
  id: serial('id').primaryKey(),
  /** Sorted, without duplicates; the empty set is a match with no cluster. */
  clusterIds: uuid('cluster_ids').array().notNull().unique('cluster_sets_cluster_ids_uniq'),
});

/**
 * What a match counts for in the programme's KPIs (lib/programme/kpis.ts), stored so the dashboard reads it
 * instead of deriving it per match through needs, seeds and organisations: the set of clusters of its need's and
 * its seed's organisations (its own cluster when they are in none; none at all when it has none either), its
 * need's domain (else its seed's), and when it was proposed. One row per match.
 * Kept by the database (migrations 0027 and 0028: triggers on matches, needs, seeds and organisation_clusters,
 * each in the transaction of the write), so no write path can leave it behind; the view match_attribution_derived
 * computes the same from scratch.
 */
export const matchAttribution = pgTable(
  'match_attribution',
  {
    matchId: uuid('match_id')
      .primaryKey()
      .references(() => matches.id, { onDelete: 'cascade' }),
    setId: integer('set_id')
      .notNull()
      .references(() => clusterSets.id),
    domain: domainEnum('domain').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('match_attribution_set_idx').on(t.setId),
    // proposals in a period, read from the index alone
    index('match_attribution_created_idx').on(t.createdAt, t.setId, t.domain),
  ],
);

/**
 * What each match counts for in the programme's KPIs, a row per (metric, calendar day in Japan), with the match's
 * set of clusters and domain from match_attribution: `n` things (introductions, NDAs, outcomes of a kind, the
 * proposal itself), or for a step a match may reach more than once (approved, meeting, agreement, launch,
 * stalled) 1, the match reaching it that day, and `repeats` when it reaches it on other days too; an introduction
 * carries its days from the proposal. Kept by the
 * database (migration 0029: triggers on every table a figure is read from, each recomputing the facts of the
 * matches it touched, in the transaction of the write); the view kpi_match_facts_derived computes them afresh.
 */
export const kpiMatchFacts = pgTable(
  'kpi_match_facts',
  {
    matchId: uuid('match_id').notNull(),
    metric: text('metric').notNull(),
    day: date('day').notNull(),
    n: integer('n').notNull(),
    setId: integer('set_id').notNull(),
    domain: domainEnum('domain').notNull(),
    repeats: boolean('repeats').notNull(),
    /** An introduction's days from the match's proposal (the median days to introduction). */
    days: doublePrecision('days'),
  },
  (t) => [
    primaryKey({ columns: [t.matchId, t.metric, t.day] }),
    index('kpi_match_facts_introduced_idx').on(t.day, t.setId, t.domain, t.days).where(sql`${t.metric} = 'introduced'`),
    // the days at a period's edges, read from the index alone
    index('kpi_match_facts_day_idx').on(t.day, t.setId, t.domain, t.metric, t.n),
    // a step a match reaches on several days: counted once per month and once per period
    index('kpi_match_facts_repeats_idx').on(t.day, t.setId, t.domain, t.metric, t.matchId).where(sql`${t.repeats}`),
  ],
);

/**
 * Needs and seeds posted, per organisation, calendar day in Japan (of publication) and domain, with the
 * organisation's set of clusters (a listing counts for its organisation's clusters). Kept by the database
 * (migration 0029): a listing written adds or takes off its one, and an organisation joining or leaving a cluster
 * moves its rows to its new set, each in the transaction of the write.
 */
export const kpiOrganisationFacts = pgTable(
  'kpi_organisation_facts',
  {
    organisationId: uuid('organisation_id').notNull(),
    metric: text('metric').notNull(),
    day: date('day').notNull(),
    domain: domainEnum('domain').notNull(),
    n: integer('n').notNull(),
    setId: integer('set_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.metric, t.day, t.domain] }),
    index('kpi_organisation_facts_day_idx').on(t.day, t.setId, t.domain, t.metric, t.n),
  ],
);

/**
 * The facts of matches and organisations summed per month (its first day), metric, set of clusters and domain,
 * kept with them by the same triggers: the dashboard reads the whole months of a period here (thousands of rows,
 * however many matches and listings) and only the days at its edges from the facts.
 */
export const kpiMonthCounts = pgTable(
  'kpi_month_counts',
  {
    month: date('month').notNull(),
    metric: text('metric').notNull(),
    setId: integer('set_id').notNull(),
    domain: domainEnum('domain').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.metric, t.setId, t.domain] })],
);
