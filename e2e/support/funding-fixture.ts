import fs from 'node:fs';
import path from 'node:path';

// What scripts/seed-e2e-funding.ts seeds for e2e/funding-privacy.spec.ts and hands over in a file
// (ids and API tokens are made when the server's database is seeded, before any test runs).

/** The lender of another bank, asked about nothing (password: the demo password). */
export const UNRELATED_LENDER = 'funding-lender@e2e.test';

export type SentinelProposal = {
  id: string;
  documentId: string;
  /** In every text of the proposal, its document's name and content, the question, answer and evaluation. */
  tag: string;
  /** Amount requested, projected revenue and profit, and the lender's valuation (tag: 'value'). */
  numbers: { amount: number; revenue: number; profit: number; value: number };
};
export type FundingPrivacyFixture = {
  /** A: read by every role; W: withdrawn from its lender during the test, then shared again. */
  proposals: { A: SentinelProposal; W: SentinelProposal };
  /** An API token per account e-mail. */
  tokens: Record<string, string>;
};

export const fundingFixtureFile = (port: string) => path.resolve(`.data/e2e-fixtures-${port}/funding-privacy.json`);

export function readFundingFixture(): FundingPrivacyFixture {
  return JSON.parse(fs.readFileSync(fundingFixtureFile(process.env.E2E_PORT ?? '3200'), 'utf8'));
}
