import 'server-only';
import type { Db } from '@/db';
import { ipRecords, needs, seeds } from '@/db/schema/listings';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { OWNER_KINDS } from '@/lib/listings/owner-org';
import { strongestIpStatus } from '@/lib/listings/rules';
import { buildSearchText } from '@/lib/listings/search-text';
import type { NeedInput, SeedInput } from '@/lib/listings/validation';
import type { ListingCollection } from '@/db/vocabulary/listings';
import type { ValidRow } from './rows';

const BATCH = 500;

/** Which kinds of listing an organisation posts (lib/listings OWNER_KINDS): SMEs needs; universities, institutes and TLOs seeds. */
export function mayPost(viewer: Viewer, kind: ListingCollection): boolean {
  return OWNER_KINDS[kind === 'needs' ? 'need' : 'seed'].includes(viewer.organisationKind);
}

/**
 * Inserts every valid row of an import as listings of the importer's organisation, in one
 * transaction with one audit row: all or nothing. Rows become drafts, or go to the
 * coordinators' review queue when the importer chose "submit for review".
 * The caller validated every row (and refuses the commit if any row had errors).
 */
export async function commitImport(
  db: Db,
  viewer: Viewer,
  kind: ListingCollection,
  rows: ValidRow<ListingCollection>[],
  options: { intent: 'draft' | 'submit'; fileName: string; ip: string | null },
): Promise<{ created: number; ids: string[] }> {
  if (!mayPost(viewer, kind)) throw new AppError('forbidden', 'import.errors.kind_not_allowed');
  const status = options.intent === 'submit' ? ('pending_review' as const) : ('draft' as const);
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      if (kind === 'needs') {
        const inserted = await tx
          .insert(needs)
          .values(batch.map(({ data }) => needValues(viewer, data as NeedInput, status)))
          .returning({ id: needs.id });
        ids.push(...inserted.map((r) => r.id));
      } else {
        const inserted = await tx
          .insert(seeds)
          .values(batch.map(({ data }) => seedValues(viewer, data as SeedInput, status)))
          .returning({ id: seeds.id });
        ids.push(...inserted.map((r) => r.id));
        const ipValues = batch.flatMap(({ data }, i) =>
          (data as SeedInput).ipRecords.map((r) => ({
            seedId: inserted[i].id,
            number: r.number || null,
            jurisdiction: r.jurisdiction,
            status: r.status,
            title: r.title,
            filedOn: r.filedOn || null,
            grantedOn: r.grantedOn || null,
          })),
        );
        for (let i = 0; i < ipValues.length; i += BATCH)
          await tx.insert(ipRecords).values(ipValues.slice(i, i + BATCH));
      }
    }
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'listings.import',
      subjectType: kind === 'needs' ? 'need' : 'seed',
      subjectId: null,
      details: {
        count: ids.length,
        status,
        fileName: options.fileName.slice(0, 200),
        organisationId: viewer.organisationId,
      },
      ip: options.ip,
    });
    return { created: ids.length, ids };
  });
}

function commonValues(viewer: Viewer, data: NeedInput | SeedInput, status: 'draft' | 'pending_review') {
  return {
    organisationId: viewer.organisationId,
    createdBy: viewer.userId,
    contactUserId: viewer.userId,
    language: data.language,
    title: data.title,
    summary: data.summary,
    details: data.details,
    domain: data.domain,
    keywords: data.keywords,
    prefecture: data.prefecture || null,
    status,
    disclosure: data.disclosure,
  };
}

export function needValues(viewer: Viewer, data: NeedInput, status: 'draft' | 'pending_review') {
  return {
    ...commonValues(viewer, data, status),
    trlMin: data.trlMin ?? null,
    trlMax: data.trlMax ?? null,
    budgetMinJpy: data.budgetMinJpy ?? null,
    budgetMaxJpy: data.budgetMaxJpy ?? null,
    timeline: data.timeline || null,
    partnerKinds: data.partnerKinds,
    regionPreference: data.regionPreference || null,
    visibility: data.visibility,
    anonymousLabel: data.anonymousLabel || null,
    searchText: buildSearchText({ ...data, anonymousLabel: data.anonymousLabel }),
  };
}

export function seedValues(viewer: Viewer, data: SeedInput, status: 'draft' | 'pending_review') {
  return {
    ...commonValues(viewer, data, status),
    trl: data.trl ?? null,
    leadResearcher: data.leadResearcher || null,
    licensing: data.licensing,
    advantages: data.advantages,
    visibility: data.visibility,
    ipStatus: strongestIpStatus(data.ipRecords.map((r) => r.status)),
    searchText: buildSearchText({ ...data, ipTitles: data.ipRecords.map((r) => r.title) }),
  };
}
