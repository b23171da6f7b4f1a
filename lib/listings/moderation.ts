import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations } from '@/db/schema/accounts';
import { needs, seeds } from '@/db/schema/listings';
import type { Viewer } from '@/lib/auth/policy';
import { coordinatedSql, type ListingTable } from './access';
import { transitionListing } from './lifecycle';
import type { ReviewListingInput } from './validation';
import type { ListingKind } from '@/db/vocabulary/listings';

export type ReviewItem = {
  kind: ListingKind;
  id: string;
  version: number;
  title: string;
  summary: string;
  domain: string;
  organisationNameJa: string;
  organisationNameEn: string;
  submittedAt: Date;
};

async function pending(viewer: Viewer, kind: ListingKind, t: ListingTable): Promise<ReviewItem[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: t.id,
      version: t.version,
      title: t.title,
      summary: t.summary,
      domain: t.domain,
      organisationNameJa: organisations.nameJa,
      organisationNameEn: organisations.nameEn,
      submittedAt: t.updatedAt,
    })
    .from(t)
    .innerJoin(organisations, eq(organisations.id, t.organisationId))
    .where(and(eq(t.status, 'pending_review'), coordinatedSql(t, viewer)))
    .orderBy(asc(t.updatedAt))
    .limit(200);
  return rows.map((r) => ({ ...r, kind }));
}

/** Listings waiting for review from organisations of the clusters this coordinator looks after, oldest first. */
export async function listReviewQueue(viewer: Viewer): Promise<ReviewItem[]> {
  if (viewer.role !== 'coordinator' || !viewer.coordinatorClusterIds.length) return [];
  const [n, s] = await Promise.all([pending(viewer, 'need', needs), pending(viewer, 'seed', seeds)]);
  return [...n, ...s].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
}

/** Publish or send back (with a comment). Conditional on the expected version and status. */
export async function reviewListing(viewer: Viewer, input: ReviewListingInput, ip: string | null = null) {
  return transitionListing(
    viewer,
    { kind: input.kind, id: input.id, version: input.version },
    input.decision === 'publish' ? 'publish' : 'send_back',
    {
      comment: input.comment || undefined,
      ip,
    },
  );
}
