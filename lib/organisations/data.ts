import 'server-only';
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { clusters, organisationClusters, organisations, users } from '@/db/schema/accounts';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { containsPattern, paged, paging } from '@/lib/lists/query';
import type { OrganisationFilters, UpdateOrganisationInput } from './validation';

// Authorisation (admin.organisations) is checked by the action wrapper and the page guard;
// these functions are the programme office's view of every organisation.

function filtersWhere(f: OrganisationFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (f.q) {
    const pattern = containsPattern(f.q);
    conditions.push(or(ilike(organisations.nameJa, pattern), ilike(organisations.nameEn, pattern))!);
  }
  if (f.kind) conditions.push(eq(organisations.kind, f.kind));
  if (f.verified) conditions.push(eq(organisations.verified, f.verified === 'yes'));
  return conditions.length ? and(...conditions) : undefined;
}

export async function listOrganisations(filters: OrganisationFilters) {
  const db = await getDb();
  const where = filtersWhere(filters);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: organisations.id,
        nameJa: organisations.nameJa,
        nameEn: organisations.nameEn,
        kind: organisations.kind,
        prefecture: organisations.prefecture,
        verified: organisations.verified,
        createdAt: organisations.createdAt,
        // drizzle prints columns unqualified inside sql``, so the correlated subquery names them itself
        memberCount: sql<number>`(select count(*)::int from users u where u.organisation_id = organisations.id)`,
      })
      .from(organisations)
      .where(where)
      // the ones waiting for the office first, then newest
      .orderBy(asc(organisations.verified), desc(organisations.createdAt), asc(organisations.id))
      .limit(paging(filters.page).limit)
      .offset(paging(filters.page).offset),
    db.select({ total: count() }).from(organisations).where(where),
  ]);
  return paged(rows, total, filters.page);
}

export async function getOrganisation(organisationId: string) {
  const db = await getDb();
  const [org] = await db
    .select({
      id: organisations.id,
      nameJa: organisations.nameJa,
      nameEn: organisations.nameEn,
      kind: organisations.kind,
      prefecture: organisations.prefecture,
      website: organisations.website,
      employeeBand: organisations.employeeBand,
      verified: organisations.verified,
      createdAt: organisations.createdAt,
      version: sql<string>`${organisations.updatedAt}::text`,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!org) return null;
  const [memberships, members] = await Promise.all([
    db
      .select({ clusterId: organisationClusters.clusterId })
      .from(organisationClusters)
      .where(eq(organisationClusters.organisationId, organisationId)),
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        approved: users.approved,
        disabled: users.disabled,
      })
      .from(users)
      .where(eq(users.organisationId, organisationId))
      .orderBy(asc(users.createdAt)),
  ]);
  return { ...org, clusterIds: memberships.map((m) => m.clusterId), members };
}

export async function listClusterChoices() {
  const db = await getDb();
  return db
    .select({ id: clusters.id, nameJa: clusters.nameJa, nameEn: clusters.nameEn })
    .from(clusters)
    .orderBy(asc(clusters.nameEn));
}

/** Verifies the organisation and approves its members still waiting (its founders). */
export async function verifyOrganisation(actor: Viewer, organisationId: string, ip: string | null) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(organisations)
      .set({ verified: true, updatedAt: sql`now()` })
      .where(and(eq(organisations.id, organisationId), eq(organisations.verified, false)))
      .returning({ id: organisations.id });
    if (!done) {
      const [exists] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, organisationId));
      throw exists ? new AppError('conflict', 'admin.errors.alreadyVerified') : new AppError('not_found');
    }
    const approved = await tx
      .update(users)
      .set({ approved: true, updatedAt: sql`now()` })
      .where(and(eq(users.organisationId, organisationId), eq(users.approved, false)))
      .returning({ id: users.id });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'admin.organisation.verify',
      subjectType: 'organisation',
      subjectId: organisationId,
      details: { approvedUserIds: approved.map((u) => u.id) },
      ip,
    });
    return { approvedCount: approved.length };
  });
}

export async function updateOrganisation(actor: Viewer, input: UpdateOrganisationInput, ip: string | null) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const values = {
      kind: input.kind,
      nameJa: input.nameJa,
      nameEn: input.nameEn,
      prefecture: input.prefecture,
      website: input.website || null,
      employeeBand: input.employeeBand || null,
    };
    const [done] = await tx
      .update(organisations)
      .set({ ...values, updatedAt: sql`now()` })
      .where(
        and(
          eq(organisations.id, input.organisationId),
          sql`${organisations.updatedAt} = ${input.version}::timestamptz`,
        ),
      )
      .returning({ id: organisations.id });
    if (!done) {
      const [exists] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, input.organisationId));
      throw exists ? new AppError('conflict') : new AppError('not_found');
    }

    const wanted = [...new Set(input.clusterIds)];
    if (wanted.length) {
      const known = await tx.select({ id: clusters.id }).from(clusters).where(inArray(clusters.id, wanted));
      if (known.length !== wanted.length) {
        throw new AppError('invalid', 'validation.choice', { clusterIds: ['validation.choice'] });
      }
    }
    // Only the difference is written: each change of membership re-attributes the organisation's matches
    // (match_attribution, kept by the database), so an edit that keeps the clusters costs nothing there.
    const before = await tx
      .select({ clusterId: organisationClusters.clusterId })
      .from(organisationClusters)
      .where(eq(organisationClusters.organisationId, input.organisationId));
    const had = new Set(before.map((b) => b.clusterId));
    const removed = [...had].filter((c) => !wanted.includes(c));
    const added = wanted.filter((c) => !had.has(c));
    if (removed.length) {
      await tx
        .delete(organisationClusters)
        .where(
          and(
            eq(organisationClusters.organisationId, input.organisationId),
            inArray(organisationClusters.clusterId, removed),
          ),
        );
    }
    if (added.length) {
      await tx
        .insert(organisationClusters)
        .values(added.map((clusterId) => ({ organisationId: input.organisationId, clusterId })));
    }
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'admin.organisation.update',
      subjectType: 'organisation',
      subjectId: input.organisationId,
      details: {
        ...values,
        clustersAdded: added,
        clustersRemoved: removed,
      },
      ip,
    });
  });
}
