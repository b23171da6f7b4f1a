import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { organisations, users } from '@/db/schema/accounts';
import { fundingPatents, fundingProposals, fundingShareEvents, fundingShares } from '@/db/schema/funding';
import type { FundingDeclineReason, FundingShareStatus } from '@/db/vocabulary/funding';
import { demoOrganisations } from './demo-data';

// Demo funding proposals (issue 13): sme@demo.test has a draft in progress and proposals with
// lenders; lender@demo.test (Tokai Regional Bank) meets one in each state of a review.

type Step = { type: string; side: 'sme' | 'lender'; to: FundingShareStatus; note?: string };
type DemoShare = {
  lender: string;
  steps: Step[];
  terms?: {
    amountJpy: number;
    interestRatePercent: number;
    termMonths: number;
    conditions: string;
    collateral: string;
  };
  decline?: { reason: FundingDeclineReason; text: string };
};
type DemoProposal = {
  by: string;
  title: string;
  purpose: 'equipment' | 'working_capital' | 'research_development' | 'commercialisation';
  amountJpy: number | null;
  termMonths: number | null;
  repaymentPlan: string;
  businessPlan: string;
  revenue: [number, number, number][];
  patent: { number: string | null; title: string; status: 'filed' | 'granted'; filedOn: string; grantedOn?: string };
  shares: DemoShare[];
};

const submitted: Step = { type: 'submit', side: 'sme', to: 'submitted' };
const review: Step = { type: 'start_review', side: 'lender', to: 'under_review' };
const question = (note: string): Step => ({ type: 'request_info', side: 'lender', to: 'info_requested', note });

const demoProposals: DemoProposal[] = [
  {
    by: 'sme@demo.test',
    title: 'サーボプレス更新の設備資金',
    purpose: 'equipment',
    amountJpy: 25_000_000,
    termMonths: null,
    repaymentPlan: '',
    businessPlan: '油圧プレス2台をサーボプレスに更新し、薄板高張力鋼の成形不良を半減させる。',
    revenue: [],
    patent: { number: null, title: 'サーボプレスの荷重制御方法', status: 'filed', filedOn: '2025-03-10' },
    shares: [],
  },
  {
    by: 'sme@demo.test',
    title: 'レーザークラッド新ラインの設備資金',
    purpose: 'equipment',
    amountJpy: 40_000_000,
    termMonths: 84,
    repaymentPlan: '据置12か月の後、元金均等で72回返済。返済原資は新ラインの受託加工収益。',
    businessPlan: '金型補修向けレーザークラッドを内製化し、東海地域の自動車部品メーカー10社から受託する。',
    revenue: [
      [2027, 120_000_000, 8_000_000],
      [2028, 180_000_000, 15_000_000],
      [2029, 220_000_000, 21_000_000],
    ],
    patent: {
      number: 'JP7123456',
      title: '金型表面のレーザークラッド補修方法',
      status: 'granted',
      filedOn: '2019-04-01',
      grantedOn: '2022-06-01',
    },
    shares: [
      {
        lender: 'bank-tokai',
        steps: [submitted, review, question('主要取引先3社の受注見込みを示す資料をご提出ください。')],
      },
      { lender: 'bank-kyushu', steps: [submitted, review] },
    ],
  },
  {
    by: 'sme@demo.test',
    title: '金型摩耗センサーの量産資金',
    purpose: 'commercialisation',
    amountJpy: 30_000_000,
    termMonths: 60,
    repaymentPlan: '元利均等で60回返済。',
    businessPlan: '自社開発の摩耗センサーを年間2,000台量産し、商社経由で販売する。',
    revenue: [
      [2027, 60_000_000, 5_000_000],
      [2028, 110_000_000, 12_000_000],
    ],
    patent: {
      number: 'JP7011111',
      title: '金型摩耗の検知装置',
      status: 'granted',
      filedOn: '2018-09-20',
      grantedOn: '2021-02-15',
    },
    shares: [
      {
        lender: 'bank-tokai',
        steps: [submitted, review, { type: 'approve', side: 'lender', to: 'approved' }],
        terms: {
          amountJpy: 28_000_000,
          interestRatePercent: 1.35,
          termMonths: 60,
          conditions: '四半期ごとの販売実績の報告',
          collateral: '特許第7011111号への質権設定',
        },
      },
    ],
  },
  {
    by: 'sme@demo.test',
    title: '検査工程の自動化に伴う運転資金',
    purpose: 'working_capital',
    amountJpy: 15_000_000,
    termMonths: 36,
    repaymentPlan: '元金均等で36回返済。',
    businessPlan: '画像検査装置の導入期間中の運転資金。',
    revenue: [[2027, 40_000_000, 2_000_000]],
    patent: { number: null, title: '画像による切削面の検査方法', status: 'filed', filedOn: '2024-11-05' },
    shares: [
      {
        lender: 'bank-tokai',
        steps: [submitted, review, { type: 'decline', side: 'lender', to: 'declined' }],
        decline: { reason: 'business_plan_unclear', text: '導入後の売上への効果を数値でお示しください。' },
      },
    ],
  },
  {
    by: 'sme2@demo.test',
    title: '乾燥ラインの省エネ化設備',
    purpose: 'equipment',
    amountJpy: 18_000_000,
    termMonths: 72,
    repaymentPlan: '元利均等で72回返済。電力削減額を返済原資とする。',
    businessPlan: '低温真空乾燥への切り替えでエネルギー費を30%削減する。',
    revenue: [
      [2027, 300_000_000, 12_000_000],
      [2028, 320_000_000, 16_000_000],
    ],
    patent: {
      number: 'JP6990001',
      title: '食品の低温真空乾燥方法',
      status: 'granted',
      filedOn: '2017-05-12',
      grantedOn: '2020-01-20',
    },
    shares: [{ lender: 'bank-tokai', steps: [submitted, review] }],
  },
  {
    by: 'sme2@demo.test',
    title: '機能性食品の試作ライン',
    purpose: 'research_development',
    amountJpy: 12_000_000,
    termMonths: 48,
    repaymentPlan: '据置6か月の後、元金均等で42回返済。',
    businessPlan: '大学との共同研究成果を使った機能性表示食品の試作と臨床試験。',
    revenue: [
      [2028, 50_000_000, 3_000_000],
      [2029, 90_000_000, 9_000_000],
    ],
    patent: { number: null, title: '発酵大豆由来成分の抽出方法', status: 'filed', filedOn: '2025-01-30' },
    shares: [
      {
        lender: 'bank-tokai',
        steps: [
          submitted,
          review,
          question('臨床試験の委託先と費用の見積もりを教えてください。'),
          {
            type: 'resubmit',
            side: 'sme',
            to: 'resubmitted',
            note: '委託先は関西の CRO 1社、見積もりは 420 万円です。見積書を添付しました。',
          },
        ],
      },
    ],
  },
  {
    by: 'sme2@demo.test',
    title: '包装工程の自動化資金',
    purpose: 'equipment',
    amountJpy: 9_000_000,
    termMonths: 60,
    repaymentPlan: '元利均等で60回返済。',
    businessPlan: '包装工程を自動化し、人手不足に対応する。',
    revenue: [[2027, 280_000_000, 10_000_000]],
    patent: { number: null, title: '個包装の封止検査方法', status: 'filed', filedOn: '2024-08-08' },
    shares: [{ lender: 'bank-tokai', steps: [submitted] }],
  },
];

/** Idempotent: a proposal already there (same organisation and title) is left as it is. */
export async function seedDemoFunding(db: Db): Promise<void> {
  const people = await db
    .select({ id: users.id, email: users.email, organisationId: users.organisationId })
    .from(users)
    .where(inArray(users.email, ['sme@demo.test', 'sme2@demo.test', 'lender@demo.test']));
  const byEmail = new Map(people.map((p) => [p.email, p]));
  const lenderUser = byEmail.get('lender@demo.test');
  const banks = await db
    .select({ id: organisations.id, nameEn: organisations.nameEn })
    .from(organisations)
    .where(eq(organisations.kind, 'financial_institution'));
  const bankId = (key: string) => {
    const nameEn = demoOrganisations.find((o) => o.key === key)?.nameEn;
    return banks.find((b) => b.nameEn === nameEn)?.id;
  };

  await db.transaction(async (tx) => {
    for (const p of demoProposals) {
      const author = byEmail.get(p.by);
      if (!author) continue;
      const [existing] = await tx
        .select({ id: fundingProposals.id })
        .from(fundingProposals)
        .where(and(eq(fundingProposals.organisationId, author.organisationId), eq(fundingProposals.title, p.title)));
      if (existing) continue;
      const shared = p.shares.length > 0;
      const [proposal] = await tx
        .insert(fundingProposals)
        .values({
          organisationId: author.organisationId,
          createdBy: author.id,
          status: shared ? 'submitted' : 'draft',
          title: p.title,
          purpose: p.purpose,
          amountJpy: p.amountJpy,
          termMonths: p.termMonths,
          repaymentMethod: p.termMonths ? 'equal_principal' : null,
          repaymentPlan: p.repaymentPlan,
          businessPlan: p.businessPlan,
          projectedRevenue: p.revenue.map(([year, revenueJpy, profitJpy]) => ({ year, revenueJpy, profitJpy })),
          submittedAt: shared ? new Date() : null,
        })
        .returning({ id: fundingProposals.id });
      await tx.insert(fundingPatents).values({
        proposalId: proposal.id,
        position: 0,
        source: 'own',
        number: p.patent.number,
        title: p.patent.title,
        jurisdiction: 'JP',
        status: p.patent.status,
        filedOn: p.patent.filedOn,
        grantedOn: p.patent.grantedOn ?? null,
        right: 'ownership',
      });
      for (const s of p.shares) {
        const lenderOrganisationId = bankId(s.lender);
        if (!lenderOrganisationId) continue;
        const last = s.steps.at(-1)!;
        const decided = s.terms || s.decline;
        const [share] = await tx
          .insert(fundingShares)
          .values({
            proposalId: proposal.id,
            lenderOrganisationId,
            status: last.to,
            version: s.steps.length,
            decidedAt: decided ? new Date() : null,
            decidedBy: decided ? (lenderUser?.id ?? null) : null,
            approvedAmountJpy: s.terms?.amountJpy ?? null,
            interestRatePercent: s.terms?.interestRatePercent ?? null,
            approvedTermMonths: s.terms?.termMonths ?? null,
            conditions: s.terms?.conditions ?? null,
            collateral: s.terms?.collateral ?? null,
            declineReason: s.decline?.reason ?? null,
            declineText: s.decline?.text ?? null,
          })
          .returning({ id: fundingShares.id });
        let from: FundingShareStatus | null = null;
        for (const [i, step] of s.steps.entries()) {
          await tx.insert(fundingShareEvents).values({
            shareId: share.id,
            type: step.type,
            actorId: step.side === 'sme' ? author.id : (lenderUser?.id ?? null),
            actorSide: step.side,
            fromStatus: from,
            toStatus: step.to,
            note: step.note ?? (step.type === 'decline' ? (s.decline?.text ?? null) : null),
            createdAt: new Date(Date.now() - (s.steps.length - i) * 86_400_000),
          });
          from = step.to;
        }
      }
    }
  });
}
