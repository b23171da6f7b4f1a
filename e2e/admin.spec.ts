import crypto from 'node:crypto';
import { expect, expectAccessible, randomIp, signIn, signUpNewOrganisation, test } from './support/fixtures';

test.describe('programme office', () => {
  test('a new organisation signs up, waits for verification; the admin verifies it, later disables its member', async ({
    session,
    newContext,
  }) => {
    // the one test that signs up with JavaScript end to end (form, mailed link, password again); the
    // tests that only need an account of their own take a seeded `member` (e2e/support/members-fixture.ts)
    test.setTimeout(240_000); // sign-up, the mail, the confirmation (two password checks): minutes when loaded
    const context = await newContext({ extraHTTPHeaders: { 'x-forwarded-for': randomIp() } });
    const member = { page: await context.newPage() };
    const { email, password, organisation: nameEn, name } = await signUpNewOrganisation(member.page);

    // until verified the member sees only their own account
    await expect(member.page.getByText(/事務局の確認待ち/)).toBeVisible();
    await member.page.goto('/home');
    await expect(member.page).toHaveURL(/\/account$/);
    await member.page.goto('/admin');
    await expect(member.page).toHaveURL(/\/account$/);

    const admin = { page: await session('admin') };
    await admin.page.goto('/home');
    await expect(admin.page.getByRole('heading', { level: 1, name: 'Programme office' })).toBeVisible();
    await admin.page.getByRole('link', { name: /Organisations awaiting verification/ }).click();
    await expect(admin.page).toHaveURL(/\/organisations\?verified=no/);

    // search by name: the filters live in the URL
    const filters = admin.page.getByRole('search', { name: 'Filter organisations' });
    await expect(filters.getByLabel('Status')).toHaveValue('no');
    await filters.getByLabel('Status').selectOption({ label: 'All' }); // keep the row in view once verified
    await filters.getByLabel('Name').fill(nameEn.toLowerCase());
    await filters.getByRole('button', { name: 'Search' }).click();
    await expect(admin.page).toHaveURL(/q=e2e/);
    const table = admin.page.getByRole('table', { name: /1 organisation/ });
    await expect(table.getByRole('rowheader', { name: new RegExp(nameEn) })).toBeVisible();
    await table.getByRole('button', { name: `Verify ${nameEn}` }).click();
    await expect(table.getByText('Verified', { exact: true })).toBeVisible();

    // a second verify of the same organisation is no longer offered
    await expect(table.getByRole('button', { name: `Verify ${nameEn}` })).toHaveCount(0);

    // the member now reaches the member area
    await member.page.goto('/home');
    await expect(member.page).toHaveURL(/\/home$/);

    // the admin disables the member: their next page load goes to sign-in
    await admin.page.goto(`/users?q=${encodeURIComponent(email)}`);
    await admin.page.getByRole('button', { name: `Disable ${name}` }).click();
    const dialog = admin.page.getByRole('dialog', { name: `Disable ${name}?` });
    await dialog.getByRole('button', { name: 'Disable', exact: true }).click();
    await expect(admin.page.getByRole('table').getByText('Disabled', { exact: true })).toBeVisible();

    await member.page.goto('/home');
    await expect(member.page).toHaveURL(/\/sign-in/);
    await signIn(member.page, email, password);
    await expect(member.page).toHaveURL(/\/sign-in/);

    // both changes are in the audit log, newest first
    await admin.page.goto('/audit?action=admin.user.disable');
    await expect(
      admin.page
        .getByRole('table', { name: /newest first/ })
        .getByRole('row')
        .nth(1),
    ).toContainText('admin@demo.test');
  });

  test('the admin creates a cluster and assigns a coordinator', async ({ session }) => {
    const slug = `e2e-${crypto.randomUUID().slice(0, 8)}`;
    const page = await session('admin');
    await page.goto('/clusters/new');
    await page.getByLabel('Name (Japanese)').fill('北陸テストクラスター');
    await page.getByLabel('Name (English)').fill(`Hokuriku ${slug}`);
    await page.getByLabel(/Short name/).fill(slug);
    await page.getByLabel('Region (Japanese)').fill('富山');
    await page.getByLabel('Region (English)').fill('Toyama');
    await page.getByLabel('Phase', { exact: true }).selectOption('II');
    await page.getByRole('button', { name: 'Create cluster' }).click();
    await expect(page.getByText('Choose at least 1.')).toBeVisible(); // a domain is required
    await page.getByLabel('IT').check();
    await page.getByRole('button', { name: 'Create cluster' }).click();
    await expect(page).toHaveURL(/\/clusters\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: `Hokuriku ${slug}` })).toBeVisible();

    await page.getByLabel('Assign a coordinator').selectOption({ label: '松本 大輔 (coordinator2@demo.test)' });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect(
      page.getByRole('table', { name: 'Coordinators of this cluster' }).getByRole('button', { name: /^Unassign / }),
    ).toHaveCount(1);
    await expectAccessible(page);

    // the region reads in the viewer's language (issue 16)
    await page.goto('/clusters');
    await expect(page.getByRole('row').filter({ hasText: slug })).toContainText('Toyama');
    await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'ja', url: page.url() }]);
    await page.reload();
    await expect(page.getByRole('row').filter({ hasText: slug })).toContainText('富山');
  });

  // split in three: axe on a busy 2-core machine takes a while per page
  test('admin list pages have no serious accessibility violations', async ({ session }) => {
    test.setTimeout(240_000); // five axe runs: at load average 18 each took 20-30 s
    const page = await session('admin');
    await page.goto('/home');
    await expectAccessible(page);
    for (const path of ['/organisations', '/users', '/clusters', '/mail/outbox']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page);
    }
  });

  test('admin forms and the audit log have no serious accessibility violations', async ({ session }) => {
    const page = await session('admin');
    for (const path of ['/clusters/new', '/audit']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page);
    }
    await page.goto('/organisations');
    await page.getByRole('table').getByRole('rowheader').first().getByRole('link').click();
    await expect(page).toHaveURL(/\/organisations\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
  });

  test('admin pages work on a phone-sized screen', async ({ session }) => {
    const page = await session('admin', { viewport: { width: 375, height: 740 } });
    await page.goto('/users');
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    await expectAccessible(page);
    await page.goto('/clusters');
    await page.getByRole('table').getByRole('rowheader').first().getByRole('link').click();
    await expect(page).toHaveURL(/\/clusters\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
  });

  test('members cannot open admin pages', async ({ session }) => {
    const page = await session('coordinator');
    for (const path of ['/organisations', '/users', '/clusters', '/audit', '/mail/outbox', '/admin/users']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
    }
  });

  test('the addresses the office’s pages had before keep working', async ({ session }) => {
    const page = await session('admin');
    for (const [old, now] of [
      ['/admin', '/home'],
      ['/admin/organisations?verified=no', '/organisations?verified=no'],
      ['/admin/users', '/users'],
      ['/admin/clusters/new', '/clusters/new'],
      ['/admin/audit', '/audit'],
      ['/admin/outbox', '/mail/outbox'],
    ]) {
      const response = await page.goto(old);
      expect(response?.status(), old).toBe(200);
      expect(new URL(page.url()).pathname + new URL(page.url()).search, old).toBe(now);
    }
  });
});
