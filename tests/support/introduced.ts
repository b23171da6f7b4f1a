import { getDb } from '@/db';
import { needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import { transitionMatch } from '@/lib/introductions/transition';
import { makeCluster, makeUser, unique } from './factories';

type Owner = { user: { id: string; organisationId: string } };

/** An open listing of `owner`'s organisation. */
export async function makeListing(kind: 'need' | 'seed', owner: Owner, overrides: { title?: string } = {}) {
  const db = await getDb();
  const table = kind === 'need' ? needs : seeds;
  const [row] = await db
    .insert(table)
    .values({
      organisationId: owner.user.organisationId,
      createdBy: owner.user.id,
      contactUserId: owner.user.id,
      language: 'en',
      title: overrides.title ?? `${kind} ${unique()}`,
      summary: 's',
      domain: 'manufacturing',
      status: 'open',
      publishedAt: new Date(),
    })
    .returning({ id: table.id });
  return row.id;
}

/** A cluster with a coordinator, an SME's need and a university's seed, matched and introduced (both accepted). */
export async function introducedMatch(now = new Date()) {
  const db = await getDb();
  const cluster = await makeCluster();
  const coordinator = await makeUser('coordinator', { coordinates: [cluster.id] });
  const sme = await makeUser('sme', { clusterIds: [cluster.id] });
  const researcher = await makeUser('researcher', { clusterIds: [cluster.id] });
  const needId = await makeListing('need', sme);
  const seedId = await makeListing('seed', researcher);
  const [match] = await db
    .insert(matches)
    .values({ kind: 'engine', needId, seedId, clusterId: cluster.id, score: 0.7 })
    .returning();
  await transitionMatch(db, coordinator.viewer, match.id, { type: 'approve' }, { now });
  await transitionMatch(db, sme.viewer, match.id, { type: 'accept' }, { now });
  await transitionMatch(db, researcher.viewer, match.id, { type: 'accept' }, { now });
  return { cluster, coordinator, sme, researcher, needId, seedId, matchId: match.id };
}
