import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { clusters, organisationClusters, organisations, users } from '@/db/schema/accounts';
import { matchEvents, matchIntroductions, ndas } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import { clusterPlanVersions, matchOutcomes, type PlanPhase } from '@/db/schema/programme';
import { type ClusterPhase, clusterPhases, type Domain } from '@/db/vocabulary/clusters';
import type { OutcomeKind, PlanTargetKpi } from '@/db/vocabulary/programme';
import { type PlanContent, planChanges } from '@/lib/programme/plan-rules';
import { demoClusters, demoOrganisations } from './demo-data';

// The programme's recent past (issue 14 item 9), so the office and the coordinators open a dashboard with
// something to read: introductions brokered month by month over the last ten months, in each cluster, with
// the outcomes they led to. Their listings are closed (partner found): they take no part in browsing or
// matching, and their matches are closed, rejected or declined, so no queue or inbox gains work.

type Step = { kind: OutcomeKind; day: number; amountJpy?: number; ventureName?: string };
type Story = {
  sme: string;
  partner: string;
  monthsAgo: number;
  domain: Domain;
  need: string;
  seed: string;
  /** How the match ended: brokered to an introduction (the default), rejected by the coordinator, declined. */
  end?: 'rejected' | 'declined';
  nda?: boolean;
  outcomes?: Step[];
};

const met = (day = 14): Step => ({ kind: 'meeting_held', day });

const stories: Story[] = [
  {
    sme: 'sme-okazaki',
    partner: 'uni-nagoya-tech',
    monthsAgo: 10,
    domain: 'manufacturing',
    need: '航空機部品のバリ取り工程の自動化',
    seed: 'ロボットによる微細バリ除去の力制御技術',
    nda: true,
    outcomes: [met(), { kind: 'joint_rd_started', day: 45 }],
  },
  {
    sme: 'sme-gifu-mold',
    partner: 'ri-aichi',
    monthsAgo: 9,
    domain: 'manufacturing',
    need: '金型表面の長寿命コーティング',
    seed: 'DLC 多層膜コーティングの成膜条件',
    outcomes: [met(), { kind: 'licence_signed', day: 50, amountJpy: 3_000_000 }],
  },
  {
    sme: 'sme-osaka-food',
    partner: 'uni-kyoto-life',
    monthsAgo: 9,
    domain: 'biotech',
    need: '発酵食品の機能性評価',
    seed: '腸内細菌叢による機能性成分の評価法',
    nda: true,
    outcomes: [
      met(),
      { kind: 'joint_rd_started', day: 40 },
      { kind: 'venture_founded', day: 120, ventureName: '京都フードバイオ株式会社' },
    ],
  },
  {
    sme: 'sme-fukuoka-soft',
    partner: 'uni-kyushu-energy',
    monthsAgo: 8,
    domain: 'environment_energy',
    need: '工場の電力需要予測',
    seed: '機械学習による短期電力需要予測モデル',
    outcomes: [met(), { kind: 'new_business_launched', day: 90 }],
  },
  {
    sme: 'sme-okazaki',
    partner: 'ri-aichi',
    monthsAgo: 7,
    domain: 'manufacturing',
    need: '検査工程の画像判定',
    seed: '少量データで学習する外観検査 AI',
    nda: true,
    outcomes: [met(), { kind: 'partnership_formed', day: 35 }, { kind: 'first_sale', day: 80, amountJpy: 1_200_000 }],
  },
  {
    sme: 'sme-osaka-food',
    partner: 'ri-osaka-bio',
    monthsAgo: 6,
    domain: 'biotech',
    need: '保存料を使わない日持ち向上',
    seed: '乳酸菌由来の抗菌ペプチド',
    outcomes: [met(), { kind: 'partnership_formed', day: 30 }],
  },
  {
    sme: 'sme-gifu-mold',
    partner: 'uni-nagoya-tech',
    monthsAgo: 5,
    domain: 'manufacturing',
    need: '樹脂成形品の軽量化',
    seed: '発泡射出成形のセル構造制御',
    outcomes: [met(), { kind: 'new_business_launched', day: 60 }],
  },
  {
    sme: 'sme-okazaki',
    partner: 'tlo-kansai',
    monthsAgo: 4,
    domain: 'manufacturing',
    need: '切削工具の摩耗予測',
    seed: '振動解析による工具寿命推定',
    outcomes: [met(), { kind: 'no_deal', day: 40 }],
  },
  {
    sme: 'sme-osaka-food',
    partner: 'tlo-kansai',
    monthsAgo: 3,
    domain: 'biotech',
    need: '食品アレルゲンの迅速検査',
    seed: '抗体チップによるアレルゲン検出',
    end: 'declined',
  },
  {
    sme: 'sme-fukuoka-soft',
    partner: 'uni-kyushu-energy',
    monthsAgo: 2,
    domain: 'it',
    need: '太陽光パネルの遠隔監視',
    seed: 'ドローン画像によるパネル異常検知',
    end: 'rejected',
  },
  {
    sme: 'sme-gifu-mold',
    partner: 'tlo-kansai',
    monthsAgo: 1,
    domain: 'manufacturing',
    need: '金型の温度分布の可視化',
    seed: '埋め込み型光ファイバ温度センサ',
    outcomes: [met(10)],
  },
];

/** Results credited to a firm without an introduction behind them: loans, a managerial revamp. */
const credited: { org: string; kind: OutcomeKind; monthsAgo: number; amountJpy?: number }[] = [
  { org: 'sme-okazaki', kind: 'funding_obtained', monthsAgo: 5, amountJpy: 20_000_000 },
  { org: 'sme-gifu-mold', kind: 'managerial_revamp', monthsAgo: 3 },
  { org: 'sme-fukuoka-soft', kind: 'funding_obtained', monthsAgo: 2, amountJpy: 8_000_000 },
  { org: 'sme-osaka-food', kind: 'managerial_revamp', monthsAgo: 1 },
];

const DAY = 24 * 60 * 60 * 1000;

/** Idempotent: the history is written once (its first need marks it). */
export async function seedDemoProgramme(db: Db, now = new Date()): Promise<void> {
  const [done] = await db.select({ id: needs.id }).from(needs).where(eq(needs.title, stories[0].need));
  if (done) return;
  const names = new Map(demoOrganisations.map((o) => [o.key, o.nameEn]));
  const orgRows = await db
    .select({ id: organisations.id, nameEn: organisations.nameEn })
    .from(organisations)
    .where(inArray(organisations.nameEn, [...names.values()]));
  const orgId = (key: string) => orgRows.find((r) => r.nameEn === names.get(key))!.id;
  const [office] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = 'admin@demo.test'`);
  // read before the transaction: on the embedded database a query outside it would wait for it forever
  const memberships = await db
    .select({ organisationId: organisationClusters.organisationId, clusterId: clusters.id })
    .from(organisationClusters)
    .innerJoin(clusters, eq(clusters.id, organisationClusters.clusterId));
  const clusterOf = (organisationId: string) =>
    memberships.find((m) => m.organisationId === organisationId)?.clusterId ?? null;
  const today = now.getTime();
  const at = (start: number, days: number) => new Date(Math.min(start + days * DAY, today - DAY));
  const dayOf = (d: Date) => d.toISOString().slice(0, 10); // a stored date; the seed runs in no reader's zone

  await db.transaction(async (tx) => {
    for (const story of stories) {
      const start = today - story.monthsAgo * 30 * DAY;
      const listing = (organisationId: string, title: string) => ({
        organisationId,
        createdBy: office.id,
        language: 'ja' as const,
        title,
        summary: title,
        domain: story.domain,
        status: 'closed' as const,
        closedReason: 'partner_found',
        publishedAt: new Date(start - 20 * DAY),
        createdAt: new Date(start - 21 * DAY),
      });
      const smeId = orgId(story.sme);
      const [need] = await tx.insert(needs).values(listing(smeId, story.need)).returning({ id: needs.id });
      const [seed] = await tx
        .insert(seeds)
        .values(listing(orgId(story.partner), story.seed))
        .returning({ id: seeds.id });
      const status = story.end ?? 'closed';
      const [match] = await tx
        .insert(matches)
        .values({
          kind: 'manual',
          needId: need.id,
          seedId: seed.id,
          clusterId: clusterOf(smeId),
          score: 0.6,
          status,
          createdAt: new Date(start),
          updatedAt: at(start, 30),
        })
        .returning({ id: matches.id });
      const event = (type: string, from: string, to: string, when: Date) =>
        tx.insert(matchEvents).values({
          matchId: match.id,
          type,
          actorId: office.id,
          actorRole: type === 'approve' || type === 'reject' ? 'coordinator' : 'system',
          fromStatus: from,
          toStatus: to,
          createdAt: when,
        });
      if (story.end === 'rejected') {
        await event('reject', 'proposed', 'rejected', at(start, 2));
        continue;
      }
      await event('approve', 'proposed', 'approved', at(start, 3));
      if (story.end === 'declined') {
        await tx.insert(matchIntroductions).values({
          matchId: match.id,
          needResponse: 'accepted',
          seedResponse: 'declined',
          declineReason: 'too_early',
        });
        await event('decline', 'approved', 'declined', at(start, 9));
        continue;
      }
      const introducedAt = at(start, 8 + (story.monthsAgo % 5));
      await tx.insert(matchIntroductions).values({
        matchId: match.id,
        needResponse: 'accepted',
        seedResponse: 'accepted',
        introducedAt,
      });
      await event('accept', 'approved', 'introduced', introducedAt);
      const base = introducedAt.getTime();
      if (story.nda) {
        await tx.insert(ndas).values({
          matchId: match.id,
          type: 'mutual',
          status: 'signed',
          signedOn: dayOf(at(base, 20)),
          expiresOn: dayOf(new Date(base + 2 * 365 * DAY)),
          recordedBy: office.id,
        });
      }
      for (const step of story.outcomes ?? []) {
        await tx.insert(matchOutcomes).values({
          matchId: match.id,
          kind: step.kind,
          occurredOn: dayOf(at(base, step.day)),
          amountJpy: step.amountJpy ?? null,
          ventureName: step.ventureName ?? null,
          sourceSeedId: step.kind === 'venture_founded' ? seed.id : null,
          recordedBy: office.id,
        });
      }
      await event('close', 'introduced', 'closed', at(base, 130));
    }
    for (const c of credited) {
      await tx.insert(matchOutcomes).values({
        organisationId: orgId(c.org),
        kind: c.kind,
        occurredOn: dayOf(new Date(today - c.monthsAgo * 30 * DAY)),
        amountJpy: c.amountJpy ?? null,
        recordedBy: office.id,
      });
    }
  });
}

/** Targets per phase, the same ladder for every demo cluster (a real plan sets its own). */
const phaseTargets: Record<ClusterPhase, Partial<Record<PlanTargetKpi, number>>> = {
  I: { organisations: 15, needsPosted: 20, seedsPosted: 30, introduced: 8, agreements: 2, ndas: 3, jointRd: 2 },
  II: {
    organisations: 25,
    needsPosted: 40,
    seedsPosted: 50,
    introduced: 20,
    agreements: 8,
    ndas: 8,
    jointRd: 5,
    partnerships: 4,
    newBusinesses: 2,
    ventures: 1,
    sharePartnership: 20,
    shareNewBusiness: 10,
    shareRevamp: 10,
  },
  III: {
    organisations: 30,
    needsPosted: 15,
    seedsPosted: 20,
    introduced: 10,
    agreements: 6,
    ndas: 5,
    jointRd: 4,
    partnerships: 5,
    newBusinesses: 3,
    ventures: 2,
    sharePartnership: 30,
    shareNewBusiness: 20,
    shareRevamp: 20,
  },
};

/**
 * A plan for each demo cluster (issue 14 items 1 and 9): three phases of three years, the cluster's
 * current phase begun eleven months ago so the dashboard has actuals to set against its targets; the
 * Tokai plan has a second version (the coordinator raised a target) so its history shows. Idempotent.
 */
export async function seedDemoPlans(db: Db, now = new Date()): Promise<void> {
  const [done] = await db.select({ id: clusterPlanVersions.id }).from(clusterPlanVersions).limit(1);
  if (done) return;
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, ['admin@demo.test', 'coordinator@demo.test']));
  const office = people.find((p) => p.email === 'admin@demo.test')!.id;
  const coordinator = people.find((p) => p.email === 'coordinator@demo.test')?.id ?? office;
  const rows = await db
    .select({ id: clusters.id, slug: clusters.slug })
    .from(clusters)
    .where(
      inArray(
        clusters.slug,
        demoClusters.map((c) => c.slug),
      ),
    );
  const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);
  const start = { y: now.getUTCFullYear(), m: now.getUTCMonth() - 11 };
  await db.transaction(async (tx) => {
    for (const c of demoClusters) {
      const clusterId = rows.find((r) => r.slug === c.slug)?.id;
      if (!clusterId) continue;
      const current = clusterPhases.indexOf(c.phase);
      const phases: PlanPhase[] = clusterPhases.map((phase, i) => {
        const years = (i - current) * 3;
        return {
          phase,
          from: day(start.y + years, start.m, 1),
          to: day(start.y + years + 3, start.m, 0),
          targets: phaseTargets[phase],
        };
      });
      const first: PlanContent = {
        vision: `${c.nameJa}：大学・研究機関の知と地域企業の技術を結び、自律的に発展するクラスターをつくる。`,
        goals: '参加企業の新たな連携と新事業の創出、大学発ベンチャーの育成、地域金融機関との資金連携の定着。',
        processFlow:
          '1. ニーズ・シーズの登録と審査 → 2. マッチング提案 → 3. コーディネーターによる紹介 → 4. 面談・NDA → 5. 共同研究・事業化 → 6. 成果の記録と調査',
        phases,
      };
      const versions: { content: PlanContent; by: string }[] = [{ content: first, by: office }];
      if (c.slug === 'tokai-monozukuri') {
        const raised = structuredClone(first);
        const targets = raised.phases[current].targets;
        raised.phases[current].targets = { ...targets, introduced: (targets.introduced ?? 0) + 2 };
        versions.push({ content: raised, by: coordinator });
      }
      let previous: PlanContent | null = null;
      for (const [i, v] of versions.entries()) {
        await tx.insert(clusterPlanVersions).values({
          clusterId,
          version: i + 1,
          ...v.content,
          changes: planChanges(previous, v.content),
          createdBy: v.by,
          createdAt: new Date(now.getTime() - (versions.length - i) * 7 * DAY),
        });
        previous = v.content;
      }
    }
  });
}
