import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLogs, coordinatorClusters, organisationClusters, organisations, users } from '@/db/schema/accounts';
import { createAccount } from '@/lib/accounts/sign-up';
import { signUpSchema } from '@/lib/accounts/validation';
import { listAuditLog } from '@/lib/audit/data';
import {
  assignCoordinator,
  createCluster,
  getCluster,
  listAllClusters,
  listClusterCoordinators,
  unassignCoordinator,
  updateCluster,
} from '@/lib/clusters/data';
import { officeCounts } from '@/lib/home/office';
import { getOrganisation, listOrganisations, updateOrganisation, verifyOrganisation } from '@/lib/organisations/data';
import { approveUser, changeUserRole, listAssignableCoordinators, listUsers, setUserDisabled } from '@/lib/users/data';
import { auditFiltersSchema } from '@/lib/audit/validation';
import { createClusterSchema } from '@/lib/clusters/validation';
import { organisationFiltersSchema, updateOrganisationSchema } from '@/lib/organisations/validation';
import { userFiltersSchema } from '@/lib/users/validation';
import { can, rules, type Permission } from '@/lib/auth/policy';
import { loadViewer } from '@/lib/auth/viewer';
import { makeCluster, makeOrganisation, makeUser, unique } from '../support/factories';
import { roles } from '@/db/vocabulary/accounts';

const adminPermissions = Object.keys(rules).filter((p) => p.startsWith('admin.')) as Permission[];

async function auditOf(subjectId: string) {
  const db = await getDb();
  return db.select().from(auditLogs).where(eq(auditLogs.subjectId, subjectId)).orderBy(auditLogs.id);
}

async function signUpNewOrganisation(nameEn = unique('Founders Co')) {
  const input = signUpSchema.parse({
    email: `${unique('founder')}@test.example`,
    name: 'Founder',
    password: 'a-long-enough-password',
    locale: 'ja',
    organisationMode: 'new',
    organisation: { kind: 'sme', nameJa: `創業 ${nameEn}`, nameEn, prefecture: 'Gifu' },
  });
  const { userId } = await createAccount(input, null);
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return user;
}

describe('policy', () => {
  it('has the five admin permissions', () => {
    expect(adminPermissions.sort()).toEqual([
      'admin.audit',
      'admin.clusters',
      'admin.coordinators',
      'admin.organisations',
      'admin.users',
    ]);
  });

  it('denies every admin permission to every other role, to unverified members and to nobody', async () => {
    for (const role of roles.filter((r) => r !== 'admin')) {
      const { viewer } = await makeUser(role);
      for (const permission of adminPermissions) expect(can(viewer, permission), `${role} ${permission}`).toBe(false);
    }
    const { viewer: unverified } = await makeUser('sme', { verified: false });
    for (const permission of adminPermissions) {
      expect(can(unverified, permission)).toBe(false);
      expect(can(null, permission)).toBe(false);
    }
    const { viewer: admin } = await makeUser('admin');
    for (const permission of adminPermissions) expect(can(admin, permission)).toBe(true);
  });
});

describe('organisations', () => {
  it('verifying an organisation approves its founder, who then passes as verified; once only', async () => {
    const { viewer: admin } = await makeUser('admin');
    const founder = await signUpNewOrganisation();
    expect((await loadViewer(founder.id, founder.sessionVersion))?.verified).toBe(false);
    const db = await getDb();
    await db.update(users).set({ approved: false }).where(eq(users.id, founder.id)); // founder still pending

    const result = await verifyOrganisation(admin, founder.organisationId, '203.0.113.5');
    expect(result.approvedCount).toBe(1);
    const viewer = await loadViewer(founder.id, founder.sessionVersion);
    expect(viewer?.verified).toBe(true);

    await expect(verifyOrganisation(admin, founder.organisationId, null)).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'admin.errors.alreadyVerified',
    });
    await expect(verifyOrganisation(admin, crypto.randomUUID(), null)).rejects.toMatchObject({ code: 'not_found' });

    const audit = await auditOf(founder.organisationId);
    expect(audit.map((a) => [a.action, a.actorId, a.ip])).toEqual([
      ['admin.organisation.verify', admin.userId, '203.0.113.5'],
    ]);
    expect(audit[0].details).toEqual({ approvedUserIds: [founder.id] });
  });

  it('edits names, kind and cluster memberships, refusing a stale version', async () => {
    const { viewer: admin } = await makeUser('admin');
    const [a, b] = [await makeCluster(), await makeCluster()];
    const org = await makeOrganisation('sme', { clusterIds: [a.id] });
    const current = (await getOrganisation(org.id))!;
    const input = updateOrganisationSchema.parse({
      organisationId: org.id,
      version: current.version,
      kind: 'research_institute',
      nameJa: '改名研究所',
      nameEn: 'Renamed Institute',
      prefecture: 'Mie',
      website: 'https://renamed.example.jp',
      employeeBand: '50-299',
      clusterIds: [b.id],
    });
    await updateOrganisation(admin, input, null);
    const after = (await getOrganisation(org.id))!;
    expect(after).toMatchObject({
      kind: 'research_institute',
      nameEn: 'Renamed Institute',
      website: 'https://renamed.example.jp',
      clusterIds: [b.id],
    });

    // the same form submitted again (old version) is refused and changes nothing
    await expect(updateOrganisation(admin, { ...input, nameEn: 'Stale' }, null)).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await getOrganisation(org.id))!.nameEn).toBe('Renamed Institute');

    // an unknown cluster is refused, in the same transaction (nothing half-written)
    await expect(
      updateOrganisation(
        admin,
        { ...input, version: after.version, nameEn: 'Half', clusterIds: [crypto.randomUUID()] },
        null,
      ),
    ).rejects.toMatchObject({ code: 'invalid' });
    expect((await getOrganisation(org.id))!.nameEn).toBe('Renamed Institute');
    const db = await getDb();
    expect(
      await db.select().from(organisationClusters).where(eq(organisationClusters.organisationId, org.id)),
    ).toHaveLength(1);

    const audit = await auditOf(org.id);
    expect(audit.map((r) => r.action)).toEqual(['admin.organisation.update']);
    expect(audit[0].details).toMatchObject({ clustersAdded: [b.id], clustersRemoved: [a.id] });
  });

  it('searches names in both languages case-insensitively and filters by kind and verification', async () => {
    const tag = unique('zq').replace('-', '');
    const ja = await makeOrganisation('university', { verified: false });
    const db = await getDb();
    await db
      .update(organisations)
      .set({ nameJa: `北${tag}大学`, nameEn: `North ${tag.toUpperCase()} University` })
      .where(eq(organisations.id, ja.id));
    const other = await makeOrganisation('sme');
    await db
      .update(organisations)
      .set({ nameEn: `${tag} Works` })
      .where(eq(organisations.id, other.id));

    const search = (params: Record<string, string>) => listOrganisations(organisationFiltersSchema.parse(params));
    expect((await search({ q: tag })).rows.map((r) => r.id).sort()).toEqual([ja.id, other.id].sort());
    expect((await search({ q: `北${tag}` })).rows.map((r) => r.id)).toEqual([ja.id]);
    expect((await search({ q: tag, kind: 'sme' })).rows.map((r) => r.id)).toEqual([other.id]);
    expect((await search({ q: tag, verified: 'no' })).rows.map((r) => r.id)).toEqual([ja.id]);
    expect((await search({ q: '%' })).total).toBe(0); // wildcards are taken literally
    await makeUser('researcher', { organisationId: ja.id });
    await makeUser('researcher', { organisationId: ja.id });
    const counted = await search({ q: tag });
    expect(Object.fromEntries(counted.rows.map((r) => [r.id, r.memberCount]))).toEqual({ [ja.id]: 2, [other.id]: 0 });
    // bad filter values fall back to no filter instead of failing
    expect(organisationFiltersSchema.parse({ kind: 'nope', verified: 'maybe', page: '-3' })).toEqual({
      q: '',
      page: 1,
    });
  });
});

describe('users', () => {
  it('a role change invalidates the session and applies at the next request', async () => {
    const { viewer: admin } = await makeUser('admin');
    const { user } = await makeUser('sme');
    await changeUserRole(admin, { userId: user.id, currentRole: 'sme', role: 'trading' }, null);
    expect(await loadViewer(user.id, user.sessionVersion)).toBeNull();
    expect((await loadViewer(user.id, user.sessionVersion + 1))?.role).toBe('trading');
    // a second admin working from the old page is told, not silently applied
    await expect(
      changeUserRole(admin, { userId: user.id, currentRole: 'sme', role: 'lender' }, null),
    ).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'admin.errors.roleChanged',
    });
    const audit = await auditOf(user.id);
    expect(audit.map((a) => [a.action, a.details])).toEqual([
      ['admin.user.change_role', { from: 'sme', to: 'trading' }],
    ]);
  });

  it('demoting a coordinator removes their cluster assignments', async () => {
    const { viewer: admin } = await makeUser('admin');
    const cluster = await makeCluster();
    const { user } = await makeUser('coordinator', { coordinates: [cluster.id] });
    await changeUserRole(admin, { userId: user.id, currentRole: 'coordinator', role: 'sme' }, null);
    const db = await getDb();
    expect(await db.select().from(coordinatorClusters).where(eq(coordinatorClusters.userId, user.id))).toEqual([]);
  });

  it('disabling ends the session at the next request; enabling does not revive it', async () => {
    const { viewer: admin } = await makeUser('admin');
    const { user } = await makeUser('researcher');
    await setUserDisabled(admin, { userId: user.id, disabled: true }, null);
    expect(await loadViewer(user.id, user.sessionVersion)).toBeNull();
    await expect(setUserDisabled(admin, { userId: user.id, disabled: true }, null)).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'admin.errors.alreadyDisabled',
    });
    await setUserDisabled(admin, { userId: user.id, disabled: false }, null);
    expect(await loadViewer(user.id, user.sessionVersion)).toBeNull();
    expect(await loadViewer(user.id, user.sessionVersion + 1)).not.toBeNull();
    expect((await auditOf(user.id)).map((a) => a.action)).toEqual(['admin.user.disable', 'admin.user.enable']);
  });

  it('an admin cannot demote or disable themselves', async () => {
    const { user, viewer: admin } = await makeUser('admin');
    await expect(
      changeUserRole(admin, { userId: admin.userId, currentRole: 'admin', role: 'sme' }, null),
    ).rejects.toMatchObject({
      code: 'forbidden',
      messageKey: 'admin.errors.selfRole',
    });
    await expect(setUserDisabled(admin, { userId: admin.userId, disabled: true }, null)).rejects.toMatchObject({
      messageKey: 'admin.errors.selfDisable',
    });
    const db = await getDb();
    const [after] = await db.select().from(users).where(eq(users.id, admin.userId));
    expect(after).toMatchObject({ role: 'admin', disabled: false, sessionVersion: user.sessionVersion });
    expect(await auditOf(admin.userId)).toEqual([]);
  });

  it('approves a pending member once', async () => {
    const { viewer: admin } = await makeUser('admin');
    const { user } = await makeUser('sme');
    const db = await getDb();
    await db.update(users).set({ approved: false }).where(eq(users.id, user.id));
    expect((await loadViewer(user.id, user.sessionVersion))?.verified).toBe(false);
    await approveUser(admin, user.id, null);
    expect((await loadViewer(user.id, user.sessionVersion))?.verified).toBe(true);
    await expect(approveUser(admin, user.id, null)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('filters by search text, role, disabled, approval and organisation', async () => {
    const { viewer: admin } = await makeUser('admin');
    const org = await makeOrganisation('sme');
    const { user: a } = await makeUser('sme', { organisationId: org.id });
    const { user: b } = await makeUser('trading', { organisationId: org.id });
    const { user: c } = await makeUser('sme', { organisationId: org.id });
    await setUserDisabled(admin, { userId: b.id, disabled: true }, null);
    const db = await getDb();
    await db.update(users).set({ approved: false }).where(eq(users.id, c.id));

    const ids = async (params: Record<string, string>) =>
      (await listUsers(userFiltersSchema.parse({ org: org.id, ...params }))).rows.map((r) => r.id).sort();
    expect(await ids({})).toEqual([a.id, b.id, c.id].sort());
    expect(await ids({ role: 'trading' })).toEqual([b.id]);
    expect(await ids({ disabled: 'yes' })).toEqual([b.id]);
    expect(await ids({ disabled: 'no', approval: 'approved' })).toEqual([a.id]);
    expect(await ids({ approval: 'pending' })).toEqual([c.id]);
    expect(await ids({ q: a.email.toUpperCase() })).toEqual([a.id]);
    expect((await officeCounts()).pendingMembers).toBeGreaterThanOrEqual(1);
  });
});

describe('clusters and coordinators', () => {
  it('creates and edits a cluster; a taken slug or a stale version is refused', async () => {
    const { viewer: admin } = await makeUser('admin');
    const slug = unique('tohoku');
    const input = createClusterSchema.parse({
      slug,
      nameJa: '東北クラスター',
      nameEn: 'Tohoku Cluster',
      regionJa: '宮城',
      regionEn: 'Miyagi',
      domains: ['it'],
      phase: 'II',
    });
    const { clusterId } = await createCluster(admin, input, null);
    await expect(createCluster(admin, input, null)).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'admin.errors.slugTaken',
    });

    const current = (await getCluster(clusterId))!;
    await updateCluster(
      admin,
      { ...input, clusterId, version: current.version, phase: 'III', domains: ['it', 'biotech'] },
      null,
    );
    expect(await getCluster(clusterId)).toMatchObject({
      phase: 'III',
      domains: ['it', 'biotech'],
      regionJa: '宮城',
      regionEn: 'Miyagi',
    });
    await expect(updateCluster(admin, { ...input, clusterId, version: current.version }, null)).rejects.toMatchObject({
      code: 'conflict',
    });

    const other = await makeCluster();
    const fresh = (await getCluster(clusterId))!;
    await expect(
      updateCluster(admin, { ...input, clusterId, version: fresh.version, slug: other.slug }, null),
    ).rejects.toMatchObject({
      messageKey: 'admin.errors.slugTaken',
    });
    expect((await auditOf(clusterId)).map((a) => a.action)).toEqual(['admin.cluster.create', 'admin.cluster.update']);
    expect(createClusterSchema.safeParse({ ...input, slug: 'Not A Slug' }).success).toBe(false);
  });

  it('assigns and unassigns coordinators, effective at their next request', async () => {
    const { viewer: admin } = await makeUser('admin');
    const cluster = await makeCluster();
    const { user } = await makeUser('coordinator');
    const { user: notCoordinator } = await makeUser('sme');

    expect((await listAssignableCoordinators(cluster.id)).map((c) => c.id)).toContain(user.id);
    await assignCoordinator(admin, { clusterId: cluster.id, userId: user.id }, null);
    expect((await listAssignableCoordinators(cluster.id)).map((c) => c.id)).not.toContain(user.id);
    expect((await listClusterCoordinators(cluster.id)).map((c) => c.id)).toEqual([user.id]);
    const listed = (await listAllClusters()).find((c) => c.id === cluster.id);
    expect(listed).toMatchObject({ coordinatorCount: 1, memberCount: 0 });
    await makeOrganisation('sme', { clusterIds: [cluster.id] });
    expect((await listAllClusters()).find((c) => c.id === cluster.id)?.memberCount).toBe(1);
    expect((await loadViewer(user.id, user.sessionVersion))?.coordinatorClusterIds).toEqual([cluster.id]);
    await expect(assignCoordinator(admin, { clusterId: cluster.id, userId: user.id }, null)).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(
      assignCoordinator(admin, { clusterId: cluster.id, userId: notCoordinator.id }, null),
    ).rejects.toMatchObject({
      messageKey: 'admin.errors.notCoordinator',
    });

    await unassignCoordinator(admin, { clusterId: cluster.id, userId: user.id }, null);
    expect((await loadViewer(user.id, user.sessionVersion))?.coordinatorClusterIds).toEqual([]);
    await expect(unassignCoordinator(admin, { clusterId: cluster.id, userId: user.id }, null)).rejects.toMatchObject({
      code: 'conflict',
    });

    const db = await getDb();
    const rows = await db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.subjectType, 'cluster'), eq(auditLogs.subjectId, cluster.id)))
      .orderBy(auditLogs.id);
    expect(rows.map((r) => [r.action, r.details])).toEqual([
      ['admin.coordinator.assign', { userId: user.id }],
      ['admin.coordinator.unassign', { userId: user.id }],
    ]);
  });
});

describe('audit log', () => {
  it('lists newest first and filters by actor, action, subject type and date', async () => {
    const { user: adminUser, viewer: admin } = await makeUser('admin');
    const { user: a } = await makeUser('sme');
    const { user: b } = await makeUser('sme');
    await setUserDisabled(admin, { userId: a.id, disabled: true }, null);
    await setUserDisabled(admin, { userId: b.id, disabled: true }, null);
    await setUserDisabled(admin, { userId: b.id, disabled: false }, null);

    const list = (params: Record<string, string>) =>
      listAuditLog(auditFiltersSchema.parse({ actor: adminUser.email.toUpperCase(), ...params }));
    const all = await list({});
    expect(all.rows.map((r) => [r.action, r.subjectId])).toEqual([
      ['admin.user.enable', b.id],
      ['admin.user.disable', b.id],
      ['admin.user.disable', a.id],
    ]);
    expect(all.rows[0].actorEmail).toBe(adminUser.email);
    expect((await list({ action: 'admin.user.disable' })).total).toBe(2);
    expect((await list({ subject: 'cluster' })).total).toBe(0);

    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
    expect((await list({ from: today, to: today })).total).toBe(3);
    expect((await list({ to: '2020-01-01' })).total).toBe(0);
    expect((await list({ from: '2999-01-01' })).total).toBe(0);
    expect(auditFiltersSchema.parse({ from: 'yesterday' }).from).toBeUndefined();
  });
});
