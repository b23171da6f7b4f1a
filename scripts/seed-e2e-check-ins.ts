import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { clusters, coordinatorClusters, organisationClusters, organisations, users } from '@/db/schema/accounts';
import { matchIntroductions } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import { hashPassword } from '@/lib/auth/password';
import { titlesFor } from '@/lib/introductions/titles';
import { loadMatchContext } from '@/lib/introductions/context';
import { buildSearchText } from '@/lib/listings/search-text';
import { notify } from '@/lib/notifications/notify';
import { ASKED_NEED, CHECK_INS_COORDINATOR, CHECK_INS_SME, OVERDUE_NEED } from '../e2e/support/check-ins-fixture';
import { DEMO_PASSWORD } from './seed/demo-data';

// The fixture of e2e/check-ins.spec.ts (imported by scripts/seed-e2e.ts after the demo seed). In a cluster of
// its own: an SME's need introduced to a university's seed 50 days ago, nobody has answered its 30-day
// check-in (overdue: 30 + 14 days), and another introduced 31 days ago whose check-in the SME was just
// asked in the app (as the sweep asks: lib/introductions/jobs.ts). Idempotent.

const DAY = 86_400_000;

export async function seedCheckInsFixture(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const [cluster] = await tx
      .insert(clusters)
      .values({
        slug: 'e2e-check-ins',
        nameJa: 'E2E フォローアップクラスター',
        nameEn: 'E2E Check-ins Cluster',
        regionJa: '東海（静岡）',
        regionEn: 'Tokai (Shizuoka)',
        domains: ['manufacturing'],
        phase: 'II',
      })
      .onConflictDoUpdate({ target: clusters.slug, set: { slug: 'e2e-check-ins' } })
      .returning({ id: clusters.id });
    const [done] = await tx.select({ id: needs.id }).from(needs).where(eq(needs.title, OVERDUE_NEED));
    if (done) return;
    const org = async (kind: 'sme' | 'university', nameJa: string, nameEn: string) => {
      const [row] = await tx
        .insert(organisations)
        .values({ kind, nameJa, nameEn, prefecture: 'Shizuoka', verified: true, employeeBand: '10-49' })
        .returning({ id: organisations.id });
      await tx.insert(organisationClusters).values({ organisationId: row.id, clusterId: cluster.id });
      return row.id;
    };
    const smeOrg = await org('sme', 'E2E フォロー工業', 'E2E Follow-up Works');
    const uniOrg = await org('university', 'E2E フォロー大学', 'E2E Follow-up University');
    const user = async (email: string, name: string, role: 'coordinator' | 'sme' | 'researcher', orgId: string) => {
      const [row] = await tx
        .insert(users)
        .values({ email, name, passwordHash, role, organisationId: orgId, locale: 'ja', approved: true })
        .returning({ id: users.id });
      return row.id;
    };
    const coordinator = await user(CHECK_INS_COORDINATOR, 'E2E フォロー 調整', 'coordinator', smeOrg);
    await tx.insert(coordinatorClusters).values({ userId: coordinator, clusterId: cluster.id });
    const sme = await user(CHECK_INS_SME, 'E2E フォロー 中小', 'sme', smeOrg);
    const lab = await user('checkins-lab@e2e.test', 'E2E フォロー 研究', 'researcher', uniOrg);

    const listing = async (table: typeof needs | typeof seeds, title: string, by: string, organisationId: string) => {
      const [row] = await tx
        .insert(table)
        .values({
          organisationId,
          createdBy: by,
          contactUserId: by,
          language: 'ja',
          title,
          summary: `${title}の概要`,
          domain: 'manufacturing',
          searchText: buildSearchText({ title, summary: title }),
          status: 'open',
          publishedAt: new Date(Date.now() - 120 * DAY),
          expiresAt: new Date(Date.now() + 240 * DAY),
        })
        .returning({ id: table.id });
      return row.id;
    };
    const introduce = async (needTitle: string, seedTitle: string, daysAgo: number) => {
      const [m] = await tx
        .insert(matches)
        .values({
          kind: 'engine',
          needId: await listing(needs, needTitle, sme, smeOrg),
          seedId: await listing(seeds, seedTitle, lab, uniOrg),
          clusterId: cluster.id,
          status: 'introduced',
          createdAt: new Date(Date.now() - (daysAgo + 10) * DAY),
        })
        .returning({ id: matches.id });
      const introducedAt = new Date(Date.now() - daysAgo * DAY);
      await tx.insert(matchIntroductions).values({
        matchId: m.id,
        needResponse: 'accepted',
        seedResponse: 'accepted',
        introducedAt,
        checkIn30At: new Date(introducedAt.getTime() + 30 * DAY),
      });
      return m.id;
    };
    await introduce(OVERDUE_NEED, 'E2E フォローアップ期限超過のシーズ', 50);
    const asked = await introduce(ASKED_NEED, 'E2E フォローアップ質問中のシーズ', 31);
    const ctx = (await loadMatchContext(tx, asked))!;
    await notify(tx, {
      userId: sme,
      kind: 'check_in',
      params: { ...(await titlesFor(tx, ctx, 'need')), matchId: asked, days: 30 },
      href: `/introductions/${asked}`,
    });
  });
}
