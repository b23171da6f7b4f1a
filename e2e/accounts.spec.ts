import crypto from 'node:crypto';
import { confirmSignUp, demo, expect, expectAccessible, randomIp, signIn, test, uniqueEmail } from './support/fixtures';
import { mailsTo, signUpLinkOf } from './support/mail';

// a sign-in (a password check, then the new page) took over 20 s at load average ~30 on two cores
const signingIn = { timeout: 60_000 };

test.describe('accounts', () => {
  test('a wrong password and an unknown e-mail get the same message', async ({ page }) => {
    await signIn(page, demo.sme, 'not-the-password');
    const message = page.getByText(/メールアドレスまたはパスワードが正しくありません/);
    await expect(message).toBeVisible();
    await signIn(page, uniqueEmail('nobody'), 'not-the-password');
    await expect(message).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('signing up with a registered e-mail answers as for a new one; the owner is mailed instead', async ({
    page,
  }) => {
    test.setTimeout(360_000); // two sign-ups and a sign-in: minutes at load average 40
    const fill = async (email: string) => {
      await page.goto('/sign-up');
      await page.getByLabel(/メールアドレス/).fill(email);
      await page.getByLabel('氏名').fill('誰か');
      await page.getByLabel(/^パスワード/).fill('someone-elses-password');
      await page.getByLabel('新しい組織を登録する').check();
      await page.getByLabel('組織の種類').selectOption('sme');
      await page.getByLabel('都道府県').selectOption('Gifu');
      await page.getByLabel('名称(日本語)').fill('なりすまし株式会社');
      await page.getByLabel('名称(英語)').fill('Impostor Ltd');
      await page.getByRole('button', { name: 'アカウントを作成' }).click();
      await expect(page).toHaveURL(/\/sign-up\/check-mail$/, { timeout: 60_000 });
      return page.locator('main').textContent();
    };
    const before = mailsTo(demo.lender).length;
    const fresh = uniqueEmail('fresh');
    expect(await fill(demo.lender)).toBe(await fill(fresh));
    // (the funding specs mail this lender meanwhile: look for the owner's note among the new mails)
    const since = () => mailsTo(demo.lender).slice(before);
    await expect.poll(() => since().filter((m) => m.text.includes('/sign-in')).length, { timeout: 60_000 }).toBe(1);
    expect(since().filter((m) => m.text.includes('/sign-up/confirm'))).toEqual([]);
    await expect.poll(() => signUpLinkOf(fresh), { timeout: 60_000 }).not.toBe('');
    // and the owner's password still works (nothing was changed or locked)
    await signIn(page, demo.lender);
    await expect(page).toHaveURL(/\/home$/, signingIn);
  });

  test('too many failed sign-ins for one account are refused, even with the right password', async ({ member }) => {
    // an account of its own, so the limit reached here cannot affect other tests
    const { page, email, password } = await member('lockout');
    await page.getByRole('button', { name: 'ログアウト', exact: true }).click();
    await expect(page).toHaveURL(/\/$/);

    for (let i = 0; i < 5; i++) {
      await signIn(page, email, `wrong-password-${i}`);
      await expect(page.getByText(/メールアドレスまたはパスワードが正しくありません/)).toBeVisible();
    }
    await signIn(page, email, password);
    await expect(page.getByText(/試行回数が多すぎます/)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('the sign-up form shows every field error in the chosen language', async ({ page }) => {
    await page.goto('/sign-up');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
    await page.getByLabel(/E-mail address/).fill('not-an-email');
    await page.getByLabel(/^Password/).fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Enter a valid e-mail address.')).toBeVisible();
    await expect(page.getByText('Use at least 12 characters.')).toBeVisible();
    await expect(page.getByText('This field is required.').first()).toBeVisible();
  });

  test('sign out everywhere ends the other browser session too', async ({ member, page: pageB }) => {
    // its own account, so other tests' sessions are untouched
    const { page: pageA, email, password } = await member('everywhere');
    await signIn(pageB, email, password);
    await expect(pageB).toHaveURL(/\/account/, signingIn);

    await pageA.getByRole('button', { name: 'すべての端末からログアウト' }).click();
    await expect(pageA).toHaveURL(/\/sign-in/);
    await pageB.goto('/account');
    await expect(pageB).toHaveURL(/\/sign-in/);
  });

  test('signing out ends the session on the server: a copied session cookie no longer opens /account', async ({
    member,
    newContext,
  }) => {
    const { page } = await member('copiedCookie');
    const copied = await page.context().cookies();
    expect(copied.some((c) => c.name.includes('session-token'))).toBe(true);
    await page.getByRole('button', { name: 'ログアウト', exact: true }).click();
    await expect(page).toHaveURL(/\/$/);
    const thief = await newContext();
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto('/account');
    await expect(stolen).toHaveURL(/\/sign-in/);
  });

  test('the language switch is remembered for the user', async ({ member }) => {
    // its own account: a demo account switched to English would change other specs' pages
    const { page, email, password } = await member('language');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('link', { name: 'Account' })).toBeVisible();
    // a new browser (no cookie) gets the saved choice at sign-in
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.context().clearCookies();
    await signIn(page, email, password);
    await expect(page.getByRole('link', { name: 'Account' })).toBeVisible(signingIn);
    await page.getByRole('button', { name: '日本語' }).click();
    await expect(page.getByRole('link', { name: 'アカウント' })).toBeVisible();
  });

  test('public pages have no serious accessibility violations', async ({ page }) => {
    for (const path of ['/', '/sign-in', '/sign-up']) {
      await page.goto(path);
      await expectAccessible(page);
    }
  });

  test('member pages have no serious accessibility violations', async ({ session }) => {
    const page = await session('sme');
    for (const path of ['/home', '/account']) {
      await page.goto(path);
      await expectAccessible(page);
    }
  });
});

const DEMO_PASSWORD = 'demo-pass-2026';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('sign-in and sign-up (with a new organisation) POST and work; the password never appears in a URL', async ({
    page,
    newContext,
  }) => {
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));

    await page.goto('/sign-in');
    await page.getByLabel(/メールアドレス/).fill(demo.researcher);
    await page.getByLabel(/^パスワード$/).fill('wrong-password-typed');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect(page.getByText(/メールアドレスまたはパスワードが正しくありません/)).toBeVisible();
    await page.getByLabel(/メールアドレス/).fill(demo.researcher);
    await page.getByLabel(/^パスワード$/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect(page).toHaveURL(/\/home$/);

    // sign-up with a new organisation, the link from the mail and the password typed again: all without JavaScript
    const password = `no-js-${crypto.randomUUID().slice(0, 8)}-password`;
    const email = uniqueEmail('nojs');
    const context = await newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'x-forwarded-for': randomIp() } });
    const signUp = await context.newPage();
    signUp.on('request', (request) => urls.push(request.url()));
    await signUp.goto('/sign-up');
    await signUp.getByLabel(/メールアドレス/).fill(email);
    await signUp.getByLabel('氏名').fill('スクリプト なし');
    await signUp.getByLabel(/^パスワード/).fill(password);
    // without JavaScript both choices' fields are in the page; the chosen radio decides
    await signUp.getByLabel('新しい組織を登録する').check();
    await signUp.getByLabel('組織の種類').selectOption('university');
    await signUp.getByLabel('都道府県').selectOption('Aichi');
    await signUp.getByLabel('名称(日本語)').fill('スクリプトなし大学');
    await signUp.getByLabel('名称(英語)').fill(`No Script University ${crypto.randomUUID().slice(0, 8)}`);
    await signUp.getByRole('button', { name: 'アカウントを作成' }).click();
    await confirmSignUp(signUp, email, password);
    await expect(signUp.getByRole('heading', { level: 1 })).toBeVisible();

    expect(
      urls.filter((u) => u.includes('wrong-password-typed') || u.includes(DEMO_PASSWORD) || u.includes(password)),
    ).toEqual([]);
  });

  test('a form body that does not parse is refused with 400, not a server error; an unknown API path is a JSON 404', async ({
    request,
  }) => {
    const broken = { headers: { 'content-type': 'multipart/form-data; boundary=zz' }, data: 'x' };
    for (const data of ['x', '--zz\r\ngarbage']) {
      expect((await request.post('/sign-in', { ...broken, data })).status()).toBe(400);
    }
    for (const response of [
      await request.post('/api/account/..%2F..%2Fetc%2Fpasswd', broken),
      await request.get('/api/no-such-thing', { headers: { 'accept-language': 'ja' } }),
      await request.delete('/api/v1/no/such/thing'),
    ]) {
      expect(response.status()).toBe(404);
      expect((await response.json()).error.code).toBe('not_found');
    }
    // a method a route does not serve, an unknown method, a path that is not UTF-8: JSON too
    const put = await request.put('/api/v1/needs', { headers: { 'accept-language': 'ja' } });
    expect(put.status()).toBe(405);
    expect(put.headers().allow).toBe('GET, POST');
    expect((await put.json()).error.message).toContain('GET, POST');
    for (const response of [
      await request.fetch('/api/v1/needs', { method: 'PROPFIND' }),
      await request.get('/api/v1/needs/%FF'),
    ]) {
      expect(response.status()).toBe(400);
      expect((await response.json()).error.code).toBe('invalid');
    }
  });
});
