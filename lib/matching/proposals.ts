/**
 * Engine proposals: a listing's best partners above a threshold become `proposed` matches in
 * the coordinators' queue. One match per (need, seed) pair (partial unique index): a re-score
 * updates the score and reasons of a still-`proposed` engine match and never touches a match
 * that has moved on (approved, rejected, …) or one a coordinator made by hand.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { PROPOSAL_SETTINGS } from './weights';
import { rankForListing, type DbMatch } from './retrieve';
import { rowsOf } from '@/db/rows';
import { indexListings, removeListing } from './store';
import type { ListingKind } from '@/db/vocabulary/listings';

export interface ProposalResult {
  inserted: number;
  updated: number;
  candidates: number;
}

/** Upserts engine proposals for one listing's ranked partners. */
export async function upsertProposals(
  db: Db,
  kind: ListingKind,
  id: string,
  ranked: readonly DbMatch[],
  minScore: number = PROPOSAL_SETTINGS.minScore,
): Promise<ProposalResult> {
  return upsertProposalsMany(db, kind, [{ id, ranked }], minScore);
}

/** Upserts engine proposals for many listings of one kind in one statement (bulk re-match). */
export async function upsertProposalsMany(
  db: Db,
  kind: ListingKind,
  items: ReadonlyArray<{ id: string; ranked: readonly DbMatch[] }>,
  minScore: number = PROPOSAL_SETTINGS.minScore,
): Promise<ProposalResult> {
  const candidates = items.reduce((s, x) => s + x.ranked.length, 0);
  const rows = items.flatMap(({ id, ranked }) =>
    ranked
      .filter((m) => m.score >= minScore)
      .map((m) => ({
        need_id: kind === 'need' ? id : m.id,
        seed_id: kind === 'seed' ? id : m.id,
        score: Math.round(m.score * 1e5) / 1e5,
        reasons: m.reasons,
      })),
  );
  if (!rows.length) return { inserted: 0, updated: 0, candidates };
  // The brokering cluster: one both organisations belong to, else the need's, else the seed's.
  const result = rowsOf<{ inserted: boolean }>(
    await db.execute(sql`
      insert into matches (kind, need_id, seed_id, cluster_id, score, reasons)
      select 'engine', n.id, s.id,
        coalesce(
          (select a.cluster_id from organisation_clusters a join organisation_clusters b on b.cluster_id = a.cluster_id
            where a.organisation_id = n.organisation_id and b.organisation_id = s.organisation_id order by a.cluster_id limit 1),
          (select cluster_id from organisation_clusters where organisation_id = n.organisation_id order by cluster_id limit 1),
          (select cluster_id from organisation_clusters where organisation_id = s.organisation_id order by cluster_id limit 1)),
        x.score, x.reasons
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(need_id uuid, seed_id uuid, score real, reasons jsonb)
      join needs n on n.id = x.need_id
      join seeds s on s.id = x.seed_id
      on conflict (need_id, seed_id) where kind in ('engine', 'manual') do update
        set score = excluded.score, reasons = excluded.reasons, version = matches.version + 1, updated_at = now()
        where matches.kind = 'engine' and matches.status = 'proposed'
          and (matches.score is distinct from excluded.score or matches.reasons is distinct from excluded.reasons)
      returning (xmax = 0) as inserted`),
  );
  const inserted = result.filter((r) => r.inserted === true || String(r.inserted) === 'true').length;
  return { inserted, updated: result.length - inserted, candidates };
}

/** Whether a listing is open and unexpired (only those are matched). */
async function isOpen(db: Db, kind: ListingKind, id: string): Promise<boolean> {
  const table = kind === 'need' ? sql`needs` : sql`seeds`;
  const rows = rowsOf<{ ok: boolean }>(
    await db.execute(sql`select (status = 'open' and expires_at > now()) as ok from ${table} where id = ${id}::uuid`),
  );
  return rows.length > 0 && rows[0].ok === true;
}

/**
 * The background job's work for one listing: re-index it, then recompute its top-k and
 * upsert proposals. A listing no longer open leaves the index (its existing matches stay as
 * they are; closing them is the introductions workflow's business).
 */
export async function rematchListing(
  db: Db,
  kind: ListingKind,
  id: string,
  opts: { topK?: number; minScore?: number } = {},
): Promise<ProposalResult & { indexed: boolean }> {
  if (!(await isOpen(db, kind, id))) {
    await removeListing(db, kind, id);
    return { inserted: 0, updated: 0, candidates: 0, indexed: false };
  }
  await indexListings(db, kind, [id]);
  const ranked = await rankForListing(db, kind, id, opts.topK ?? PROPOSAL_SETTINGS.topK);
  return { ...(await upsertProposals(db, kind, id, ranked, opts.minScore)), indexed: true };
}
