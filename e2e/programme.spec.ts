import fs from 'node:fs';
import { expect, expectAccessible, test } from './support/fixtures';

// The programme dashboard (issue 14): one page, its figures scoped by who reads it.

test.describe('programme dashboard', () => {
  // axe over a page of SVG charts took over a minute on a loaded machine
  test.describe.configure({ timeout: 300_000 });
  test('the office sees every cluster’s figures, charts with their tables, and downloads the indicators', async ({
    session,
  }) => {
    const admin = await session('admin');
    await admin.goto('/home');
    await admin.getByRole('link', { name: /Programme dashboard/ }).click();
    await expect(admin).toHaveURL(/\/programme$/);
    await expect(admin.getByRole('heading', { level: 1, name: 'Programme dashboard' })).toBeVisible();
    await expect(admin.getByText(/^All clusters ·/)).toBeVisible();

    // every demo cluster is a choice, and each has a column in the indicator table
    const clusters = admin.getByLabel('Cluster', { exact: true });
    for (const name of ['Tokai Manufacturing Cluster', 'Kansai Biomedical Cluster', 'Kyushu Green Energy & IT Cluster'])
      await expect(clusters.locator('option', { hasText: name })).toHaveCount(1);
    const indicators = admin.getByRole('table', { name: /^All indicators/ });
    await expect(indicators.getByRole('columnheader', { name: 'Kyushu Green Energy & IT Cluster' })).toBeVisible();
    // the demo's member organisations take part
    const organisations = indicators.getByRole('row', { name: /^Participating organisations \d/ });
    await expect(organisations.getByRole('cell').first()).not.toHaveText('0');

    // charts are images drawn on the server, each followed by a table with the same figures
    for (const chart of [/matches at each step/, /outcomes recorded/, /per month/]) {
      const image = admin.getByRole('img', { name: chart });
      await expect(image).toBeVisible();
      await expect(image.locator('svg')).toHaveCount(1);
    }
    const funnel = admin.getByRole('table', { name: 'From proposal to launch' });
    await expect(funnel.getByRole('rowheader')).toHaveText([
      'Proposed',
      'Approved',
      'Introduced',
      'Meeting',
      'Agreement',
      'Launch',
    ]);
    await expect(admin.getByRole('table', { name: 'Month by month' }).getByRole('row')).toHaveCount(13);
    await expectAccessible(admin);

    // the indicators as a CSV file for Excel, dated today in the admin's zone
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('link', { name: /Download the indicators/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^clustermatch-kpis-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('"Kansai Biomedical Cluster"');
    expect(csv).toMatch(/"Matches proposed","\d{4}-\d{2}-\d{2}","\d{4}-\d{2}-\d{2}","All domains","\d+"/);

    // one cluster and a domain: the filters live in the URL
    const filters = admin.getByRole('search', { name: 'Dashboard filters' });
    await filters.getByLabel('Cluster', { exact: true }).selectOption({ label: 'Kyushu Green Energy & IT Cluster' });
    await filters.getByLabel('Domain', { exact: true }).selectOption({ label: 'IT' });
    await filters.getByRole('button', { name: 'Show' }).click();
    await expect(admin).toHaveURL(/cluster=.+domain=it/);
    await expect(admin.getByText(/^Cluster: Kyushu Green Energy & IT Cluster ·.*domain: IT$/)).toBeVisible();
  });

  test('a coordinator sees only their clusters, in Japanese', async ({ session }) => {
    const coordinator = await session('coordinator');
    await coordinator.goto('/home');
    await expect(coordinator.getByRole('link', { name: 'プログラム', exact: true }).first()).toBeVisible();
    await coordinator.goto('/programme');
    await expect(coordinator.getByRole('heading', { level: 1, name: 'プログラムダッシュボード' })).toBeVisible();
    await expect(coordinator.getByText(/^担当クラスター：/)).toBeVisible();

    const clusters = coordinator.getByLabel('クラスター', { exact: true });
    await expect(clusters.locator('option')).toHaveText([
      '閲覧できるすべてのクラスター',
      '関西バイオメディカルクラスター',
      '東海ものづくり創生クラスター',
    ]);
    const indicators = coordinator.getByRole('table', { name: /^全指標/ });
    await expect(indicators.getByRole('columnheader', { name: '東海ものづくり創生クラスター' })).toBeVisible();
    await expect(coordinator.getByText('九州グリーンエネルギー・ITクラスター')).toHaveCount(0);
    await expectAccessible(coordinator);

    // a member has no dashboard
    const member = await session('sme');
    const response = await member.goto('/programme');
    expect(response?.status()).toBe(404);
  });
});
