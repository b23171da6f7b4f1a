import { register } from 'node:module';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { clusters, coordinatorClusters, organisationClusters, organisations, users } from '@/db/schema/accounts';
import { needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import { hashPassword } from '@/lib/auth/password';
import { buildSearchText } from '@/lib/listings/search-text';
import { DEMO_PASSWORD } from './seed/demo-data';
import { closeDb, getDb } from '@/db';

// Fixtures of browser tests that need more data than the demo has (run by scripts/e2e-server.mjs after the demo seed).

/** The coordinator of the fixture's cluster (password: the demo password). */
const QUEUE_COORDINATOR = 'queue-coordinator@e2e.test';
const NEEDS = 10;
const SEEDS = 5;
const DAY = 86_400_000;

/**
 * A cluster of its own for the queue's browser test (e2e/queue.spec.ts): one SME with 10 needs, one
 * university with 5 seeds and 50 engine proposals between them, brokered by a coordinator of that
 * cluster only, so no other spec's decisions change what it measures. Idempotent.
 */
async function seedQueueFixture(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const [cluster] = await tx
      .insert(clusters)
      .values({
        slug: 'e2e-queue',
        nameJa: 'E2E 確認待ちクラスター',
        nameEn: 'E2E Queue Cluster',
        regionJa: '東海（愛知）',
        regionEn: 'Tokai (Aichi)',
        domains: ['manufacturing'],
        phase: 'III',
      })
      .onConflictDoUpdate({ target: clusters.slug, set: { slug: 'e2e-queue' } })
      .returning({ id: clusters.id });
    const org = async (kind: 'sme' | 'university', nameJa: string, nameEn: string) => {
      const [existing] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.nameEn, nameEn));
      const id =
        existing?.id ??
        (
          await tx
            .insert(organisations)
            .values({ kind, nameJa, nameEn, prefecture: 'Aichi', verified: true })
            .returning({ id: organisations.id })
        )[0].id;
      await tx.insert(organisationClusters).values({ organisationId: id, clusterId: cluster.id }).onConflictDoNothing();
      return id;
    };
    const smeOrg = await org('sme', 'E2E 精密部品工業', 'E2E Precision Parts');
    const uniOrg = await org('university', 'E2E 工科大学', 'E2E Institute of Technology');
    const user = async (
      email: string,
      name: string,
      role: 'coordinator' | 'sme' | 'researcher',
      organisationId: string,
    ) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
      if (existing) return existing.id;
      const [row] = await tx
        .insert(users)
        .values({ email, name, passwordHash, role, organisationId, locale: 'ja', approved: true })
        .returning({ id: users.id });
      return row.id;
    };
    const coordinator = await user(QUEUE_COORDINATOR, 'E2E 調整 役', 'coordinator', smeOrg);
    await tx.insert(coordinatorClusters).values({ userId: coordinator, clusterId: cluster.id }).onConflictDoNothing();
    const smeUser = await user('queue-sme@e2e.test', 'E2E 中小 花子', 'sme', smeOrg);
    const labUser = await user('queue-lab@e2e.test', 'E2E 研究 太郎', 'researcher', uniOrg);

    const existing = await tx.select({ id: needs.id }).from(needs).where(eq(needs.organisationId, smeOrg));
    if (existing.length) return;
    const now = Date.now();
    const listing = (i: number, title: string, summary: string, by: string, organisationId: string) => ({
      organisationId,
      createdBy: by,
      contactUserId: by,
      language: 'ja' as const,
      title,
      summary,
      domain: 'manufacturing' as const,
      searchText: buildSearchText({ title, summary }),
      status: 'open' as const,
      publishedAt: new Date(now - i * DAY),
      expiresAt: new Date(now + 300 * DAY),
    });
    const needIds = (
      await tx
        .insert(needs)
        .values(
          Array.from({ length: NEEDS }, (_, i) =>
            listing(
              i,
              `E2E ニーズ ${i + 1}：アルミ部品の加工精度を上げたい`,
              '切削条件と治具の見直しで寸法ばらつきを半減したい。',
              smeUser,
              smeOrg,
            ),
          ),
        )
        .returning({ id: needs.id })
    ).map((r) => r.id);
    const seedIds = (
      await tx
        .insert(seeds)
        .values(
          Array.from({ length: SEEDS }, (_, i) => ({
            ...listing(
              i,
              `E2E シーズ ${i + 1}：工作機械の熱変位補正`,
              '主軸温度から熱変位を予測し、加工中に補正します。',
              labUser,
              uniOrg,
            ),
            trl: 5,
          })),
        )
        .returning({ id: seeds.id })
    ).map((r) => r.id);
    const rows = needIds.flatMap((needId, n) =>
      seedIds.map((seedId, s) => ({
        kind: 'engine' as const,
        needId,
        seedId,
        clusterId: cluster.id,
        status: 'proposed' as const,
        score: Math.round((0.9 - (n * SEEDS + s) * 0.015) * 100) / 100,
        reasons: [
          { kind: 'same_domain', domain: 'manufacturing' },
          { kind: 'trl_fit', fit: 'meets', seedTrl: 5, needTrl: 4 },
        ],
        createdAt: new Date(now - (n * SEEDS + s) * 3_600_000),
      })),
    );
    await tx.insert(matches).values(rows);
  });
}

await seedQueueFixture(await getDb());
// lib/funding's modules are marked server-only (for Next's bundler); a script may import them.
register('./support/server-only-hook.mjs', import.meta.url);
const { seedFundingPrivacyFixture } = await import('./seed-e2e-funding');
await seedFundingPrivacyFixture(await getDb(), process.env.E2E_PORT ?? '3200');
const { seedCheckInsFixture } = await import('./seed-e2e-check-ins');
await seedCheckInsFixture(await getDb());
const { seedMembers } = await import('./seed-e2e-members');
await seedMembers(await getDb());
const { seedListingsFixture } = await import('./seed-e2e-listings');
await seedListingsFixture(await getDb());
// publishing queued the listings' re-matches (the server's workers run them): stop the queue this script started
const { stopJobs } = await import('@/lib/jobs');
await stopJobs();
console.log('e2e fixtures ready');
await closeDb();
