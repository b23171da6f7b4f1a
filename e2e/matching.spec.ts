import { expect, expectAccessible, test } from './support/fixtures';

// Demo data (scripts/seed/demo-listings.ts): the SME's Japanese need on tool wear and the research
// institute's English seed on tool-wear monitoring share glossary concepts across languages.
const NEED = '切削工具の摩耗をリアルタイムに検知して交換時期を最適化したい';
const SEED = 'Tool wear monitoring from spindle vibration with retrofit MEMS sensors';

test('the owner finds partners for a need from its page, with reasons in Japanese and English', async ({
  session,
  baseURL,
}) => {
  const page = await session('sme');
  const context = page.context();
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'ja', url: baseURL! }]);
  await page.goto(`/needs?q=${encodeURIComponent('工具摩耗')}`);
  await page.getByRole('link', { name: NEED }).click();
  await page.getByRole('link', { name: 'パートナーを探す' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'このニーズを解決できそうなシーズ' })).toBeVisible();
  const seed = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: SEED }) });
  await expect(seed).toBeVisible();
  // a cross-language match explained by concepts named in both languages
  await expect(seed.getByText(/共通の技術概念:.*↔/)).toBeVisible();
  await expect(seed.getByText(/言語をまたいだ|日本語 → 英語/)).toBeVisible();
  await expect(seed.getByText(/スコア 0\.\d\d/)).toBeVisible();
  // matches below the proposal cut-off are folded away, a click shows them
  const weaker = page.locator('details').filter({ has: page.getByText(/スコアの低い候補を表示（\d+件）/) });
  await expect(weaker.getByRole('listitem').first()).toBeHidden();
  await weaker.getByText(/スコアの低い候補を表示/).click();
  await expect(weaker.getByRole('listitem').first()).toBeVisible();
  await expect(weaker.getByRole('listitem').filter({ has: page.getByRole('link', { name: SEED }) })).toHaveCount(0);
  await expectAccessible(page);

  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Seeds that could solve this need' })).toBeVisible();
  await expect(seed.getByText(/Shared concepts:.*↔/)).toBeVisible();
  await expect(seed.getByText(/Matched across languages \(Japanese → English\)/)).toBeVisible();
  await expect(seed.getByText(/Score 0\.\d\d/)).toBeVisible();
  await expect(page.getByText(/Show \d+ weaker match/)).toBeVisible();
});

test('another member finds the needs a seed could solve; visitors are sent to sign in', async ({
  session,
  baseURL,
}) => {
  const page = await session('trading');
  const context = page.context();
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
  await page.goto(`/seeds?q=${encodeURIComponent('tool wear')}`);
  await page.getByRole('link', { name: SEED }).click();
  await page.getByRole('link', { name: 'Find partners' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Needs this seed could solve' })).toBeVisible();
  await expect(page.getByRole('link', { name: NEED })).toBeVisible();
  const partnersUrl = page.url();

  await context.clearCookies();
  await page.goto(partnersUrl);
  await expect(page).toHaveURL(/\/sign-in/);
});
