import { inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { organisations } from '@/db/schema/accounts';
import { matches } from '@/db/schema/matching';
import { programmeDashboard } from '@/lib/programme/dashboard';
import { exportKpisCsv } from '@/lib/programme/export';
import { makeCluster, makeUser } from '../support/factories';
import { makeListing } from '../support/introduced';

// One dashboard, scoped by the viewer: the office sees every cluster, a coordinator only theirs, whatever
// the URL asks for; the CSV carries the same figures.

let world: Awaited<ReturnType<typeof build>>;

async function build() {
  const db = await getDb();
  const A = await makeCluster({ nameJa: 'テスト東海', nameEn: 'Test Tokai' });
  const B = await makeCluster();
  const admin = await makeUser('admin');
  const coordinatorA = await makeUser('coordinator', { coordinates: [A.id] });
  const member = await makeUser('sme', { clusterIds: [A.id] });
  const smeA = await makeUser('sme', { clusterIds: [A.id] });
  const uniA = await makeUser('researcher', { clusterIds: [A.id] });
  const smeB = await makeUser('sme', { clusterIds: [B.id] });
  const uniB = await makeUser('researcher', { clusterIds: [B.id] });
  // members since January, so they take part in May
  await db
    .update(organisations)
    .set({ createdAt: new Date('2026-01-05T00:00:00Z') })
    .where(
      inArray(
        organisations.id,
        [member, smeA, uniA, smeB, uniB].map((u) => u.user.organisationId),
      ),
    );
  const createdAt = new Date('2026-05-10T03:00:00Z');
  // two matches proposed in A, one in B, all in May 2026
  for (const [sme, uni] of [
    [smeA, uniA],
    [smeA, uniA],
    [smeB, uniB],
  ]) {
    await db.insert(matches).values({
      kind: 'engine',
      needId: await makeListing('need', sme),
      seedId: await makeListing('seed', uni),
      createdAt,
    });
  }
  return { A, B, admin, coordinatorA, member };
}

beforeAll(async () => {
  await getDb();
  world = await build();
}, 180_000);

const may = { from: '2026-05-01', to: '2026-05-31' };

describe('the programme dashboard', () => {
  it('shows the office every cluster and each one asked for', async () => {
    const all = await programmeDashboard(world.admin.viewer, may);
    expect(all.clusters.map((c) => c.id)).toEqual(expect.arrayContaining([world.A.id, world.B.id]));
    expect(all.kpis.byCluster[world.A.id].funnel.proposed).toBe(2);
    expect(all.kpis.byCluster[world.B.id].funnel.proposed).toBe(1);

    const onlyB = await programmeDashboard(world.admin.viewer, { ...may, cluster: world.B.id });
    expect(onlyB.cluster).toBe(world.B.id);
    expect(onlyB.kpis.overall.funnel.proposed).toBe(1);
  });

  it('shows a coordinator only their clusters, even when the URL names another', async () => {
    const own = await programmeDashboard(world.coordinatorA.viewer, may);
    expect(own.clusters.map((c) => c.id)).toEqual([world.A.id]);
    expect(own.kpis.overall.funnel.proposed).toBe(2);

    const asked = await programmeDashboard(world.coordinatorA.viewer, { ...may, cluster: world.B.id });
    expect(asked.cluster).toBeNull();
    expect(asked.scope.clusterIds).toEqual([world.A.id]);
    expect(asked.kpis.byCluster[world.B.id]).toBeUndefined();
    expect(asked.kpis.overall.funnel.proposed).toBe(2);

    const none = await programmeDashboard(world.member.viewer, may);
    expect(none.clusters).toEqual([]);
    expect(none.kpis.overall.funnel.proposed).toBe(0);
  });

  it('defaults to the last twelve months up to today in Japan', async () => {
    const d = await programmeDashboard(world.coordinatorA.viewer, {}, new Date('2026-12-04T16:30:00Z'));
    expect([d.scope.from, d.scope.to]).toEqual(['2026-01-01', '2026-12-05']);
    expect(d.trend.map((p) => p.month)).toHaveLength(12);
    expect(d.trend.find((p) => p.month === '2026-05')?.proposed).toBe(2);
  });

  it('exports the indicators as CSV for Excel in the viewer’s language', async () => {
    const csv = await exportKpisCsv({ ...world.coordinatorA.viewer, locale: 'ja' }, may);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('"指標","開始日","終了日","分野","表示中の合計","テスト東海"');
    expect(lines).toContain('"提案されたマッチ","2026-05-01","2026-05-31","すべての分野","2","2"');
    expect(csv).not.toContain(world.B.nameJa);

    const en = await exportKpisCsv({ ...world.admin.viewer, locale: 'en' }, { ...may, cluster: world.A.id });
    expect(en).toContain('"Matches proposed","2026-05-01","2026-05-31","All domains","2","2"');
    expect(en).toContain('"Participating organisations: SME","2026-05-01","2026-05-31","All domains","2","2"');
    expect(en).toContain('"Funding approved (approvals)","2026-05-01","2026-05-31","All domains","0","0"');
    expect(en).toContain('"Funding approved (yen)","2026-05-01","2026-05-31","All domains","0","0"');
  });
});
