import 'server-only';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db';
import { isUniqueViolation } from '@/db/errors';
import { clusters, coordinatorClusters, organisationClusters, users } from '@/db/schema/accounts';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import type { CoordinatorAssignmentInput, CreateClusterInput, UpdateClusterInput } from './validation';

// The clusters a member's organisation belongs to and those a coordinator looks after; below, the
// programme office's management of every cluster and its coordinators.

const clusterColumns = {
  id: clusters.id,
  slug: clusters.slug,
  nameJa: clusters.nameJa,
  nameEn: clusters.nameEn,
  regionJa: clusters.regionJa,
  regionEn: clusters.regionEn,
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

// Authorisation (admin.clusters / admin.coordinators) is checked by the action wrapper and the page guard.

const slugTaken = () => new AppError('conflict', 'admin.errors.slugTaken', { slug: ['admin.errors.slugTaken'] });

export async function listAllClusters() {
  const db = await getDb();
  return db
    .select({
      id: clusters.id,
      slug: clusters.slug,
      nameJa: clusters.nameJa,
      nameEn: clusters.nameEn,
      regionJa: clusters.regionJa,
      regionEn: clusters.regionEn,
      domains: clusters.domains,
      phase: clusters.phase,
      // drizzle prints columns unqualified inside sql``, so the correlated subqueries name them themselves
      memberCount: sql<number>`(select count(*)::int from organisation_clusters oc where oc.cluster_id = clusters.id)`,
      coordinatorCount: sql<number>`(select count(*)::int from coordinator_clusters cc where cc.cluster_id = clusters.id)`,
    })
    .from(clusters)
    .orderBy(asc(clusters.nameEn));
}

export async function getCluster(clusterId: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: clusters.id,
      slug: clusters.slug,
      nameJa: clusters.nameJa,
      nameEn: clusters.nameEn,
      regionJa: clusters.regionJa,
      regionEn: clusters.regionEn,
      domains: clusters.domains,
      phase: clusters.phase,
      version: sql<string>`${clusters.updatedAt}::text`,
    })
    .from(clusters)
    .where(eq(clusters.id, clusterId));
  return row ?? null;
}

export async function listClusterCoordinators(clusterId: string) {
  const db = await getDb();
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      disabled: users.disabled,
      assignedAt: coordinatorClusters.createdAt,
    })
    .from(coordinatorClusters)
    .innerJoin(users, eq(users.id, coordinatorClusters.userId))
    .where(eq(coordinatorClusters.clusterId, clusterId))
    .orderBy(asc(users.name));
}

async function slugFree(tx: Db, slug: string, exceptId?: string) {
  const [row] = await tx.select({ id: clusters.id }).from(clusters).where(eq(clusters.slug, slug));
  return !row || row.id === exceptId;
}

export async function createCluster(actor: Viewer, input: CreateClusterInput, ip: string | null) {
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      if (!(await slugFree(tx, input.slug))) throw slugTaken();
      const [row] = await tx.insert(clusters).values(input).returning({ id: clusters.id });
      await writeAudit(tx, {
        actorId: actor.userId,
        action: 'admin.cluster.create',
        subjectType: 'cluster',
        subjectId: row.id,
        details: input,
        ip,
      });
      return { clusterId: row.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(); // lost a race for the same slug
    throw error;
  }
}

export async function updateCluster(actor: Viewer, input: UpdateClusterInput, ip: string | null) {
  const { clusterId, version, ...values } = input;
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      if (!(await slugFree(tx, values.slug, clusterId))) throw slugTaken();
      const [done] = await tx
        .update(clusters)
        .set({ ...values, updatedAt: sql`now()` })
        .where(and(eq(clusters.id, clusterId), sql`${clusters.updatedAt} = ${version}::timestamptz`))
        .returning({ id: clusters.id });
      if (!done) {
        const [exists] = await tx.select({ id: clusters.id }).from(clusters).where(eq(clusters.id, clusterId));
        throw exists ? new AppError('conflict') : new AppError('not_found');
      }
      await writeAudit(tx, {
        actorId: actor.userId,
        action: 'admin.cluster.update',
        subjectType: 'cluster',
        subjectId: clusterId,
        details: values,
        ip,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}

/** Takes effect on the coordinator's next request (their clusters are re-read each time). */
export async function assignCoordinator(actor: Viewer, input: CoordinatorAssignmentInput, ip: string | null) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [coordinator] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.userId), eq(users.role, 'coordinator')));
    if (!coordinator)
      throw new AppError('invalid', 'admin.errors.notCoordinator', { userId: ['admin.errors.notCoordinator'] });
    const [cluster] = await tx.select({ id: clusters.id }).from(clusters).where(eq(clusters.id, input.clusterId));
    if (!cluster) throw new AppError('not_found');
    const inserted = await tx
      .insert(coordinatorClusters)
      .values({ userId: input.userId, clusterId: input.clusterId })
      .onConflictDoNothing()
      .returning({ userId: coordinatorClusters.userId });
    if (!inserted.length) throw new AppError('conflict', 'admin.errors.alreadyAssigned');
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'admin.coordinator.assign',
      subjectType: 'cluster',
      subjectId: input.clusterId,
      details: { userId: input.userId },
      ip,
    });
  });
}

export async function unassignCoordinator(actor: Viewer, input: CoordinatorAssignmentInput, ip: string | null) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(coordinatorClusters)
      .where(and(eq(coordinatorClusters.userId, input.userId), eq(coordinatorClusters.clusterId, input.clusterId)))
      .returning({ userId: coordinatorClusters.userId });
    if (!removed.length) throw new AppError('conflict', 'admin.errors.notAssigned');
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'admin.coordinator.unassign',
      subjectType: 'cluster',
      subjectId: input.clusterId,
      details: { userId: input.userId },
      ip,
    });
  });
}
