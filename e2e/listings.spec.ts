import crypto from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './support/fixtures';

// a word no demo listing contains, letters only so stemming leaves it alone
const token = () =>
  `zq${crypto
    .randomBytes(4)
    .toString('hex')
    .replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)])}x`;

async function addKeyword(page: Page, keyword: string) {
  const input = page.getByLabel('キーワード', { exact: true });
  await input.fill(keyword);
  await input.press('Enter');
  await expect(page.getByRole('button', { name: `キーワード「${keyword}」を削除` })).toBeVisible();
}

test.describe('needs and seeds', () => {
  test('an SME posts a need, a coordinator publishes it, a researcher finds it by search', async ({ session }) => {
    const word = token();
    const title = `熱処理後の歪みを抑えたい ${word}`;

    const sme = await session('sme');
    await sme.goto('/needs/new');
    await expect(sme.getByRole('heading', { level: 1, name: '技術ニーズを登録' })).toBeVisible();
    await sme.getByLabel(/^タイトル/).fill(title);
    await sme
      .getByLabel(/^概要/)
      .fill('浸炭焼入れ後の歯車の歪みが0.05mmあり、研削工程が増えています。歪みを半減する熱処理条件を探しています。');
    await addKeyword(sme, '熱処理');
    await addKeyword(sme, 'distortion');
    // chips are removable from the keyboard
    await sme.getByRole('button', { name: 'キーワード「distortion」を削除' }).press('Enter');
    await expect(sme.getByRole('button', { name: 'キーワード「distortion」を削除' })).toHaveCount(0);
    await addKeyword(sme, 'heat treatment');
    await expect(sme.getByText(/充実度 \d+%/)).toBeVisible();
    await expect(sme.getByText('予算の範囲を書いてください。')).toBeVisible();
    await expect(sme.getByText(/下書きを保存しました/)).toBeVisible({ timeout: 15_000 }); // autosaved draft
    await expectAccessible(sme);
    await sme.getByRole('button', { name: '審査に提出' }).click();
    await expect(sme).toHaveURL(/\/needs\/mine$/);
    const mine = sme.getByRole('listitem').filter({ hasText: title });
    await expect(mine).toHaveCount(1); // the autosaved draft and the submission are one listing
    await expect(mine.getByText('審査中')).toBeVisible();

    const coordinator = await session('coordinator');
    await coordinator.goto('/listings/review');
    await expect(coordinator.getByRole('heading', { level: 1, name: '審査待ちの掲載' })).toBeVisible();
    await expectAccessible(coordinator);
    const form = coordinator.getByRole('form', { name: title });
    await form.getByRole('button', { name: '公開' }).click();
    await expect(form).toHaveCount(0); // published: no longer waiting for review

    const researcher = await session('researcher');
    await researcher.goto('/needs');
    await researcher.getByRole('searchbox', { name: 'キーワード' }).fill(word);
    await researcher.getByRole('search').getByRole('button', { name: '検索', exact: true }).click();
    await expect(researcher).toHaveURL(new RegExp(`q=${word}`));
    await expect(researcher.getByRole('heading', { name: /^1件/ })).toBeVisible();
    await researcher.getByRole('link', { name: title }).click();
    await expect(researcher.getByRole('heading', { level: 1, name: title })).toBeVisible();
    // the researcher is outside the SME: no people behind the need
    await expect(researcher.getByText('担当者の連絡先は、双方が紹介を承諾した後に共有されます。')).toBeVisible();
    await expect(researcher.getByText('052-000-1001')).toHaveCount(0);
    await expectAccessible(researcher);
  });

  test('a researcher posts a seed with an IP record', async ({ session }) => {
    const title = `Low-friction DLC coating for dies ${token()}`;
    const page = await session('researcher');
    await page.goto('/seeds/new');
    await page.getByLabel(/^タイトル/).fill(title);
    await page
      .getByLabel(/^概要/)
      .fill(
        'A diamond-like carbon coating that lowers the friction coefficient of forming dies to 0.05, tripling die life.',
      );
    await page.getByLabel('技術成熟度（TRL）').selectOption('5');
    await addKeyword(page, 'DLC');
    await page.getByRole('button', { name: '知財を追加' }).click();
    const ip = page.getByRole('group', { name: '知財 1' });
    await ip.getByLabel('状態').selectOption('granted');
    await ip.getByLabel('出願番号・特許番号').fill('特許第7654321号');
    await ip.getByLabel('名称').fill('DLC膜の成膜方法');
    await expectAccessible(page);
    await page.getByRole('button', { name: '審査に提出' }).click();
    await expect(page).toHaveURL(/\/seeds\/mine$/);
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(/特許第7654321号/)).toBeVisible();
    await expect(page.getByText('審査中')).toBeVisible();
  });

  test('a granted patent needs its number: the error shows next to the field', async ({ session }) => {
    const page = await session('researcher');
    await page.goto('/seeds/new');
    await page.getByLabel(/^タイトル/).fill('<script>alert(1)</script> test seed');
    await page.getByLabel(/^概要/).fill('summary');
    await page.getByRole('button', { name: '知財を追加' }).click();
    await page.getByRole('group', { name: '知財 1' }).getByLabel('状態').selectOption('granted');
    await page.getByRole('button', { name: '審査に提出' }).click();
    await expect(page.getByText('登録済み特許には番号が必要です。')).toBeVisible();
    await expect(page.getByText('入力してください。').first()).toBeVisible();
  });

  for (const role of ['trading', 'lender'] as const) {
    test(`${role} browses needs and seeds, finds Japanese and English text`, async ({ session }) => {
      const page = await session(role);
      await page.goto('/needs?q=鋳巣');
      await expect(page.getByRole('link', { name: /アルミダイカスト部品の鋳巣/ })).toBeVisible();
      await expectAccessible(page);
      await page.goto('/seeds?q=batteries');
      await expect(page.getByRole('link', { name: /全固体電池|fast-charging|peak shaving/ }).first()).toBeVisible();
      await page.goto('/seeds?domain=biotech&sort=newest');
      await page.getByRole('link', { name: /antimicrobial peptide/ }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('antimicrobial peptide');
      await expect(page.getByText('JP7200111')).toBeVisible(); // granted patent numbers are for members
      await expect(page.getByText(/Dr\. Aiko Tanaka/)).toHaveCount(0); // people only after an introduction
      await expectAccessible(page);
      // the unpublished application is a teaser: no number, no claims
      await page.goto('/seeds?q=laser cladding');
      await page.getByRole('link', { name: /Laser cladding/ }).click();
      await expect(page.getByText(/概要のみ|Teaser:/)).toBeVisible();
      await expect(page.getByText('JP2025-110234')).toHaveCount(0);
      await expect(page.getByText(/Claim 1/)).toHaveCount(0);
      // private needs never appear for members
      await page.waitForLoadState('networkidle');
      await page.goto('/needs?q=醤油粕');
      await expect(page.getByRole('heading', { name: /該当なし|No results/ })).toBeVisible();
      await expect(page.getByText(/条件を減らすか|Try fewer filters/)).toBeVisible();
    });
  }

  test('the anonymous need shows its label, not the firm', async ({ session }) => {
    const page = await session('researcher');
    await page.goto('/needs?q=weld');
    await page.getByRole('link', { name: /weld beads/ }).click();
    await expect(page.getByText('A precision-machining SME in Aichi (50–299 employees)').first()).toBeVisible();
    await expect(page.getByText(/岡崎精密工業|Okazaki Precision/)).toHaveCount(0);
  });

  test('signed-out visitors see public seed teasers only; needs ask them to sign in', async ({ page }) => {
    await page.goto('/seeds');
    await expect(page.getByRole('heading', { level: 1, name: '技術シーズ' })).toBeVisible();
    await expect(page.getByRole('link', { name: /全固体電池/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /Tool wear monitoring/ })).toHaveCount(0); // members only
    await expectAccessible(page);
    await page.getByRole('link', { name: /全固体電池/ }).click();
    await expect(page.getByText('公開概要です。認証済み会員はさらに詳しく見られます。')).toBeVisible();
    await expect(page.getByText('特許第7123456号')).toHaveCount(0);
    await expect(page.getByText('名古屋工科大学')).toHaveCount(0);
    await page.goto('/needs');
    await expect(page).toHaveURL(/sign-in/);
  });

  test('editing another organisation’s listing is a 404 that reveals nothing', async ({ session }) => {
    const sme2 = await session('sme2');
    await sme2.goto('/needs?q=Listeria');
    await sme2.getByRole('link', { name: /Listeria/ }).click();
    const id = new URL(sme2.url()).pathname.split('/').pop()!;
    await expect(sme2.getByRole('link', { name: '編集' })).toBeVisible(); // own organisation

    const sme = await session('sme');
    const response = await sme.goto(`/needs/${id}/edit`);
    expect(response?.status()).toBe(404);
    await expect(sme.getByText(/Listeria/)).toHaveCount(0);
    const trading = await session('trading');
    expect((await trading.goto(`/needs/${id}/edit`))?.status()).toBe(404);
    expect((await trading.goto(`/needs/00000000-0000-4000-8000-000000000000`))?.status()).toBe(404);
  });

  test('an owner sees the expiry notice and renews', async ({ session }) => {
    const page = await session('sme');
    await page.goto('/needs/mine');
    const item = page.getByRole('listitem').filter({ hasText: '切削工具の摩耗' });
    await expect(item.getByText(/掲載期限を迎えます/)).toBeVisible();
    await expectAccessible(page);
    await item.getByRole('button', { name: '12か月延長' }).click();
    await expect(item.getByText(/掲載期限を迎えます/)).toHaveCount(0);
  });
});
