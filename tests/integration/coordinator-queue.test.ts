import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { matchIntroductions } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import { listCoordinatorQueue, QUEUE_PAGE_SIZE, searchListingsForPairing } from '@/lib/introductions/queue';
import { buildSearchText } from '@/lib/listings/search-text';
import { makeCluster, makeUser, unique } from '../support/factories';

type Owner = { user: { id: string; organisationId: string } };

async function listing(
  kind: 'need' | 'seed',
  owner: Owner,
  title = `${kind} ${unique()}`,
  status: 'open' | 'pending_review' = 'open',
) {
  const db = await getDb();
  const table = kind === 'need' ? needs : seeds;
  const [row] = await db
    .insert(table)
    .values({
      organisationId: owner.user.organisationId,
      createdBy: owner.user.id,
      contactUserId: owner.user.id,
      language: 'en',
      title,
      summary: 'summary',
      searchText: buildSearchText({ title, summary: 'summary' }),
      domain: 'manufacturing',
      status,
      publishedAt: new Date(),
    })
    .returning({ id: table.id });
  return row.id;
}

async function world() {
  const cluster = await makeCluster();
  const coordinator = await makeUser('coordinator', { coordinates: [cluster.id] });
  const sme = await makeUser('sme', { clusterIds: [cluster.id] });
  const researcher = await makeUser('researcher', { clusterIds: [cluster.id] });
  return { cluster, coordinator, sme, researcher };
}

describe("the coordinator's queue", () => {
  it("comes a page of ten rows at a time, people's requests first then the best score, with the count of all rows", async () => {
    const db = await getDb();
    const w = await world();
    const needId = await listing('need', w.sme);
    const scores = Array.from({ length: 23 }, (_, i) => Math.round((0.1 + i * 0.03) * 100) / 100);
    for (const score of scores) {
      const seedId = await listing('seed', w.researcher);
      await db.insert(matches).values({ kind: 'engine', needId, seedId, clusterId: w.cluster.id, score, reasons: [] });
    }
    const manualSeed = await listing('seed', w.researcher);
    await db.insert(matches).values({ kind: 'manual', needId, seedId: manualSeed, clusterId: w.cluster.id });

    const first = await listCoordinatorQueue(w.coordinator.viewer);
    expect(first.items).toHaveLength(QUEUE_PAGE_SIZE);
    expect(first.total).toBe(24);
    expect(first.totalPages).toBe(3);
    const best = [...scores].sort((a, b) => b - a);
    expect(first.items.map((r) => r.score)).toEqual([null, ...best.slice(0, 9)]); // the coordinator's own first
    expect(first.items[0].seed?.id).toBe(manualSeed);

    const last = await listCoordinatorQueue(w.coordinator.viewer, { page: 3 });
    expect(last.items.map((r) => r.score)).toEqual(best.slice(19));
    expect((await listCoordinatorQueue(w.coordinator.viewer, { page: 4 })).items).toEqual([]);

    const manual = await listCoordinatorQueue(w.coordinator.viewer, { kind: 'manual' });
    expect(manual.total).toBe(1);
    expect(manual.totalPages).toBe(1);

    // a rejected match carries its reason (the coordinator's note) to the rejected list
    const rejected = first.items[1];
    await db.update(matches).set({ status: 'rejected' }).where(eq(matches.id, rejected.id));
    await db.insert(matchIntroductions).values({ matchId: rejected.id, coordinatorNote: 'Too early for a licence' });
    const rejectedList = await listCoordinatorQueue(w.coordinator.viewer, { status: 'rejected' });
    expect(rejectedList.items.map((r) => [r.id, r.note])).toEqual([[rejected.id, 'Too early for a licence']]);
    expect((await listCoordinatorQueue(w.coordinator.viewer)).total).toBe(23);
  });

  it("finds listings to pair by hand with browsing's bilingual search, live ones only", async () => {
    const w = await world();
    const weld = await listing('seed', w.researcher, `Laser weld bead inspection ${unique()}`);
    const xray = await listing('seed', w.researcher, `X-ray imaging of die castings ${unique()}`);
    const draft = await listing('seed', w.researcher, `Weld seam tracking ${unique()}`, 'pending_review');
    const need = await listing('need', w.sme, `溶接ビードの外観検査を自動化したい ${unique()}`);
    const ids = async (kind: 'need' | 'seed', q: string) =>
      (await searchListingsForPairing(w.coordinator.viewer, kind, q)).map((l) => l.id);

    expect(await ids('seed', '溶接')).toContain(weld);
    expect(await ids('seed', '溶接')).not.toContain(draft);
    expect(await ids('seed', 'X線')).toContain(xray);
    expect(await ids('seed', 'X線')).not.toContain(weld);
    expect(await ids('need', 'weld')).toContain(need);
    expect(await ids('seed', `nothing-like-this-${unique()}`)).toEqual([]);
    // only coordinators search for pairing
    expect(await searchListingsForPairing(w.sme.viewer, 'seed', '溶接')).toEqual([]);
  });
});
