import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { organisationClusters, organisations } from '@/db/schema/accounts';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import type { OrganisationKind } from '@/db/vocabulary/accounts';
import type { ListingKind } from '@/db/vocabulary/listings';

export const OWNER_KINDS: Record<ListingKind, OrganisationKind[]> = {
  need: ['sme'],
  seed: ['university', 'research_institute', 'tlo'],
};

/**
 * The organisation a new listing belongs to: the viewer's own, or, for a coordinator
 * drafting on behalf of a member, an organisation of a cluster they coordinate.
 */
export async function resolveOwnerOrganisation(
  db: Db,
  viewer: Viewer,
  kind: ListingKind,
  requested: string | undefined,
): Promise<{ organisationId: string; onBehalf: boolean }> {
  if (viewer.role === 'coordinator') {
    if (!requested) throw new AppError('invalid', 'errors.invalid', { organisationId: ['validation.required'] });
    const ids = viewer.coordinatorClusterIds;
    const [row] = ids.length
      ? await db
          .select({ id: organisations.id })
          .from(organisations)
          .innerJoin(organisationClusters, eq(organisationClusters.organisationId, organisations.id))
          .where(
            and(
              eq(organisations.id, requested),
              inArray(organisationClusters.clusterId, ids),
              inArray(organisations.kind, OWNER_KINDS[kind]),
            ),
          )
          .limit(1)
      : [];
    if (!row) throw new AppError('invalid', 'errors.invalid', { organisationId: ['validation.choice'] });
    return { organisationId: row.id, onBehalf: true };
  }
  if (requested && requested !== viewer.organisationId) throw new AppError('forbidden');
  if (!OWNER_KINDS[kind].includes(viewer.organisationKind)) throw new AppError('forbidden');
  return { organisationId: viewer.organisationId, onBehalf: false };
}

/** Organisations a coordinator may draft listings for (select options). */
export async function listOrganisationsForCoordinator(db: Db, viewer: Viewer, kind: ListingKind) {
  if (viewer.role !== 'coordinator' || !viewer.coordinatorClusterIds.length) return [];
  return db
    .selectDistinct({ id: organisations.id, nameJa: organisations.nameJa, nameEn: organisations.nameEn })
    .from(organisations)
    .innerJoin(organisationClusters, eq(organisationClusters.organisationId, organisations.id))
    .where(
      and(
        inArray(organisationClusters.clusterId, viewer.coordinatorClusterIds),
        inArray(organisations.kind, OWNER_KINDS[kind]),
        eq(organisations.verified, true),
      ),
    )
    .orderBy(organisations.nameEn);
}
