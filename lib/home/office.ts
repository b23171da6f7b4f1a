import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { clusters, organisations, users } from '@/db/schema/accounts';

/** What waits for the programme office, and the size of the portal. */
export async function officeCounts() {
  const db = await getDb();
  const [[pendingOrganisations], [pendingMembers], [allUsers], [allClusters]] = await Promise.all([
    db.select({ n: count() }).from(organisations).where(eq(organisations.verified, false)),
    db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.approved, false), eq(users.disabled, false))),
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(clusters),
  ]);
  return {
    pendingOrganisations: pendingOrganisations.n,
    pendingMembers: pendingMembers.n,
    users: allUsers.n,
    clusters: allClusters.n,
  };
}
