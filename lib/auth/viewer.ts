import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { coordinatorClusters, organisations, users } from '@/db/schema/accounts';
import type { Viewer } from './policy';

/** The viewer for a session's user id and session version; null when the session is no longer valid. */
export async function loadViewer(userId: string, sessionVersion: number): Promise<Viewer | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      role: users.role,
      organisationId: users.organisationId,
      organisationKind: organisations.kind,
      orgVerified: organisations.verified,
      approved: users.approved,
      locale: users.locale,
      timeZone: users.timeZone,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.id, userId), eq(users.sessionVersion, sessionVersion), eq(users.disabled, false)));
  if (!row) return null;
  const clusterRows =
    row.role === 'coordinator'
      ? await db
          .select({ clusterId: coordinatorClusters.clusterId })
          .from(coordinatorClusters)
          .where(eq(coordinatorClusters.userId, userId))
      : [];
  return {
    userId,
    role: row.role,
    organisationId: row.organisationId,
    organisationKind: row.organisationKind,
    verified: row.orgVerified && row.approved,
    coordinatorClusterIds: clusterRows.map((r) => r.clusterId),
    locale: row.locale,
    timeZone: row.timeZone,
  };
}
