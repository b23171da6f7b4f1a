import fs from 'node:fs/promises';
import { expect, expectAccessible, test } from './support/fixtures';

// People's rights over their data (APPI, issue 18 item 8): the privacy notice, the download of
// everything held about a member, and deleting the account.
test.describe('privacy', () => {
  test('the privacy notice is linked from every page’s footer and from sign-up, in Japanese and English', async ({
    page,
  }) => {
    await page.goto('/sign-up');
    await page.getByRole('main').getByRole('link', { name: 'プライバシーポリシー' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'プライバシーポリシー' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '保存期間' })).toBeVisible();
    await expect(page.getByText('取り下げ)から 3 年後に削除します。')).toBeVisible();
    await expectAccessible(page);

    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'プライバシーポリシー' }).click();
    await expect(page).toHaveURL(/\/privacy$/);
    await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: page.url() }]);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Privacy notice' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'What deleting your account does' })).toBeVisible();
  });

  test('a member downloads their data, then deletes their account after confirming', async ({ member }) => {
    test.setTimeout(240_000); // three password checks (sign-in, deletion twice): minutes on a loaded machine
    const { page, email, name, password } = await member('deletes');
    await expect(page.getByRole('heading', { name: 'ご自身のデータ' })).toBeVisible();
    await expectAccessible(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'ダウンロード(JSON)' }).click(),
    ]);
    const data = JSON.parse(await fs.readFile((await download.path()) as string, 'utf8'));
    expect(data.account).toMatchObject({ email, name });
    expect(data.activity.map((a: { action: string }) => a.action)).toContain('account.sign_up');
    expect(JSON.stringify(data)).not.toContain(password);

    const form = page.getByRole('button', { name: 'アカウントを削除する' });
    await page.getByLabel('パスワード', { exact: true }).fill(password);
    await form.click();
    await expect(page.getByText('確認のためチェックを入れてください。')).toBeVisible();
    await expect(page).toHaveURL(/\/account/);

    await page.getByLabel(/元に戻せないことを理解しました/).check();
    await form.click();
    await expect(page).toHaveURL(/\/privacy\?deleted=1/, { timeout: 60_000 });
    await expect(page.getByText('アカウントを削除しました。')).toBeVisible();

    // the session is over: the account page asks to sign in
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe('who saw our data', () => {
  test('an owner opens the reveal log of their listing from its page', async ({ session }) => {
    const page = await session('sme');
    await page.goto('/needs/mine');
    const hrefs = await page
      .getByRole('main')
      .locator('a[href^="/needs/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const listing = hrefs.find((h) => /^\/needs\/[0-9a-f-]{36}$/.test(h));
    expect(listing, 'the demo SME has a need').toBeDefined();
    await page.goto(listing as string);
    await page.getByRole('link', { name: '閲覧の記録' }).click();
    await expect(page).toHaveURL(/\/needs\/[0-9a-f-]+\/reveals$/);
    await expect(page.getByRole('heading', { level: 1, name: /^閲覧の記録:/ })).toBeVisible();
    await expectAccessible(page);
  });
});
