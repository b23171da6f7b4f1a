import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLogs, organisations } from '@/db/schema/accounts';
import { needs } from '@/db/schema/listings';
import { programmeDashboard } from '@/lib/programme/dashboard';
import { planFormValues } from '@/lib/programme/plan-rules';
import { getClusterPlan, saveClusterPlan } from '@/lib/programme/plans';
import { type ClusterPlanInput, clusterPlanSchema } from '@/lib/programme/validation';
import { makeCluster, makeUser } from '../support/factories';
import { makeListing } from '../support/introduced';

// Cluster plans (issue 14 item 1): every save a new version with who, when and what changed; a save based on
// an outdated version refused; only the office and the cluster's own coordinators; the dashboard compares
// the current plan's targets with each phase's actuals.

let w: Awaited<ReturnType<typeof build>>;

async function build() {
  const db = await getDb();
  const A = await makeCluster();
  const B = await makeCluster();
  const admin = await makeUser('admin');
  const coordinatorA = await makeUser('coordinator', { coordinates: [A.id] });
  const coordinatorB = await makeUser('coordinator', { coordinates: [B.id] });
  const sme = await makeUser('sme', { clusterIds: [A.id] });
  await db
    .update(organisations)
    .set({ createdAt: new Date('2026-01-05T00:00:00Z') })
    .where(eq(organisations.id, sme.user.organisationId));
  // three needs posted in phase I (March), one in phase II (August), one before the plan's phase I
  const published = ['2026-03-10', '2026-03-11', '2026-06-30', '2026-08-05', '2025-12-31'];
  const ids: string[] = [];
  for (const day of published) {
    const id = await makeListing('need', sme);
    ids.push(id);
    // noon in Japan, so the programme's calendar day is the one written
    await db
      .update(needs)
      .set({ publishedAt: new Date(`${day}T03:00:00Z`) })
      .where(eq(needs.id, id));
  }
  return { db, A, B, admin, coordinatorA, coordinatorB, sme, ids };
}

beforeAll(async () => {
  await getDb();
  w = await build();
}, 180_000);

function planInput(clusterId: string, baseVersion: number, change: (v: ClusterPlanInput) => void = () => {}) {
  const values: ClusterPlanInput = { clusterId, baseVersion, ...planFormValues(null) };
  values.vision = 'A manufacturing region that develops on its own';
  values.goals = 'Twenty partnerships by the end of phase II';
  values.phases[0] = { ...values.phases[0], from: '2026-01-01', to: '2026-06-30' };
  values.phases[0].targets.needsPosted = '5';
  values.phases[0].targets.sharePartnership = '20';
  values.phases[1] = { ...values.phases[1], from: '2026-07-01', to: '2027-03-31' };
  values.phases[1].targets.needsPosted = '10';
  change(values);
  return clusterPlanSchema.parse(values);
}

describe('cluster plans', () => {
  it('saves each edit as a new version, with who, when and what changed', async () => {
    expect((await getClusterPlan(w.db, w.admin.viewer, w.A.id))?.current).toBeNull();

    expect(await saveClusterPlan(w.db, w.admin.viewer, planInput(w.A.id, 0))).toEqual({ version: 1 });
    const second = planInput(w.A.id, 1, (v) => {
      v.phases[1].targets.needsPosted = '12';
    });
    expect(await saveClusterPlan(w.db, w.coordinatorA.viewer, second)).toEqual({ version: 2 });

    const plan = (await getClusterPlan(w.db, w.coordinatorA.viewer, w.A.id))!;
    expect(plan.versions.map((v) => [v.version, v.author])).toEqual([
      [2, w.coordinatorA.user.name],
      [1, w.admin.user.name],
    ]);
    expect(plan.current?.phases[1].targets.needsPosted).toBe(12);
    // the second save changed one target; the first created the plan
    expect(plan.versions[0].changes).toEqual(['phases.II.targets.needsPosted']);
    expect(plan.versions[1].changes).toEqual(['created']);
    expect(plan.versions[0].createdAt.getTime()).toBeGreaterThanOrEqual(plan.versions[1].createdAt.getTime());
    // the version 1 is kept as it was
    expect(plan.versions[1].phases[1].targets.needsPosted).toBe(10);

    const audit = await w.db
      .select({ details: auditLogs.details, actorId: auditLogs.actorId })
      .from(auditLogs)
      .where(inArray(auditLogs.action, ['cluster_plan.save']));
    expect(audit.filter((a) => a.actorId === w.coordinatorA.user.id).map((a) => a.details)).toContainEqual({
      version: 2,
      changes: ['phases.II.targets.needsPosted'],
    });
  });

  it('refuses an edit based on an older version instead of overwriting the newer one', async () => {
    const stale = planInput(w.A.id, 1, (v) => {
      v.vision = 'Written over version 1 while version 2 was saved';
    });
    await expect(saveClusterPlan(w.db, w.admin.viewer, stale)).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'programme.plans.errors.conflict',
    });
    // two first versions at once: one wins
    const C = await makeCluster();
    const results = await Promise.allSettled([
      saveClusterPlan(w.db, w.admin.viewer, planInput(C.id, 0)),
      saveClusterPlan(
        w.db,
        w.admin.viewer,
        planInput(C.id, 0, (v) => (v.goals = 'Other goals')),
      ),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } });

    const plan = (await getClusterPlan(w.db, w.admin.viewer, w.A.id))!;
    expect(plan.current?.version).toBe(2);
    expect(plan.current?.vision).toBe('A manufacturing region that develops on its own');
  });

  it('lets only the office and the cluster’s own coordinators read and edit its plan', async () => {
    await expect(saveClusterPlan(w.db, w.coordinatorB.viewer, planInput(w.A.id, 2))).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await getClusterPlan(w.db, w.coordinatorB.viewer, w.A.id)).toBeNull();
    expect(await getClusterPlan(w.db, w.sme.viewer, w.A.id)).toBeNull();
    await expect(saveClusterPlan(w.db, w.sme.viewer, planInput(w.A.id, 2))).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await getClusterPlan(w.db, w.admin.viewer, w.A.id))?.current?.version).toBe(2);
    // their own cluster is theirs to plan
    expect(await saveClusterPlan(w.db, w.coordinatorB.viewer, planInput(w.B.id, 0))).toEqual({ version: 1 });
  });

  it('rejects targets that are not whole numbers, shares above 100 and periods ending before they start', () => {
    const bad = planFormValues(null);
    bad.vision = 'v';
    bad.goals = 'g';
    bad.phases[0].targets.needsPosted = '2.5';
    bad.phases[0].targets.shareRevamp = '120';
    bad.phases[1] = { ...bad.phases[1], from: '2027-01-01', to: '2026-01-01' };
    const result = clusterPlanSchema.safeParse({ clusterId: w.A.id, baseVersion: 0, ...bad });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['phases.0.targets.needsPosted', 'programme.plans.errors.target'],
        ['phases.0.targets.shareRevamp', 'programme.plans.errors.shareAbove100'],
        ['phases.1.to', 'programme.plans.errors.periodOrder'],
      ]),
    );
  });

  it('shows the current plan’s targets against each phase’s actuals on the dashboard for one cluster', async () => {
    const now = new Date('2026-09-15T03:00:00Z');
    const d = await programmeDashboard(w.coordinatorA.viewer, { cluster: w.A.id }, now);
    expect(d.targets?.version).toBe(2);
    const [I, II, III] = d.targets!.phases;
    const needsPosted = (p: typeof I) => p.rows.find((r) => r.kpi === 'needsPosted');
    // phase I, 1 January to 30 June: three needs (10 and 11 March, 30 June); not the one of 31 December
    expect(needsPosted(I)).toEqual({ kpi: 'needsPosted', target: 5, actual: 3 });
    expect(I.current).toBe(false);
    // phase II, under way: the August need, to today
    expect(needsPosted(II)).toEqual({ kpi: 'needsPosted', target: 12, actual: 1 });
    expect(II.current).toBe(true);
    // one participating firm, no partnership: 0 % against 20 %
    expect(I.rows.find((r) => r.kpi === 'sharePartnership')).toEqual({
      kpi: 'sharePartnership',
      target: 20,
      actual: 0,
    });
    // phase III has no period: no actuals
    expect(III.rows.every((r) => r.actual === null && r.target === null)).toBe(true);

    // several clusters in scope: the page asks for one
    const all = await programmeDashboard(w.admin.viewer, {}, now);
    expect(all.targets).toBeNull();
    // a cluster without a plan
    const C = await makeCluster();
    const none = await programmeDashboard(w.admin.viewer, { cluster: C.id }, now);
    expect(none.targets).toEqual({ clusterId: C.id, version: null, phases: [] });
  });
});
