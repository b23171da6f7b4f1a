import crypto from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './support/fixtures';

// SME drafts and shares → the lender reviews the IP evaluation sheet and asks → the SME answers →
// the lender approves with terms → the SME sees the decision and who saw what. Two browsers.

const slow = { timeout: 30_000 };
const badge = (page: Page, text: string) => page.locator('.badge').filter({ hasText: new RegExp(`^${text}$`) });
const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% business plan\n%%EOF');

test('a funding proposal from draft to approval, in two browsers', async ({ session }) => {
  test.setTimeout(600_000);
  const title = `レーザー肉盛りライン ${crypto.randomUUID().slice(0, 6)}`;

  // the SME drafts (autosaved), adds a document and shares with one bank
  const page = await session('sme');
  await page.goto('/funding/new');
  await page.getByLabel('仮題').fill(title);
  await page.getByRole('button', { name: '下書きを作成' }).click();
  await expect(page).toHaveURL(/\/funding\/[0-9a-f-]+\/edit$/, slow);
  await page.getByLabel('資金使途', { exact: true }).selectOption('equipment');
  await page.getByLabel('申込金額（円）').fill('40000000');
  await page.getByLabel('融資期間（か月）').fill('84');
  await page.getByLabel('返済方法').selectOption('equal_principal');
  await page.getByLabel('返済計画').fill('据置12か月の後、元金均等で返済');
  await page.getByLabel('事業計画の概要').fill('金型補修の受託で売上を伸ばす');
  await page.getByRole('button', { name: '年度を追加' }).click();
  await page.getByLabel('売上高（円）').fill('120000000');
  await page.getByRole('button', { name: '自社の特許を追加' }).click();
  await page.getByLabel('名称', { exact: true }).fill('金型表面の補修方法');
  await page.getByLabel('番号', { exact: true }).fill('JP7123999');
  await page.getByLabel('出願日').fill('2019-04-01');
  await expect(page.getByRole('status').filter({ hasText: '自動保存しました' })).toBeVisible(slow);
  await page
    .getByLabel('ファイル', { exact: true })
    .setInputFiles({ name: '事業計画.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'アップロード' }).click();
  await expect(page.getByRole('link', { name: '事業計画.pdfをダウンロード' })).toBeVisible(slow);
  await expectAccessible(page);
  await page.getByLabel('東海地域銀行', { exact: true }).check();
  await page.getByRole('button', { name: '選んだ金融機関と共有' }).click();
  await expect(badge(page, '金融機関に共有済み')).toBeVisible(slow);
  await expect(page.getByRole('heading', { name: '東海地域銀行' })).toBeVisible();
  await expect(badge(page, '受付')).toBeVisible();
  const proposalUrl = page.url();
  const documentUrl = await page.getByRole('link', { name: '事業計画.pdfをダウンロード' }).getAttribute('href');

  // the lender, in its own browser, finds it in the inbox, starts the review, values the patent and asks
  const lender = await session('lender');
  await lender.goto('/funding');
  await expect(lender.getByRole('heading', { name: '融資提案の受付箱' })).toBeVisible(slow);
  await expectAccessible(lender);
  await lender.getByRole('link', { name: title }).click();
  await lender.getByRole('button', { name: '審査を開始' }).click();
  await expect(badge(lender, '審査中')).toBeVisible(slow);
  const download = lender.waitForEvent('download');
  await lender.getByRole('link', { name: '事業計画.pdfをダウンロード' }).click();
  expect((await download).suggestedFilename()).toBe('事業計画.pdf');

  await lender.getByRole('link', { name: '知財評価シート' }).click();
  await lender.getByLabel('評価額（円）').fill('60000000');
  await lender.getByLabel('掛け目（％）').fill('50');
  await expect(lender.getByTestId('coverage-ratio')).toHaveText('75%');
  await expectAccessible(lender);
  await lender.getByRole('button', { name: '評価を保存' }).click();
  await expect(lender.getByRole('button', { name: '評価を保存' })).toBeEnabled(slow);
  await lender.reload();
  await expect(lender.getByLabel('掛け目（％）')).toHaveValue('50');
  await lender.getByRole('link', { name: '提案に戻る' }).click();

  await lender.getByRole('button', { name: '追加情報を依頼' }).click();
  await lender.getByLabel('質問', { exact: true }).fill('主要取引先の受注見込みを教えてください。');
  await lender.getByRole('button', { name: '質問を送る' }).click();
  await expect(badge(lender, '追加情報の依頼')).toBeVisible(slow);

  // the SME answers
  await page.goto(proposalUrl);
  await expect(page.getByText('主要取引先の受注見込みを教えてください。')).toBeVisible(slow);
  await page.getByRole('button', { name: '回答する' }).click();
  await page.getByLabel('回答', { exact: true }).fill('3社から年間4,000万円の見込みです。');
  await page.getByRole('button', { name: '回答して再提出' }).click();
  await expect(badge(page, '回答済み')).toBeVisible(slow);

  // the lender approves with terms
  await lender.reload();
  await expect(lender.getByText('3社から年間4,000万円の見込みです。')).toBeVisible(slow);
  await lender.getByRole('button', { name: '条件を付けて承認' }).click();
  await lender.getByLabel('金利（年％）').fill('1.5');
  await lender.getByRole('button', { name: '承認する' }).click();
  await expect(badge(lender, '承認')).toBeVisible(slow);

  // the SME sees the decision, its terms, and who at the bank saw what
  await page.reload();
  await expect(badge(page, '承認')).toBeVisible(slow);
  await expect(page.getByText('年1.5％')).toBeVisible();
  const log = page.getByRole('table', { name: '閲覧記録' });
  await expect(log.getByRole('cell', { name: '東海地域銀行' }).first()).toBeVisible();
  await expect(log.getByRole('cell', { name: 'ダウンロード: 事業計画.pdf' })).toBeVisible();
  await expect(log.getByRole('cell', { name: '提案を閲覧' }).first()).toBeVisible();
  await expectAccessible(page);

  // another company, signed in, gets nothing: not the page, not the document by its direct address
  const outsider = await session('sme2');
  const pageResponse = await outsider.goto(proposalUrl);
  expect(pageResponse?.status()).toBe(404);
  await expect(outsider.getByText(title)).toHaveCount(0);
  const documentResponse = await outsider.request.get(documentUrl!);
  expect(documentResponse.status()).toBe(404);
  expect(await documentResponse.text()).not.toContain('business plan');
});
