import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations } from '@/db/schema/accounts';
import { needs } from '@/db/schema/listings';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { manageableSql, needColumns, readableSql } from './access';
import { changedParts } from './changes';
import { presentNeed } from './disclosure';
import { needCard, type NeedRow, type NeedView } from './listing-views';
import { resolveOwnerOrganisation } from './owner-org';
import { EDITABLE_STATUSES } from './rules';
import { buildSearchText } from './search-text';
import type { NeedFormValues, NeedInput } from './validation';
import { enqueueRematch, prepareRematch } from '@/lib/matching/jobs';
import type { ListingStatus } from '@/db/vocabulary/listings';

function contentOf(input: NeedInput) {
  return {
    language: input.language,
    title: input.title,
    summary: input.summary,
    details: input.details,
    domain: input.domain,
    keywords: input.keywords,
    prefecture: input.prefecture || null,
    disclosure: input.disclosure,
    trlMin: input.trlMin ?? null,
    trlMax: input.trlMax ?? null,
    budgetMinJpy: input.budgetMinJpy ?? null,
    budgetMaxJpy: input.budgetMaxJpy ?? null,
    timeline: input.timeline || null,
    partnerKinds: input.partnerKinds,
    regionPreference: input.regionPreference || null,
    visibility: input.visibility,
    anonymousLabel: input.anonymousLabel || null,
    acceptRoyaltyMaxPct: input.acceptRoyaltyMaxPct ?? null,
    acceptUpfrontMaxJpy: input.acceptUpfrontMaxJpy ?? null,
    acceptTerritories: [...new Set(input.acceptTerritories ?? [])],
    wantsExclusive: input.wantsExclusive ?? false,
    needsSublicensing: input.needsSublicensing ?? false,
    searchText: buildSearchText({ ...input, anonymousLabel: input.anonymousLabel }),
  };
}

/**
 * Creates (no id) or updates (id + version) a need. 'draft' keeps a draft a draft (autosave);
 * 'submit', or any edit of a listing already under review or published, goes to review.
 */
export async function saveNeed(
  viewer: Viewer,
  input: NeedInput,
  ip: string | null = null,
): Promise<{ id: string; version: number; status: ListingStatus }> {
  const db = await getDb();
  if (!input.id) {
    const owner = await resolveOwnerOrganisation(db, viewer, 'need', input.organisationId);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(needs)
        .values({
          ...contentOf(input),
          organisationId: owner.organisationId,
          createdBy: viewer.userId,
          contactUserId: owner.onBehalf ? null : viewer.userId,
          status: input.intent === 'submit' ? 'pending_review' : 'draft',
        })
        .returning({ id: needs.id, version: needs.version, status: needs.status });
      await writeAudit(tx, {
        actorId: viewer.userId,
        action: 'need.create',
        subjectType: 'need',
        subjectId: row.id,
        details: { status: row.status, onBehalf: owner.onBehalf },
        ip,
      });
      return row;
    });
  }
  if (!input.version) throw new AppError('invalid', 'errors.invalid', { version: ['validation.required'] });
  const status =
    input.intent === 'submit'
      ? sql`'pending_review'::listing_status`
      : sql`(case when ${needs.status} = 'draft' then 'draft' else 'pending_review' end)::listing_status`;
  await prepareRematch(); // the re-match job is enqueued inside the transaction
  return db.transaction(async (tx) => {
    // what the edit changes, for followers (kept in the audit entry)
    const [before] = await tx
      .select()
      .from(needs)
      .where(and(eq(needs.id, input.id!), manageableSql(needs, viewer)));
    const content = contentOf(input);
    const changed = changedParts(before ?? {}, content);
    const updated = await tx
      .update(needs)
      .set({
        ...content,
        status,
        closedReason: null,
        version: sql`${needs.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(needs.id, input.id!),
          eq(needs.version, input.version!),
          inArray(needs.status, [...EDITABLE_STATUSES]),
          manageableSql(needs, viewer),
        ),
      )
      .returning({ id: needs.id, version: needs.version, status: needs.status });
    if (!updated.length) {
      const [exists] = await tx
        .select({ id: needs.id })
        .from(needs)
        .where(and(eq(needs.id, input.id!), manageableSql(needs, viewer)));
      throw exists ? new AppError('conflict', 'listings.errors.conflict') : new AppError('not_found');
    }
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'need.update',
      subjectType: 'need',
      subjectId: input.id,
      details: { status: updated[0].status, intent: input.intent, changed },
      ip,
    });
    await enqueueRematch({ kind: 'need', id: input.id! }, { tx }); // an edit of an open listing leaves matching until re-published
    return updated[0];
  });
}

async function selectNeed(viewer: Viewer | null, where: ReturnType<typeof and>) {
  const db = await getDb();
  const [row] = await db
    .select(needColumns(viewer))
    .from(needs)
    .innerJoin(organisations, eq(organisations.id, needs.organisationId))
    .where(where)
    .limit(1);
  return { db, row: row as NeedRow | undefined };
}

/** Detail view for a verified member; null (→ 404) when it does not exist or is not theirs to see. */
export async function getNeedForViewer(viewer: Viewer, id: string, ip: string | null = null): Promise<NeedView | null> {
  const { db, row } = await selectNeed(viewer, and(eq(needs.id, id), readableSql(needs, viewer)));
  return row ? presentNeed(db, viewer, row, ip) : null;
}

/** Form values of a need the viewer may edit (owner org or its coordinators); null → 404. */
export async function getNeedForEdit(
  viewer: Viewer,
  id: string,
): Promise<{ values: NeedFormValues; status: ListingStatus; reviewComment: string | null } | null> {
  const { row } = await selectNeed(viewer, and(eq(needs.id, id), manageableSql(needs, viewer)));
  if (!row || !EDITABLE_STATUSES.includes(row.status)) return null;
  return {
    status: row.status,
    reviewComment: row.reviewComment,
    values: {
      id: row.id,
      version: row.version,
      intent: 'draft',
      language: row.language,
      title: row.title,
      summary: row.summary,
      details: row.details,
      domain: row.domain,
      keywords: row.keywords,
      prefecture: row.prefecture ?? '',
      disclosure: row.disclosure,
      trlMin: row.trlMin ?? undefined,
      trlMax: row.trlMax ?? undefined,
      budgetMinJpy: row.budgetMinJpy ?? undefined,
      budgetMaxJpy: row.budgetMaxJpy ?? undefined,
      timeline: row.timeline ?? '',
      partnerKinds: row.partnerKinds,
      regionPreference: row.regionPreference ?? '',
      visibility: row.visibility,
      anonymousLabel: row.anonymousLabel ?? '',
      acceptRoyaltyMaxPct: row.acceptTerms.royaltyMaxPct ?? undefined,
      acceptUpfrontMaxJpy: row.acceptTerms.upfrontMaxJpy ?? undefined,
      acceptTerritories: row.acceptTerms.territories,
      wantsExclusive: row.acceptTerms.exclusive,
      needsSublicensing: row.acceptTerms.sublicensing,
    },
  };
}

/** The viewer's organisation's needs, every status, newest first. */
export async function listMyNeeds(viewer: Viewer): Promise<NeedView[]> {
  const db = await getDb();
  const rows = await db
    .select(needColumns(viewer))
    .from(needs)
    .innerJoin(organisations, eq(organisations.id, needs.organisationId))
    .where(and(eq(needs.organisationId, viewer.organisationId), sql`${needs.status} <> 'archived'`))
    .orderBy(desc(needs.updatedAt))
    .limit(200);
  return rows.map((r) => needCard(viewer, r as NeedRow));
}
