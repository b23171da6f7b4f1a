import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db';
import { organisations } from '@/db/schema/accounts';
import { ipRecords, seeds } from '@/db/schema/listings';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { manageableSql, readableSql, seedColumns } from './access';
import { changedParts } from './changes';
import { presentSeed } from './disclosure';
import { seedCard, type IpRow, type SeedRow, type SeedView } from './listing-views';
import { resolveOwnerOrganisation } from './owner-org';
import { EDITABLE_STATUSES, strongestIpStatus } from './rules';
import { buildSearchText } from './search-text';
import type { SeedFormValues, SeedInput } from './validation';
import { enqueueRematch, prepareRematch } from '@/lib/matching/jobs';
import type { ListingStatus } from '@/db/vocabulary/listings';
import { fromTri, toTri } from './licence-terms';

function contentOf(input: SeedInput) {
  return {
    language: input.language,
    title: input.title,
    summary: input.summary,
    details: input.details,
    domain: input.domain,
    keywords: input.keywords,
    prefecture: input.prefecture || null,
    disclosure: input.disclosure,
    trl: input.trl ?? null,
    leadResearcher: input.leadResearcher || null,
    licensing: input.licensing,
    royaltyMinPct: input.royaltyMinPct ?? null,
    royaltyMaxPct: input.royaltyMaxPct ?? null,
    upfrontFeeMinJpy: input.upfrontFeeMinJpy ?? null,
    upfrontFeeMaxJpy: input.upfrontFeeMaxJpy ?? null,
    milestoneFeeMinJpy: input.milestoneFeeMinJpy ?? null,
    milestoneFeeMaxJpy: input.milestoneFeeMaxJpy ?? null,
    licenceTerritories: [...new Set(input.licenceTerritories)],
    fieldOfUse: input.fieldOfUse || null,
    exclusivityMonths: input.exclusivityMonths ?? null,
    sublicensing: fromTri(input.sublicensing),
    optionAgreement: fromTri(input.optionAgreement),
    advantages: input.advantages,
    visibility: input.visibility,
    ipStatus: strongestIpStatus(input.ipRecords.map((r) => r.status)),
    searchText: buildSearchText({ ...input, ipTitles: input.ipRecords.map((r) => r.title) }),
  };
}

const ipRowsOf = (records: SeedInput['ipRecords']) =>
  records.map((r) => ({
    number: r.number || null,
    jurisdiction: r.jurisdiction.toUpperCase(),
    status: r.status,
    title: r.title,
    filedOn: r.filedOn || null,
    grantedOn: r.grantedOn || null,
  }));

async function replaceIpRecords(tx: Db, seedId: string, records: SeedInput['ipRecords']) {
  await tx.delete(ipRecords).where(eq(ipRecords.seedId, seedId));
  if (!records.length) return;
  await tx.insert(ipRecords).values(ipRowsOf(records).map((r) => ({ seedId, ...r })));
}

/** The seed's stored content and IP records, to tell followers what an edit changed. */
async function storedContent(tx: Db, viewer: Viewer, id: string) {
  const [row] = await tx
    .select()
    .from(seeds)
    .where(and(eq(seeds.id, id), manageableSql(seeds, viewer)));
  const records = await tx
    .select({
      number: ipRecords.number,
      jurisdiction: ipRecords.jurisdiction,
      status: ipRecords.status,
      title: ipRecords.title,
      filedOn: ipRecords.filedOn,
      grantedOn: ipRecords.grantedOn,
    })
    .from(ipRecords)
    .where(eq(ipRecords.seedId, id));
  return { ...row, ipRecords: records.map((r) => JSON.stringify(r)).sort() };
}

/** Creates or updates a seed with its IP records (see saveNeed for the status rules). */
export async function saveSeed(
  viewer: Viewer,
  input: SeedInput,
  ip: string | null = null,
): Promise<{ id: string; version: number; status: ListingStatus }> {
  const db = await getDb();
  if (!input.id) {
    const owner = await resolveOwnerOrganisation(db, viewer, 'seed', input.organisationId);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(seeds)
        .values({
          ...contentOf(input),
          organisationId: owner.organisationId,
          createdBy: viewer.userId,
          contactUserId: owner.onBehalf ? null : viewer.userId,
          status: input.intent === 'submit' ? 'pending_review' : 'draft',
        })
        .returning({ id: seeds.id, version: seeds.version, status: seeds.status });
      await replaceIpRecords(tx, row.id, input.ipRecords);
      await writeAudit(tx, {
        actorId: viewer.userId,
        action: 'seed.create',
        subjectType: 'seed',
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
      : sql`(case when ${seeds.status} = 'draft' then 'draft' else 'pending_review' end)::listing_status`;
  await prepareRematch(); // the re-match job is enqueued inside the transaction
  return db.transaction(async (tx) => {
    const before = await storedContent(tx, viewer, input.id!);
    const content = contentOf(input);
    const changed = changedParts(before, {
      ...content,
      ipRecords: ipRowsOf(input.ipRecords)
        .map((r) => JSON.stringify(r))
        .sort(),
    });
    const updated = await tx
      .update(seeds)
      .set({
        ...content,
        status,
        closedReason: null,
        version: sql`${seeds.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(seeds.id, input.id!),
          eq(seeds.version, input.version!),
          inArray(seeds.status, [...EDITABLE_STATUSES]),
          manageableSql(seeds, viewer),
        ),
      )
      .returning({ id: seeds.id, version: seeds.version, status: seeds.status });
    if (!updated.length) {
      const [exists] = await tx
        .select({ id: seeds.id })
        .from(seeds)
        .where(and(eq(seeds.id, input.id!), manageableSql(seeds, viewer)));
      throw exists ? new AppError('conflict', 'listings.errors.conflict') : new AppError('not_found');
    }
    await replaceIpRecords(tx, input.id!, input.ipRecords);
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'seed.update',
      subjectType: 'seed',
      subjectId: input.id,
      details: { status: updated[0].status, intent: input.intent, changed },
      ip,
    });
    await enqueueRematch({ kind: 'seed', id: input.id! }, { tx }); // an edit of an open listing leaves matching until re-published
    return updated[0];
  });
}

async function selectSeed(viewer: Viewer | null, where: ReturnType<typeof and>) {
  const db = await getDb();
  const [row] = await db
    .select(seedColumns(viewer))
    .from(seeds)
    .innerJoin(organisations, eq(organisations.id, seeds.organisationId))
    .where(where)
    .limit(1);
  if (!row) return { db, row: undefined, ips: [] as IpRow[] };
  const ips = await db
    .select({
      number: ipRecords.number,
      jurisdiction: ipRecords.jurisdiction,
      status: ipRecords.status,
      title: ipRecords.title,
      filedOn: ipRecords.filedOn,
      grantedOn: ipRecords.grantedOn,
    })
    .from(ipRecords)
    .where(eq(ipRecords.seedId, row.id))
    .orderBy(asc(ipRecords.createdAt));
  return { db, row: row as SeedRow, ips };
}

export async function getSeedForViewer(viewer: Viewer, id: string, ip: string | null = null): Promise<SeedView | null> {
  const { db, row, ips } = await selectSeed(viewer, and(eq(seeds.id, id), readableSql(seeds, viewer)));
  return row ? presentSeed(db, viewer, row, ips, ip) : null;
}

/** Signed-out visitors: a public teaser of a live seed, nothing else. */
export async function getPublicSeedTeaser(id: string): Promise<SeedView | null> {
  const { row } = await selectSeed(
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

export async function getSeedForEdit(
  viewer: Viewer,
  id: string,
): Promise<{ values: SeedFormValues; status: ListingStatus; reviewComment: string | null } | null> {
  const { row, ips } = await selectSeed(viewer, and(eq(seeds.id, id), manageableSql(seeds, viewer)));
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
      trl: row.trl ?? undefined,
      leadResearcher: row.leadResearcher ?? '',
      licensing: row.licensing,
      royaltyMinPct: row.terms.royaltyMinPct ?? undefined,
      royaltyMaxPct: row.terms.royaltyMaxPct ?? undefined,
      upfrontFeeMinJpy: row.terms.upfrontFeeMinJpy ?? undefined,
      upfrontFeeMaxJpy: row.terms.upfrontFeeMaxJpy ?? undefined,
      milestoneFeeMinJpy: row.terms.milestoneFeeMinJpy ?? undefined,
      milestoneFeeMaxJpy: row.terms.milestoneFeeMaxJpy ?? undefined,
      licenceTerritories: row.terms.licenceTerritories,
      fieldOfUse: row.terms.fieldOfUse ?? '',
      exclusivityMonths: row.terms.exclusivityMonths ?? undefined,
      sublicensing: toTri(row.terms.sublicensing),
      optionAgreement: toTri(row.terms.optionAgreement),
      advantages: row.advantages,
      visibility: row.visibility,
      ipRecords: ips.map((r) => ({
        ...r,
        number: r.number ?? '',
        filedOn: r.filedOn ?? '',
        grantedOn: r.grantedOn ?? '',
      })),
    },
  };
}

export async function listMySeeds(viewer: Viewer): Promise<SeedView[]> {
  const db = await getDb();
  const rows = await db
    .select(seedColumns(viewer))
    .from(seeds)
    .innerJoin(organisations, eq(organisations.id, seeds.organisationId))
    .where(and(eq(seeds.organisationId, viewer.organisationId), sql`${seeds.status} <> 'archived'`))
    .orderBy(desc(seeds.updatedAt))
    .limit(200);
  return rows.map((r) => seedCard(viewer, r as SeedRow));
}
