/**
 * Bulk re-matching (e.g. every open need after a large import or a glossary change): top-k and
 * proposal upserts for many listings, in batches. A batch shares one document load, one
 * statistics lookup, one read of the top partners' words and one proposal upsert; only the
 * candidate query runs per listing. Reasons are built only for the matches it proposes (at or
 * above the cut-off): the others are never stored. `concurrency` batches are in flight at once (one connection each), so the
 * database works on one batch while this process re-ranks another. Memory is bounded by the
 * batch size, not the corpus. For two cores, run two processes over halves of the ids
 * (scripts/bench-match.ts does) or one with concurrency 2.
 */
import type { Db } from '@/db';
import { PROPOSAL_SETTINGS } from './weights';
import { rankForListings } from './retrieve';
import { upsertProposalsMany } from './proposals';
import type { ListingKind } from '@/db/vocabulary/listings';

export interface BulkOptions {
  /** listings per batch */
  batch?: number;
  /** batches in flight at once */
  concurrency?: number;
  /** candidate queries in flight at once within a batch (default 2) */
  pipeline?: number;
  topK?: number;
  minScore?: number;
  /** called after each batch with the number of listings done so far */
  onProgress?: (done: number) => void;
}

export async function rematchMany(db: Db, kind: ListingKind, ids: readonly string[], opts: BulkOptions = {}) {
  const size = Math.max(1, opts.batch ?? 64);
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += size) batches.push(ids.slice(i, i + size));
  let inserted = 0;
  let updated = 0;
  let done = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, opts.concurrency ?? 2) }, async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        const ranked = await rankForListings(db, kind, batch, opts.topK ?? PROPOSAL_SETTINGS.topK, {
          pipeline: opts.pipeline ?? 2,
          // only proposals keep their reasons
          reasonsFrom: opts.minScore ?? PROPOSAL_SETTINGS.minScore,
        });
        const r = await upsertProposalsMany(
          db,
          kind,
          [...ranked].map(([id, list]) => ({ id, ranked: list })),
          opts.minScore,
        );
        inserted += r.inserted;
        updated += r.updated;
        done += batch.length;
        opts.onProgress?.(done);
      }
    }),
  );
  return { inserted, updated };
}

/** Every given need re-matched (see rematchMany). */
export function rematchNeeds(db: Db, ids: readonly string[], opts: BulkOptions = {}) {
  return rematchMany(db, 'need', ids, opts);
}
