import 'server-only';
import { and, desc, eq, exists, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { isUniqueViolation } from '@/db/errors';
import { clusters, coordinatorClusters, users } from '@/db/schema/accounts';
import { clusterPlanVersions } from '@/db/schema/programme';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { type PlanContent, planChanges, planFromInput } from './plan-rules';
import type { ClusterPlanInput } from './validation';

// Cluster plans (issue 14 item 1): the office edits any cluster's plan, a coordinator those of the clusters
// they coordinate now (read from coordinator_clusters, not the session). Each save is a new version.

/** The clusters whose plan the viewer may read and edit, as a condition on `clusters`. */
function editableClusters(viewer: Viewer) {
  if (viewer.role === 'admin') return sql`true`;
  if (viewer.role !== 'coordinator') return sql`false`;
  return exists(
    sql`(select 1 from ${coordinatorClusters} where ${coordinatorClusters.userId} = ${viewer.userId} and ${coordinatorClusters.clusterId} = ${clusters.id})`,
  );
}

const contentColumns = {
  vision: clusterPlanVersions.vision,
  goals: clusterPlanVersions.goals,
  processFlow: clusterPlanVersions.processFlow,
  phases: clusterPlanVersions.phases,
};

/** The cluster, its current plan and every version before it (newest first), or null when not the viewer's. */
export async function getClusterPlan(db: Db, viewer: Viewer, clusterId: string) {
  const [cluster] = await db
    .select({ id: clusters.id, nameJa: clusters.nameJa, nameEn: clusters.nameEn, phase: clusters.phase })
    .from(clusters)
    .where(and(eq(clusters.id, clusterId), editableClusters(viewer)));
  if (!cluster) return null;
  const versions = await db
    .select({
      version: clusterPlanVersions.version,
      ...contentColumns,
      changes: clusterPlanVersions.changes,
      createdAt: clusterPlanVersions.createdAt,
      author: users.name,
    })
    .from(clusterPlanVersions)
    .innerJoin(users, eq(users.id, clusterPlanVersions.createdBy))
    .where(eq(clusterPlanVersions.clusterId, clusterId))
    .orderBy(desc(clusterPlanVersions.version));
  return { cluster, current: versions[0] ?? null, versions };
}

/** The current plan of each of these clusters that has one (the dashboard's targets). */
export async function currentPlans(
  db: Db,
  clusterIds: string[],
): Promise<Map<string, PlanContent & { version: number }>> {
  if (!clusterIds.length) return new Map();
  const rows = await db
    .selectDistinctOn([clusterPlanVersions.clusterId], {
      clusterId: clusterPlanVersions.clusterId,
      version: clusterPlanVersions.version,
      ...contentColumns,
    })
    .from(clusterPlanVersions)
    .where(inArray(clusterPlanVersions.clusterId, clusterIds))
    .orderBy(clusterPlanVersions.clusterId, desc(clusterPlanVersions.version));
  return new Map(rows.map(({ clusterId, ...plan }) => [clusterId, plan]));
}

const conflict = () => new AppError('conflict', 'programme.plans.errors.conflict');

/**
 * Saves the plan as the version after `baseVersion`. Refused as a conflict when the cluster's current
 * version is not `baseVersion` (someone saved since the editor opened it), also when two saves race:
 * the unique (cluster, version) lets one of them in.
 */
export async function saveClusterPlan(
  db: Db,
  viewer: Viewer,
  input: ClusterPlanInput,
  ip: string | null = null,
): Promise<{ version: number }> {
  try {
    return await db.transaction(async (tx) => {
      const [cluster] = await tx
        .select({ id: clusters.id })
        .from(clusters)
        .where(and(eq(clusters.id, input.clusterId), editableClusters(viewer)));
      if (!cluster) throw new AppError('not_found', 'errors.not_found');
      const [previous] = await tx
        .select({ version: clusterPlanVersions.version, ...contentColumns })
        .from(clusterPlanVersions)
        .where(eq(clusterPlanVersions.clusterId, input.clusterId))
        .orderBy(desc(clusterPlanVersions.version))
        .limit(1);
      if ((previous?.version ?? 0) !== input.baseVersion) throw conflict();
      const next = planFromInput(input);
      const changes = planChanges(previous ?? null, next);
      if (previous && !changes.length) return { version: previous.version };
      const version = input.baseVersion + 1;
      await tx.insert(clusterPlanVersions).values({
        clusterId: input.clusterId,
        version,
        ...next,
        changes,
        createdBy: viewer.userId,
      });
      await writeAudit(tx, {
        actorId: viewer.userId,
        action: 'cluster_plan.save',
        subjectType: 'cluster',
        subjectId: input.clusterId,
        details: { version, changes },
        ip,
      });
      return { version };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}
