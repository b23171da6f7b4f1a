import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { rowsOf } from '@/db/rows';
import { organisationClusters } from '@/db/schema/accounts';
import { needs, seeds } from '@/db/schema/listings';
import { clusterSets, matchAttribution, matches } from '@/db/schema/matching';
import { transitionMatch } from '@/lib/introductions/transition';
import { getOrganisation, updateOrganisation } from '@/lib/organisations/data';
import { updateOrganisationSchema } from '@/lib/organisations/validation';
import { programmeKpis } from '@/lib/programme/kpis';
import { makeCluster, makeUser } from '../support/factories';
import { makeListing } from '../support/introduced';

// The programme's KPIs read which clusters (and domain) a match counts for from match_attribution, which the
// database keeps as matches, listings and memberships change. After each change the stored attribution is what
// the rule gives (the view match_attribution_derived, computed from scratch) and the dashboard counts the
// match where it now belongs.

type World = Awaited<ReturnType<typeof build>>;
let w: World;

async function build() {
  const A = await makeCluster();
  const B = await makeCluster();
  const C = await makeCluster();
  const admin = await makeUser('admin');
  const coordinator = await makeUser('coordinator', { coordinates: [A.id, B.id, C.id] });
  const sme = await makeUser('sme', { clusterIds: [A.id] });
  const lab = await makeUser('researcher', { clusterIds: [B.id] });
  const loneSme = await makeUser('sme');
  const loneLab = await makeUser('researcher');
  return { A, B, C, admin, coordinator, sme, lab, loneSme, loneLab };
}

beforeAll(async () => {
  await getDb();
  w = await build();
}, 180_000);

const sorted = (ids: string[]) => [...ids].sort();

async function stored(matchId: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      clusterIds: clusterSets.clusterIds,
      domain: matchAttribution.domain,
      createdAt: matchAttribution.createdAt,
    })
    .from(matchAttribution)
    .innerJoin(clusterSets, eq(clusterSets.id, matchAttribution.setId))
    .where(eq(matchAttribution.matchId, matchId));
  return row ?? null;
}

/** The stored attribution as the view gives it: each match with its set's clusters. */
const storedRows = sql`
  select a.match_id, s.cluster_ids, a.domain, a.created_at
  from match_attribution a join cluster_sets s on s.id = a.set_id`;

/** The stored rows of these matches that differ from the rule computed afresh (none when in step). */
async function outOfStep(matchIds: string[]) {
  const db = await getDb();
  const ids = sql.join(
    matchIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return rowsOf<{ match_id: string }>(
    await db.execute(sql`
      with stored as (${storedRows})
      select match_id from (
        (select * from stored where match_id in (${ids})
          except select * from match_attribution_derived where match_id in (${ids}))
        union all
        (select * from match_attribution_derived where match_id in (${ids})
          except select * from stored where match_id in (${ids}))
      ) differing`),
  );
}

async function newMatch(needId: string | null, seedId: string | null, clusterId: string | null = null) {
  const db = await getDb();
  const [row] = await db
    .insert(matches)
    .values({ kind: 'manual', needId, seedId, clusterId, createdAt: new Date('2026-05-10T03:00:00Z') })
    .returning({ id: matches.id });
  return row.id;
}

const may = { from: '2026-05-01', to: '2026-05-31' };
async function proposedIn(clusterId: string) {
  return (await programmeKpis(await getDb(), { clusterIds: [clusterId], ...may })).overall.funnel.proposed;
}

describe('the stored attribution of matches', () => {
  it('is written with the match: both organisations’ clusters and the need’s domain', async () => {
    const needId = await makeListing('need', w.sme);
    const seedId = await makeListing('seed', w.lab);
    const db = await getDb();
    await db.update(seeds).set({ domain: 'it' }).where(eq(seeds.id, seedId));
    const matchId = await newMatch(needId, seedId, w.C.id);

    expect(await stored(matchId)).toEqual({
      clusterIds: sorted([w.A.id, w.B.id]),
      domain: 'manufacturing',
      createdAt: new Date('2026-05-10T03:00:00Z'),
    });
    // a seed alone gives its own domain; organisations in no cluster leave the match's own cluster, or none
    const alone = await newMatch(null, await makeListing('seed', w.lab));
    const lone = await newMatch(await makeListing('need', w.loneSme), await makeListing('seed', w.loneLab), w.C.id);
    const nowhere = await newMatch(await makeListing('need', w.loneSme), null);
    expect((await stored(alone))?.clusterIds).toEqual([w.B.id]);
    expect((await stored(lone))?.clusterIds).toEqual([w.C.id]);
    expect((await stored(nowhere))?.clusterIds).toEqual([]);
    expect(await outOfStep([matchId, alone, lone, nowhere])).toEqual([]);
  });

  it('follows an organisation into and out of clusters, through the office’s edit', async () => {
    const mover = await makeUser('sme', { clusterIds: [w.A.id] });
    const matchId = await newMatch(await makeListing('need', mover), await makeListing('seed', w.lab));
    const before = await proposedIn(w.C.id);
    const edit = async (clusterIds: string[]) => {
      const current = (await getOrganisation(mover.user.organisationId))!;
      await updateOrganisation(
        w.admin.viewer,
        updateOrganisationSchema.parse({
          organisationId: current.id,
          version: current.version,
          kind: current.kind,
          nameJa: current.nameJa,
          nameEn: current.nameEn,
          prefecture: current.prefecture,
          website: '',
          employeeBand: '',
          clusterIds,
        }),
        null,
      );
    };

    await edit([w.A.id, w.C.id]); // joins C
    expect((await stored(matchId))?.clusterIds).toEqual(sorted([w.A.id, w.B.id, w.C.id]));
    expect(await proposedIn(w.C.id)).toBe(before + 1);

    await edit([w.C.id]); // leaves A
    expect((await stored(matchId))?.clusterIds).toEqual(sorted([w.B.id, w.C.id]));
    expect(await outOfStep([matchId])).toEqual([]);

    // a membership written another way (a script, a seed) is followed as well
    const db = await getDb();
    await db.delete(organisationClusters).where(eq(organisationClusters.organisationId, mover.user.organisationId));
    await db.insert(organisationClusters).values({ organisationId: mover.user.organisationId, clusterId: w.A.id });
    expect((await stored(matchId))?.clusterIds).toEqual(sorted([w.A.id, w.B.id]));
    expect(await proposedIn(w.C.id)).toBe(before);
  });

  it('follows a listing moved to another organisation or domain', async () => {
    const needId = await makeListing('need', w.sme);
    const seedId = await makeListing('seed', w.lab);
    const matchId = await newMatch(needId, seedId);
    const db = await getDb();

    // the need passes to an organisation in no cluster: only the seed's cluster is left
    await db.update(needs).set({ organisationId: w.loneSme.user.organisationId }).where(eq(needs.id, needId));
    expect((await stored(matchId))?.clusterIds).toEqual([w.B.id]);
    // the seed passes to one in no cluster too: the match has no cluster
    await db.update(seeds).set({ organisationId: w.loneLab.user.organisationId }).where(eq(seeds.id, seedId));
    expect((await stored(matchId))?.clusterIds).toEqual([]);

    await db.update(needs).set({ domain: 'biotech' }).where(eq(needs.id, needId));
    expect((await stored(matchId))?.domain).toBe('biotech');
    expect(await outOfStep([matchId])).toEqual([]);
  });

  it('stays as it was through status changes, and goes with the match', async () => {
    const needId = await makeListing('need', w.sme);
    const seedId = await makeListing('seed', w.lab);
    const matchId = await newMatch(needId, seedId, w.A.id);
    const db = await getDb();
    const first = await stored(matchId);

    await transitionMatch(db, w.coordinator.viewer, matchId, { type: 'approve' });
    await transitionMatch(db, w.sme.viewer, matchId, { type: 'accept' });
    await db.update(matches).set({ score: 0.9, updatedAt: new Date() }).where(eq(matches.id, matchId));
    expect(
      (await db.select({ status: matches.status }).from(matches).where(eq(matches.id, matchId)))[0].status,
    ).not.toBe('proposed');
    expect(await stored(matchId)).toEqual(first);

    // moved to another need, or re-dated: recomputed
    const other = await makeListing('need', w.loneSme);
    await db
      .update(matches)
      .set({ needId: other, createdAt: new Date('2026-06-01T00:00:00Z') })
      .where(eq(matches.id, matchId));
    expect(await stored(matchId)).toEqual({
      clusterIds: [w.B.id],
      domain: 'manufacturing',
      createdAt: new Date('2026-06-01T00:00:00Z'),
    });
    expect(await outOfStep([matchId])).toEqual([]);

    await db.delete(matches).where(eq(matches.id, matchId));
    expect(await stored(matchId)).toBeNull();
  });

  it('is written for every match of a statement inserting many', async () => {
    const db = await getDb();
    const needIds = [await makeListing('need', w.sme), await makeListing('need', w.loneSme)];
    const seedId = await makeListing('seed', w.lab);
    const rows = await db
      .insert(matches)
      .values(needIds.map((needId) => ({ kind: 'engine' as const, needId, seedId, score: 0.5 })))
      .returning({ id: matches.id });
    expect(await Promise.all(rows.map(async (r) => (await stored(r.id))?.clusterIds))).toEqual([
      sorted([w.A.id, w.B.id]),
      [w.B.id],
    ]);
    expect(await outOfStep(rows.map((r) => r.id))).toEqual([]);
  });
  it('numbers each set of clusters once: matches with the same clusters share its number', async () => {
    const db = await getDb();
    const both = await newMatch(await makeListing('need', w.sme), await makeListing('seed', w.lab));
    const again = await newMatch(await makeListing('need', w.sme), await makeListing('seed', w.lab));
    const onlyB = await newMatch(null, await makeListing('seed', w.lab));
    const setOf = async (matchId: string) =>
      (await db.select().from(matchAttribution).where(eq(matchAttribution.matchId, matchId)))[0].setId;
    expect(await setOf(again)).toBe(await setOf(both));
    expect(await setOf(onlyB)).not.toBe(await setOf(both));
    const [set] = await db
      .select()
      .from(clusterSets)
      .where(eq(clusterSets.id, await setOf(both)));
    expect(set.clusterIds).toEqual(sorted([w.A.id, w.B.id]));

    // a set no match had before gets a new number, written with the match
    const third = await makeCluster();
    const newcomer = await makeUser('sme', { clusterIds: [w.A.id, third.id] });
    const fresh = await newMatch(await makeListing('need', newcomer), await makeListing('seed', w.lab));
    const [freshSet] = await db
      .select()
      .from(clusterSets)
      .where(eq(clusterSets.id, await setOf(fresh)));
    expect(freshSet.clusterIds).toEqual(sorted([w.A.id, w.B.id, third.id]));
    expect(
      rowsOf<{ n: number }>(
        await db.execute(
          sql`select count(*)::int as n from cluster_sets where cluster_ids = ${`{${freshSet.clusterIds.join(',')}}`}::uuid[]`,
        ),
      )[0].n,
    ).toBe(1);
  });

  it('equals the derivation from scratch for every match, whatever the tests before did', async () => {
    const db = await getDb();
    const differing = rowsOf<{ n: number }>(
      await db.execute(sql`
        with stored as (${storedRows})
        select count(*)::int as n from (
          (select * from stored except select * from match_attribution_derived)
          union all
          (select * from match_attribution_derived except select * from stored)
        ) d`),
    );
    expect(differing[0].n).toBe(0);
    // and every match has its row
    const [counts] = rowsOf<{ matches: number; stored: number }>(
      await db.execute(sql`
        select (select count(*) from matches)::int as matches, (select count(*) from match_attribution)::int as stored`),
    );
    expect(counts.stored).toBe(counts.matches);
  });
});
