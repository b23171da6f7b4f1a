import crypto from 'node:crypto';
import type { BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import { demo, expect, expectAccessible, signIn, test } from './support/fixtures';

// The coordinator's queue as a list to work through: compact rows (score, the two sides, kind, age),
// reasons and the comment box on demand, ten rows a page with the filters in the URL, the bulk bar
// always on screen; proposing by hand finds listings across languages and says when nothing matched.
// Its coordinator brokers a cluster of its own with 50 engine proposals (scripts/seed-e2e.ts, run by
// scripts/e2e-server.mjs), so other specs' decisions do not change what it measures; it only reads them.
const QUEUE_COORDINATOR = 'queue-coordinator@e2e.test';

async function coordinatorAt(
  newContext: (options: BrowserContextOptions) => Promise<BrowserContext>,
  viewport: { width: number; height: number },
  email: string = QUEUE_COORDINATOR,
): Promise<Page> {
  const context = await newContext({
    viewport,
    locale: 'ja-JP',
    extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${crypto.randomInt(1, 254)}` },
  });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page;
}

const heights = (page: Page) =>
  page.evaluate(() => ({
    page: document.scrollingElement!.scrollHeight,
    width: document.scrollingElement!.scrollWidth,
    list: Math.round(document.getElementById('queue')!.getBoundingClientRect().height),
  }));

for (const viewport of [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 360, height: 800 },
]) {
  test(`the queue of 50 proposals comes ten compact rows a page (${viewport.name})`, async ({ newContext }) => {
    const page = await coordinatorAt(newContext, viewport);
    await page.goto('/introductions/queue');
    const queue = page.getByRole('region', { name: '確認待ちのマッチ' });
    const total = Number((await queue.getByText(/^\d+ 件$/).textContent())!.replace(/\D/g, ''));
    expect(total).toBe(50);
    const rows = queue.getByRole('listitem');
    await expect(rows).toHaveCount(10);
    const first = rows.first();
    // each row: its score, the two sides as one link, kind, age; no reasons or comment box until asked
    await expect(first.getByText('スコア 0.90', { exact: true })).toBeAttached();
    await expect(first.getByRole('link', { name: / ↔ / })).toBeVisible();
    await expect(first.getByText('エンジンの提案', { exact: true })).toBeVisible();
    await expect(first.getByText(/前$/)).toBeVisible();
    const comment = /^双方へのコメント — /;
    await expect(queue.getByRole('textbox', { name: comment, includeHidden: true })).toHaveCount(10);
    await expect(queue.getByRole('textbox', { name: comment })).toHaveCount(0); // all folded
    await first.getByRole('button', { name: '詳細' }).click();
    await expect(first.getByText('エンジンの提案理由')).toBeVisible();
    await expect(first.getByRole('textbox')).toBeVisible();
    await expect(first.getByRole('button', { name: '承認' })).toBeVisible();
    await first.getByRole('button', { name: '詳細' }).click();
    await expect(first.getByRole('textbox')).toBeHidden();

    const size = await heights(page);
    test.info().annotations.push({
      type: 'queue height',
      description: `${viewport.name} ${viewport.width}px: page ${size.page} px, ten rows ${size.list} px`,
    });
    console.log(
      `[queue] ${viewport.name} ${viewport.width}×${viewport.height}: page ${size.page} px, rows ${size.list} px`,
    );
    expect(size.width).toBeLessThanOrEqual(viewport.width); // no sideways scroll
    if (viewport.name === 'desktop') expect(size.list).toBeLessThanOrEqual(viewport.height); // ten rows fit a screen

    // the bulk bar stays on screen at the top of the list and at its end
    const bulk = queue.getByRole('group', { name: '選択したマッチの一括操作' });
    for (const y of [0, size.page]) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      const box = (await bulk.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 1);
    }
    await expectAccessible(page);

    // pages keep the filter in the URL
    await page.getByLabel('種類').selectOption({ label: 'エンジンの提案' });
    await page.getByRole('button', { name: '絞り込む' }).click();
    await expect(page).toHaveURL(/kind=engine/);
    await page.getByRole('navigation', { name: 'ページ' }).getByRole('link', { name: '2 ページ' }).click();
    await expect(page).toHaveURL(/kind=engine.*page=2|page=2.*kind=engine/);
    await expect(page.getByLabel('種類')).toHaveValue('engine');
    await expect(queue.getByRole('listitem')).toHaveCount(10);
    await expect(queue.getByText('スコア 0.75', { exact: true })).toBeAttached(); // rows 11–20
    await expect(queue.getByText('スコア 0.90', { exact: true })).toHaveCount(0);
  });
}

test('proposing by hand finds listings in the other language and says when nothing matched', async ({ newContext }) => {
  const page = await coordinatorAt(newContext, { width: 1280, height: 800 }, demo.coordinator);
  await page.goto('/introductions/queue');
  await page.getByText('手動でマッチを提案').click();
  await page.getByLabel('ニーズを検索').fill('溶接');
  await page.getByLabel('シーズを検索').fill('X線');
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await expect(page).toHaveURL(/needQ=/);
  const need = page.getByLabel('ニーズ', { exact: true });
  const seed = page.getByLabel('シーズ', { exact: true });
  await expect(need.getByRole('option', { name: /weld beads/ })).toBeAttached();
  await expect(seed.getByRole('option', { name: /X-ray CT inspection/ })).toBeAttached();

  await page.getByLabel('シーズを検索').fill('溶接');
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await expect(
    page.getByLabel('シーズ', { exact: true }).getByRole('option', { name: /Laser cladding/ }),
  ).toBeAttached();

  const nonsense = `zzqx${crypto.randomInt(1000, 9999)}`;
  await page.getByLabel('シーズを検索').fill(nonsense);
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await expect(page.getByText(`「${nonsense}」に一致するシーズは見つかりませんでした。`)).toBeVisible();
  await expect(page.getByRole('button', { name: '提案する' })).toHaveCount(0);
  await expectAccessible(page);
});
