import 'server-only';
import { asc, count, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { clusters, organisationClusters } from '@/db/schema/accounts';
import type { Viewer } from '@/lib/auth/policy';

const clusterColumns = {
  id: clusters.id,
  slug: clusters.slug,
  nameJa: clusters.nameJa,
  nameEn: clusters.nameEn,
  region: clusters.region,
  domains: clusters.domains,
  phase: clusters.phase,
};

export async function listClustersOfOrganisation(organisationId: string) {
  const db = await getDb();
  return db
    .select(clusterColumns)
    .from(organisationClusters)
    .innerJoin(clusters, eq(clusters.id, organisationClusters.clusterId))
    .where(eq(organisationClusters.organisationId, organisationId))
    .orderBy(asc(clusters.nameEn));
}

/** The clusters a coordinator looks after, with their member counts. */
export async function listCoordinatedClusters(viewer: Viewer) {
  if (!viewer.coordinatorClusterIds.length) return [];
  const db = await getDb();
  return db
    .select({ ...clusterColumns, memberCount: count(organisationClusters.organisationId) })
    .from(clusters)
    .leftJoin(organisationClusters, eq(organisationClusters.clusterId, clusters.id))
    .where(inArray(clusters.id, viewer.coordinatorClusterIds))
    .groupBy(clusters.id)
    .orderBy(asc(clusters.nameEn));
}
