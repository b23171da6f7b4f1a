import 'server-only';
import { and, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { seeds } from '@/db/schema/listings';
import type { ListingKind, ListingStatus } from '@/db/vocabulary/listings';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { enqueueRematch, prepareRematch } from '@/lib/matching/jobs';
import { manageableSql, readableSql } from './access';
import { changedParts } from './changes';
import { seedCard, type SeedView } from './listing-views';
import { resolveOwnerOrganisation } from './owner-org';
import { EDITABLE_STATUSES } from './rules';
import { type ByKind, type KindData, kinds, type ListingView } from './kind-data';

// Needs and seeds: one data module. What is the same (the save with its optimistic lock, status
// rules, audit and re-match; the scoped reads; the owner's list) is written once below; what differs
// is the per-kind descriptor `kinds` (kind-data.ts).

type Saved = { id: string; version: number; status: ListingStatus };
type Edit<K extends ListingKind> = { values: ByKind[K]['values']; status: ListingStatus; reviewComment: string | null };

/**
 * Creates (no id) or updates (id + version) a need or a seed (with its IP records). 'draft' keeps a
 * draft a draft (autosave); 'submit', or any edit of a listing already under review or published,
 * goes to review.
 */
export async function saveListing<K extends ListingKind>(
  viewer: Viewer,
  kind: K,
  input: ByKind[K]['input'],
  ip: string | null = null,
): Promise<Saved> {
  const d: KindData<K> = kinds[kind];
  const table = d.table;
  const ips = d.ipRecords;
  const records = 'ipRecords' in input ? input.ipRecords : [];
  const db = await getDb();
  if (!input.id) {
    const owner = await resolveOwnerOrganisation(db, viewer, kind, input.organisationId);
    const content: ByKind[ListingKind]['content'] = d.contentOf(input);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(table)
        .values({
          ...content,
          organisationId: owner.organisationId,
          createdBy: viewer.userId,
          contactUserId: owner.onBehalf ? null : viewer.userId,
          status: input.intent === 'submit' ? 'pending_review' : 'draft',
        })
        .returning({ id: table.id, version: table.version, status: table.status });
      await ips?.replace(tx, row.id, records);
      await writeAudit(tx, {
        actorId: viewer.userId,
        action: `${kind}.create`,
        subjectType: kind,
        subjectId: row.id,
        details: { status: row.status, onBehalf: owner.onBehalf },
        ip,
      });
      return row;
    });
  }
  const { id, version } = input;
  if (!version) throw new AppError('invalid', 'errors.invalid', { version: ['validation.required'] });
  const status =
    input.intent === 'submit'
      ? sql`'pending_review'::listing_status`
      : sql`(case when ${table.status} = 'draft' then 'draft' else 'pending_review' end)::listing_status`;
  const mine = and(eq(table.id, id), manageableSql(table, viewer));
  await prepareRematch(); // the re-match job is enqueued inside the transaction
  return db.transaction(async (tx) => {
    // what the edit changes, for followers (kept in the audit entry)
    const [before] = await tx.select().from(table).where(mine);
    const content = d.contentOf(input);
    const changed = ips
      ? changedParts(
          { ...before, ipRecords: ips.fingerprint(await ips.load(tx, id)) },
          { ...content, ipRecords: ips.fingerprint(ips.rowsOf(records)) },
        )
      : changedParts(before ?? {}, content);
    const updated = await tx
      .update(table)
      .set({
        ...content,
        status,
        closedReason: null,
        version: sql`${table.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(mine, eq(table.version, version), inArray(table.status, [...EDITABLE_STATUSES])))
      .returning({ id: table.id, version: table.version, status: table.status });
    if (!updated.length) {
      const [exists] = await tx.select({ id: table.id }).from(table).where(mine);
      throw exists ? new AppError('conflict', 'listings.errors.conflict') : new AppError('not_found');
    }
    await ips?.replace(tx, id, records);
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: `${kind}.update`,
      subjectType: kind,
      subjectId: id,
      details: { status: updated[0].status, intent: input.intent, changed },
      ip,
    });
    await enqueueRematch({ kind, id }, { tx }); // an edit of an open listing leaves matching until re-published
    return updated[0];
  });
}

/** One listing with its IP records (a need: none). */
async function selectOne<K extends ListingKind>(kind: K, viewer: Viewer | null, where: SQL | undefined) {
  const d: KindData<K> = kinds[kind];
  const db = await getDb();
  const [row] = await d.rows(db, viewer, where);
  const ips = row && d.ipRecords ? await d.ipRecords.load(db, row.id) : [];
  return { db, d, row, ips };
}

/** Detail view for a verified member; null (→ 404) when it does not exist or is not theirs to see. */
export async function getListingForViewer<K extends ListingKind>(
  viewer: Viewer,
  kind: K,
  id: string,
  ip: string | null = null,
): Promise<ListingView<K> | null> {
  const table = kinds[kind].table;
  const { db, d, row, ips } = await selectOne(kind, viewer, and(eq(table.id, id), readableSql(table, viewer)));
  return row ? d.present(db, viewer, row, ips, ip) : null;
}

/** Form values of a listing the viewer may edit (owner org or its coordinators); null → 404. */
export async function getListingForEdit<K extends ListingKind>(
  viewer: Viewer,
  kind: K,
  id: string,
): Promise<Edit<K> | null> {
  const table = kinds[kind].table;
  const { d, row, ips } = await selectOne(kind, viewer, and(eq(table.id, id), manageableSql(table, viewer)));
  if (!row || !EDITABLE_STATUSES.includes(row.status)) return null;
  return { status: row.status, reviewComment: row.reviewComment, values: d.formValues(row, ips) };
}

/** The viewer's organisation's listings of a kind, every status but archived, newest first. */
export async function listMyListings<K extends ListingKind>(viewer: Viewer, kind: K): Promise<ListingView<K>[]> {
  const d: KindData<K> = kinds[kind];
  const rows = await d.rows(
    await getDb(),
    viewer,
    and(eq(d.table.organisationId, viewer.organisationId), ne(d.table.status, 'archived')),
    { newestFirst: true, limit: 200 },
  );
  return rows.map((r) => d.card(viewer, r));
}

/** Signed-out visitors: a public teaser of a live seed, nothing else (needs have no public page). */
export async function getPublicSeedTeaser(id: string): Promise<SeedView | null> {
  const { row } = await selectOne(
    'seed',
    null,
    and(
      eq(seeds.id, id),
      eq(seeds.visibility, 'public_teaser'),
      eq(seeds.status, 'open'),
      sql`${seeds.expiresAt} > now()`,
    ),
  );
  return row ? seedCard(null, row) : null;
}
