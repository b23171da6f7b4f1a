import fs from 'node:fs';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { organisations, users } from '@/db/schema/accounts';
import { attachments } from '@/db/schema/attachments';
import { fundingProposals, fundingShares } from '@/db/schema/funding';
import { createApiToken } from '@/lib/api/tokens';
import type { Viewer } from '@/lib/auth/policy';
import { hashPassword } from '@/lib/auth/password';
import { loadViewer } from '@/lib/auth/viewer';
import { addProposalDocument } from '@/lib/funding/documents';
import { saveEvaluation } from '@/lib/funding/evaluation';
import { listProposalPatents } from '@/lib/funding/patents';
import { createProposal, saveProposal } from '@/lib/funding/proposals';
import { shareProposal } from '@/lib/funding/sharing';
import { transitionShare } from '@/lib/funding/transition';
import {
  type FundingPrivacyFixture,
  fundingFixtureFile,
  type SentinelProposal,
  UNRELATED_LENDER,
} from '../e2e/support/funding-fixture';
import { DEMO_PASSWORD } from './seed/demo-data';

// The fixture of e2e/funding-privacy.spec.ts (imported by scripts/seed-e2e.ts after the demo seed,
// with lib's server-only modules allowed). Two proposals of sme@demo.test, made through the same
// functions the app's actions call, shared with lender@demo.test (Tokai Regional Bank) only; every
// private field carries its proposal's sentinel (a tag in every text, odd numbers in every amount):
// the browser test then searches every HTTP response of everyone else for them.
// A second lender of another bank (Kyushu Shinkin), asked about nothing, is the unrelated lender.

const PROPOSALS = {
  A: {
    tag: 'SENTINEL-FUNDA',
    numbers: { amount: 76_543_219, revenue: 81_726_354, profit: 3_141_593, value: 56_473_829 },
  },
  W: {
    tag: 'SENTINEL-FUNDW',
    numbers: { amount: 67_812_345, revenue: 71_928_364, profit: 2_718_281, value: 45_362_718 },
  },
} as const;

/** The accounts whose API responses the spec searches (an API token each). */
const TOKEN_ACCOUNTS = [
  'sme@demo.test',
  'sme2@demo.test',
  'researcher@demo.test',
  'trading@demo.test',
  'lender@demo.test',
  'coordinator2@demo.test',
  'admin@demo.test',
  UNRELATED_LENDER,
];

async function viewerOf(db: Db, email: string): Promise<Viewer> {
  const [row] = await db
    .select({ id: users.id, sessionVersion: users.sessionVersion })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  const viewer = row && (await loadViewer(row.id, row.sessionVersion));
  if (!viewer) throw new Error(`e2e funding fixture: no user ${email}`);
  return viewer;
}

async function unrelatedLender(db: Db): Promise<void> {
  const [bank] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, 'financial_institution'), eq(organisations.nameEn, 'Kyushu Shinkin Bank')));
  if (!bank) throw new Error('e2e funding fixture: the demo data has no Kyushu Shinkin Bank');
  await db
    .insert(users)
    .values({
      email: UNRELATED_LENDER,
      name: 'E2E 融資 次郎',
      passwordHash: await hashPassword(DEMO_PASSWORD),
      role: 'lender',
      organisationId: bank.id,
      locale: 'ja',
      approved: true,
    })
    .onConflictDoNothing();
}

/** A proposal with sentinels everywhere, shared with `lender`, asked and answered, and valued by it. Idempotent. */
async function proposal(
  db: Db,
  sme: Viewer,
  lender: Viewer,
  { tag, numbers: n }: Pick<SentinelProposal, 'tag' | 'numbers'>,
): Promise<SentinelProposal> {
  const title = `${tag}-TITLE 試作ライン`;
  const fileName = `${tag}-document.pdf`;
  const [existing] = await db
    .select({ id: fundingProposals.id, documentId: attachments.id })
    .from(fundingProposals)
    .innerJoin(attachments, and(eq(attachments.ownerId, fundingProposals.id), eq(attachments.fileName, fileName)))
    .where(and(eq(fundingProposals.organisationId, sme.organisationId), eq(fundingProposals.title, title)));
  if (existing) return { ...existing, tag, numbers: n };

  const { id } = await createProposal(db, sme, { title, matchId: '' });
  const saved = await saveProposal(db, sme, {
    id,
    version: 1,
    title,
    purpose: 'equipment',
    purposeDetails: `${tag}-PURPOSE`,
    amountJpy: n.amount,
    termMonths: 60,
    repaymentMethod: 'equal_principal',
    gracePeriodMonths: 6,
    repaymentPlan: `${tag}-REPAYMENT`,
    businessPlan: `${tag}-PLAN`,
    projectedRevenue: [{ year: 2027, revenueJpy: n.revenue, profitJpy: n.profit }],
    patents: [
      {
        source: 'own',
        number: `${tag}-NO`,
        title: `${tag}-PATENT`,
        jurisdiction: 'jp',
        status: 'granted',
        filedOn: '2020-01-15',
        grantedOn: '2023-03-01',
        expiresOn: '',
        right: 'ownership',
      },
    ],
  });
  const document = await addProposalDocument(db, sme, id, {
    fileName,
    bytes: new TextEncoder().encode(`%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% ${tag}-DOCUMENT-CONTENT\n%%EOF`),
  });
  await shareProposal(db, sme, {
    proposalId: id,
    version: saved.version,
    lenderOrganisationIds: [lender.organisationId],
  });
  const [share] = await db.select({ id: fundingShares.id }).from(fundingShares).where(eq(fundingShares.proposalId, id));
  await transitionShare(db, lender, share.id, { type: 'start_review' });
  await transitionShare(db, lender, share.id, { type: 'request_info', question: `${tag}-QUESTION` });
  await transitionShare(db, sme, share.id, { type: 'resubmit', answer: `${tag}-ANSWER` });
  const patents = await listProposalPatents(db, id);
  await saveEvaluation(db, lender, {
    shareId: share.id,
    version: 0,
    advanceRatePercent: 40,
    notes: `${tag}-EVALUATION`,
    valuations: patents.map((patent) => ({ patentId: patent.id, method: 'income' as const, valueJpy: n.value })),
  });
  return { id, documentId: document.id, tag, numbers: n };
}

/** Seeds the fixture and writes its ids and tokens to fundingFixtureFile(port) for the spec. */
export async function seedFundingPrivacyFixture(db: Db, port: string): Promise<void> {
  await unrelatedLender(db);
  const sme = await viewerOf(db, 'sme@demo.test');
  const lender = await viewerOf(db, 'lender@demo.test');
  const fixture: FundingPrivacyFixture = {
    proposals: {
      A: await proposal(db, sme, lender, PROPOSALS.A),
      W: await proposal(db, sme, lender, PROPOSALS.W),
    },
    tokens: {},
  };
  const accounts = await db.select({ email: users.email }).from(users).where(inArray(users.email, TOKEN_ACCOUNTS));
  for (const { email } of accounts) {
    const created = await createApiToken(db, await viewerOf(db, email), { name: 'e2e privacy', expiresInDays: '30' });
    fixture.tokens[email] = created.token;
  }
  fs.mkdirSync(path.dirname(fundingFixtureFile(port)), { recursive: true });
  fs.writeFileSync(fundingFixtureFile(port), JSON.stringify(fixture, null, 2));
}
