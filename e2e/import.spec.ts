import { expect, expectAccessible, test } from './support/fixtures';

const header = 'タイトル,概要,分野,キーワード,TRL下限';
const good = (n: string) =>
  `E2E取込 ${n} 圧縮空気の漏れ検知,稼働中に配管の漏れを見つけたい,環境・エネルギー,省エネ;漏れ検知,4`;

test.describe('bulk import', () => {
  test('upload a CSV, see a row error, fix it, import all rows', async ({ session }) => {
    const stamp = Date.now().toString(36);
    const page = await session('sme');
    await page.goto('/import');
    await expect(page.getByRole('heading', { level: 1, name: 'ニーズ・シーズの一括登録' })).toBeVisible();

    // a file with one bad row (no title, unknown domain)
    const broken = [header, good(`${stamp}-1`), ',タイトルなし,宇宙,,12'].join('\r\n');
    await page
      .getByLabel('ファイル', { exact: true })
      .setInputFiles({ name: 'needs.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${broken}`, 'utf8') });
    await page.getByRole('button', { name: 'ファイルを確認' }).click();
    const errors = page.getByRole('table', { name: 'エラーのある行' });
    await expect(errors).toBeVisible();
    await expect(errors.getByRole('row').filter({ hasText: 'タイトル' }).first()).toContainText('3');
    await expect(page.getByText(/正常 1行、エラー 1行/)).toBeVisible();
    await expect(page.getByRole('button', { name: /件を登録/ })).toHaveCount(0);
    await expectAccessible(page);

    // fixed file: both rows valid, then import
    const fixed = [header, good(`${stamp}-1`), good(`${stamp}-2`)].join('\r\n');
    await page
      .getByLabel('ファイル', { exact: true })
      .setInputFiles({ name: 'needs.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed, 'utf8') });
    await page.getByRole('button', { name: 'ファイルを確認' }).click();
    await expect(page.getByText('すべての行が正常です。「登録」を押すまで保存されません。')).toBeVisible();
    await page.getByRole('button', { name: '2件を登録' }).click();
    await expect(page.getByText('2件を登録しました。')).toBeVisible();

    // they are drafts of the SME's organisation
    await page.goto('/needs/mine');
    await expect(page.getByText(`E2E取込 ${stamp}-2 圧縮空気の漏れ検知`)).toBeVisible();
  });

  test('a file in the wrong encoding gets a clear message', async ({ session }) => {
    const page = await session('sme');
    await page.goto('/import');
    await page.getByLabel('ファイル', { exact: true }).setInputFiles({
      name: 'needs.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0x81, 0x20, 0xff, 0xfe, 0x41]),
    });
    await page.getByRole('button', { name: 'ファイルを確認' }).click();
    await expect(page.getByText(/文字コードをUTF-8としてもShift_JISとしても読み取れませんでした/)).toBeVisible();
  });
});

test.describe('API tokens', () => {
  test('create a token, use it, revoke it', async ({ session }) => {
    const page = await session('sme');
    await page.goto('/account/tokens');
    await expect(page.getByRole('heading', { level: 1, name: 'APIトークン' })).toBeVisible();
    const name = `e2e-${Date.now().toString(36)}`;
    await page.getByLabel(/^名前/).fill(name);
    await page.getByRole('button', { name: 'トークンを作成' }).click();
    await expect(
      page.getByText('トークンを作成しました。今すぐコピーしてください。再表示はできません。'),
    ).toBeVisible();
    const token = await page.getByLabel('新しいトークン').inputValue();
    expect(token).toMatch(/^cm_/);
    await expectAccessible(page);

    const ok = await page.request.get('/api/v1/needs?domain=manufacturing', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toHaveProperty('items');

    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('有効');
    await row.getByRole('button', { name: `無効化: ${name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: '無効化' }).click();
    await expect(row).toContainText('無効化済み');
    await expect(page.getByText(token)).toHaveCount(0); // never shown again

    const refused = await page.request.get('/api/v1/needs', { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe('unauthorized');
  });
});

test.describe('saved searches', () => {
  test('save a search, change its mail, delete it', async ({ session }) => {
    const page = await session('sme');
    // a query nothing matches: the digest never has news for it while the test runs
    const q = `e2e-${Date.now().toString(36)}`;
    await page.goto(`/needs?q=${q}`);
    await page.getByRole('button', { name: 'この検索を保存' }).click();
    const dialog = page.getByRole('dialog');
    const name = `保存 ${q}`;
    await dialog.getByLabel(/^名前/).fill(name);
    await dialog.getByRole('button', { name: 'この検索を保存' }).click();
    await expect(dialog).toBeHidden();

    await page.goto('/account/searches');
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText(`q: ${q}`);
    await expect(row.getByRole('link', { name })).toHaveAttribute('href', new RegExp(`/needs\\?q=${q}`));
    const mail = row.getByRole('combobox', { name: `メールでのお知らせ: ${name}` });
    await expect(mail).toHaveValue('weekly');
    await mail.selectOption('never');
    // the choice is saved when made: a fresh page shows it
    await expect(async () => {
      await page.reload();
      await expect(mail).toHaveValue('never', { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expectAccessible(page);

    await row.getByRole('button', { name: `削除: ${name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: '削除' }).click();
    await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
  });
});
