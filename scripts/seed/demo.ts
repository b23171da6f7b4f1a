import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { clusters, coordinatorClusters, organisationClusters, organisations, users } from '@/db/schema/accounts';
import { hashPassword } from '@/lib/auth/password';
import { DEMO_PASSWORD, demoClusters, demoOrganisations, demoUsers } from './demo-data';
import { seedDemoFunding } from './demo-funding';
import { seedDemoListings } from './demo-listings';
import { seedDemoPlans, seedDemoProgramme } from './demo-programme';
import { seedDemoSurvey } from './demo-survey';

/** Idempotent: running it twice leaves one copy of everything. */
export async function seedDemo(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const clusterIds = new Map<string, string>();
    for (const c of demoClusters) {
      const [row] = await tx
        .insert(clusters)
        .values(c)
        .onConflictDoUpdate({
          target: clusters.slug,
          set: { nameJa: c.nameJa, nameEn: c.nameEn, regionJa: c.regionJa, regionEn: c.regionEn },
        })
        .returning({ id: clusters.id });
      clusterIds.set(c.slug, row.id);
    }

    const orgIds = new Map<string, string>();
    for (const o of demoOrganisations) {
      const [existing] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.nameEn, o.nameEn));
      const id =
        existing?.id ??
        (
          await tx
            .insert(organisations)
            .values({
              kind: o.kind,
              nameJa: o.nameJa,
              nameEn: o.nameEn,
              prefecture: o.prefecture,
              website: o.website ?? null,
              employeeBand: o.employeeBand ?? null,
              verified: o.verified ?? true,
            })
            .returning({ id: organisations.id })
        )[0].id;
      orgIds.set(o.key, id);
      for (const slug of o.clusters) {
        await tx
          .insert(organisationClusters)
          .values({ organisationId: id, clusterId: clusterIds.get(slug)! })
          .onConflictDoNothing();
      }
    }

    for (const u of demoUsers) {
      const [existing] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${u.email}`);
      const id =
        existing?.id ??
        (
          await tx
            .insert(users)
            .values({
              email: u.email,
              name: u.name,
              phone: u.phone,
              passwordHash,
              role: u.role,
              organisationId: orgIds.get(u.organisation)!,
              locale: u.locale,
              approved: true,
            })
            .returning({ id: users.id })
        )[0].id;
      for (const slug of u.coordinates ?? []) {
        await tx
          .insert(coordinatorClusters)
          .values({ userId: id, clusterId: clusterIds.get(slug)! })
          .onConflictDoNothing();
      }
    }
  });
  await seedDemoListings(db);
  await seedDemoFunding(db);
  await seedDemoProgramme(db);
  await seedDemoPlans(db);
  await seedDemoSurvey(db);
}
