import 'server-only';
import { and, asc, count, desc, eq, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '@/db';
import { coordinatorClusters, organisations, users } from '@/db/schema/accounts';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { containsPattern, paged, paging } from '@/lib/lists/query';
import type { ChangeRoleInput, SetDisabledInput, UserFilters } from './validation';

// Authorisation (admin.users) is checked by the action wrapper and the page guard.

function filtersWhere(f: UserFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (f.q) {
    const pattern = containsPattern(f.q);
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern))!);
  }
  if (f.role) conditions.push(eq(users.role, f.role));
  if (f.disabled) conditions.push(eq(users.disabled, f.disabled === 'yes'));
  if (f.approval) conditions.push(eq(users.approved, f.approval === 'approved'));
  if (f.org) conditions.push(eq(users.organisationId, f.org));
  return conditions.length ? and(...conditions) : undefined;
}

export async function listUsers(filters: UserFilters) {
  const db = await getDb();
  const where = filtersWhere(filters);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        approved: users.approved,
        disabled: users.disabled,
        lastSignInAt: users.lastSignInAt,
        createdAt: users.createdAt,
        organisation: {
          id: organisations.id,
          nameJa: organisations.nameJa,
          nameEn: organisations.nameEn,
          verified: organisations.verified,
        },
      })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(where)
      .orderBy(asc(users.approved), desc(users.createdAt), asc(users.id))
      .limit(paging(filters.page).limit)
      .offset(paging(filters.page).offset),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return paged(rows, total, filters.page);
}

/** Coordinators who could be assigned to a cluster (enabled, not yet assigned to it). */
export async function listAssignableCoordinators(clusterId: string) {
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.role, 'coordinator'),
        eq(users.disabled, false),
        sql`not exists (select 1 from coordinator_clusters cc where cc.user_id = users.id and cc.cluster_id = ${clusterId})`,
      ),
    )
    .orderBy(asc(users.name));
}

async function existsOrNotFound(tx: Db, userId: string) {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!row) throw new AppError('not_found');
}

/** Takes effect on the user's next request: the session version is bumped. */
export async function changeUserRole(actor: Viewer, input: ChangeRoleInput, ip: string | null) {
  if (input.userId === actor.userId) throw new AppError('forbidden', 'admin.errors.selfRole');
  if (input.role === input.currentRole) throw new AppError('conflict', 'admin.errors.sameRole');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [done] = await tx
      .update(users)
      .set({ role: input.role, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` })
      .where(and(eq(users.id, input.userId), eq(users.role, input.currentRole)))
      .returning({ id: users.id });
    if (!done) {
      await existsOrNotFound(tx, input.userId);
      throw new AppError('conflict', 'admin.errors.roleChanged');
    }
    // a former coordinator keeps no cluster assignments
    const unassigned =
      input.role === 'coordinator'
        ? []
        : await tx
            .delete(coordinatorClusters)
            .where(eq(coordinatorClusters.userId, input.userId))
            .returning({ clusterId: coordinatorClusters.clusterId });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'admin.user.change_role',
      subjectType: 'user',
      subjectId: input.userId,
      details: {
        from: input.currentRole,
        to: input.role,
        ...(unassigned.length ? { unassignedClusterIds: unassigned.map((u) => u.clusterId) } : {}),
      },
      ip,
    });
  });
}

/** Disabling ends the user's sessions at their next request; enabling does not revive old ones. */
export async function setUserDisabled(actor: Viewer, input: SetDisabledInput, ip: string | null) {
  if (input.userId === actor.userId) throw new AppError('forbidden', 'admin.errors.selfDisable');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [done] = await tx
      .update(users)
      .set({
        disabled: input.disabled,
        ...(input.disabled ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
        updatedAt: sql`now()`,
      })
      .where(and(eq(users.id, input.userId), ne(users.disabled, input.disabled)))
      .returning({ id: users.id });
    if (!done) {
      await existsOrNotFound(tx, input.userId);
      throw new AppError('conflict', input.disabled ? 'admin.errors.alreadyDisabled' : 'admin.errors.alreadyEnabled');
    }
    await writeAudit(tx, {
      actorId: actor.userId,
      action: input.disabled ? 'admin.user.disable' : 'admin.user.enable',
      subjectType: 'user',
      subjectId: input.userId,
      ip,
    });
  });
}

export async function approveUser(actor: Viewer, userId: string, ip: string | null) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [done] = await tx
      .update(users)
      .set({ approved: true, updatedAt: sql`now()` })
      .where(and(eq(users.id, userId), eq(users.approved, false)))
      .returning({ id: users.id });
    if (!done) {
      await existsOrNotFound(tx, userId);
      throw new AppError('conflict', 'admin.errors.alreadyApproved');
    }
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'admin.user.approve',
      subjectType: 'user',
      subjectId: userId,
      ip,
    });
  });
}
