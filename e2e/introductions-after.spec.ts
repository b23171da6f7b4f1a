import crypto from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './support/fixtures';
import { PROPOSED_PAIRS } from './support/listings-fixture';

// After the coordinator's decision: bulk approve and bulk decline in the queue, then the two
// parties of one introduction agree a meeting time, record an NDA and update it to signed, and
// record an outcome; notifications are read; members keep their e-mail preferences; the header
// and admin navigation.
// Each user in their own browser context. The four pairs wait in the queue as the demo coordinator
// proposed them (e2e/support/listings-fixture.ts, seeded with the app's own code: proposing by hand in the
// browser is e2e/dates.spec.ts's); they differ from e2e/introductions.spec.ts's so both can run at once.

const { A: pairA, B: pairB, C: pairC, D: pairD } = PROPOSED_PAIRS;
type Pair = (typeof PROPOSED_PAIRS)[keyof typeof PROPOSED_PAIRS];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pairName = (p: Pair) => new RegExp(`${escapeRe(p.need)}.*${escapeRe(p.seed)}`);

/** The pair's row in the queue, filtered by the need's title (the queue shows ten rows a page). */
function queued(coordinator: Page, pair: Pair) {
  return coordinator
    .getByRole('region', { name: '確認待ちのマッチ' })
    .getByRole('link', { name: pairName(pair) })
    .first();
}

/** Selects the pair in the queue and applies a bulk decision; the pair leaves the queue. */
async function bulkDecide(coordinator: Page, pair: Pair, action: string, note?: string) {
  await coordinator.goto(`/introductions/queue?q=${encodeURIComponent(pair.need)}`);
  const queue = coordinator.getByRole('region', { name: '確認待ちのマッチ' });
  const bulk = queue.getByRole('group', { name: '選択したマッチの一括操作' });
  await queue
    .getByRole('checkbox', { name: pairName(pair) })
    .first()
    .check();
  if (note) await bulk.getByLabel('双方へのコメント').fill(note);
  await bulk.getByRole('button', { name: action }).click();
  await expect(queue.getByRole('link', { name: pairName(pair) })).toHaveCount(0, { timeout: BULK_TIMEOUT });
}

// A bulk decision writes each match and its notifications and then refreshes the queue: on a
// loaded two-core CI machine (two test workers, axe) that has taken over the default 10 s.
const BULK_TIMEOUT = 30_000;

const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('coordinator bulk-approves and bulk-declines; parties agree a meeting, record and sign an NDA, record an outcome', async ({
  session,
}) => {
  test.setTimeout(480_000);
  const coordinator = await session('coordinator');

  // approve A and B, reject C and D, through the bulk bar; the queue has pages, so each pair is
  // found by its title filter
  await coordinator.goto(`/introductions/queue?q=${encodeURIComponent(pairA.need)}`);
  const matchUrl = (await queued(coordinator, pairA).getAttribute('href'))!;
  await expectAccessible(coordinator);
  await bulkDecide(coordinator, pairA, '選択したものを承認');
  await bulkDecide(coordinator, pairB, '選択したものを承認');
  const note = `E2E bulk decline ${crypto.randomUUID().slice(0, 6)}`;
  await bulkDecide(coordinator, pairC, '選択したものを却下', note);
  await bulkDecide(coordinator, pairD, '選択したものを却下', note);
  // the rejected list shows each rejection with its reason
  await coordinator.goto('/introductions/queue?status=rejected');
  for (const pair of [pairC, pairD]) {
    const row = coordinator
      .getByRole('listitem')
      .filter({ has: coordinator.getByRole('link', { name: pairName(pair) }) });
    await expect(row.first().getByText(`却下理由：${note}`)).toBeVisible();
  }
  await coordinator.goto('/introductions/queue?status=approved');
  await expect(coordinator.getByRole('link', { name: pairName(pairB) }).first()).toBeVisible();

  // both parties accept A
  const sme = await session('sme');
  const researcher = await session('researcher');
  for (const party of [sme, researcher]) {
    await party.goto(matchUrl);
    await party.getByRole('button', { name: '紹介を承諾' }).click();
  }
  await expect(researcher.getByText('紹介済み').first()).toBeVisible();

  // the SME proposes two meeting times; the researcher picks the second
  await sme.goto(matchUrl);
  await sme.getByLabel('候補 1').fill(`${isoDay(7)}T10:00`);
  await sme.getByLabel('候補 2').fill(`${isoDay(8)}T14:30`);
  await sme.getByLabel('場所またはリンク').fill('Okazaki plant, meeting room 2');
  await sme.getByRole('button', { name: '面談候補日時を提案' }).click();
  await expect(sme.getByText(/相手方が日時を選ぶのを待っています/)).toBeVisible();
  await researcher.goto(matchUrl);
  const picks = researcher.getByRole('button', { name: /^この日時にする/ });
  await expect(picks).toHaveCount(2);
  await picks.nth(1).click();
  await expect(researcher.getByText(/に確定$/)).toBeVisible();
  await sme.reload();
  await expect(sme.getByText(/に確定$/)).toBeVisible();

  // the researcher records a draft NDA; the SME updates it to signed with an expiry date
  const record = researcher.getByRole('form', { name: '秘密保持契約を登録' });
  await record.getByLabel('種類').selectOption({ label: '片務' });
  await record.getByLabel('状態').selectOption({ label: '草案' });
  await record.getByRole('button', { name: '秘密保持契約を登録' }).click();
  await expect(researcher.getByText('片務 · 草案')).toBeVisible();
  await expectAccessible(researcher);

  await sme.reload();
  await expect(sme.getByText('片務 · 草案')).toBeVisible();
  await sme.getByText('この契約を更新').click();
  const update = sme.getByRole('form', { name: '秘密保持契約を更新' });
  await update.getByLabel('状態').selectOption({ label: '締結済み' });
  await update.getByRole('button', { name: '秘密保持契約を更新' }).click();
  await expect(update.getByText('締結日を入力してください。')).toBeVisible(); // the shared schema, in the browser
  await update.getByLabel('締結日').fill(isoDay(0));
  await update.getByLabel('期限').fill(isoDay(365));
  await update.getByRole('button', { name: '秘密保持契約を更新' }).click();
  const jaDay = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return `${y}年${m}月${d}日`; // as Japanese pages write a date (never 2026-12-04)
  };
  await expect(
    sme.getByText(`片務 · 締結済み · 締結日 ${jaDay(isoDay(0))} · 期限 ${jaDay(isoDay(365))}`),
  ).toBeVisible();
  await expect(sme.getByRole('list', { name: '経過' }).getByText('秘密保持契約の更新')).toBeVisible();

  // an outcome
  await sme.getByLabel('成果', { exact: true }).selectOption({ label: '面談実施' });
  await sme.getByRole('button', { name: '成果を記録' }).click();
  await expect(sme.getByText(/· 面談実施/)).toBeVisible();
  await researcher.reload();
  await expect(researcher.getByText(/· 面談実施/)).toBeVisible();
  await expectAccessible(sme);

  // the researcher's notifications: unread count, mark one read, then all
  await researcher.goto('/notifications');
  await expect(researcher.getByRole('heading', { name: 'お知らせ', level: 1 })).toBeVisible();
  // (the other introductions spec may add notifications for this user meanwhile: count them in)
  const items = researcher.getByRole('list', { name: 'お知らせ' }).getByRole('listitem');
  const unreadNow = async () =>
    Number((await researcher.getByText(/^(未読 \d+ 件|すべて既読)$/).textContent())!.match(/\d+/)?.[0] ?? 0);
  const unread = await unreadNow();
  const listed = await items.count();
  expect(unread).toBeGreaterThanOrEqual(2); // the request and the meeting proposal at least
  expect(listed).toBeLessThan(30); // one page, so every arrival shows in the list
  await expectAccessible(researcher);
  await researcher.getByRole('button', { name: '既読にする', exact: true }).last().click();
  await expect.poll(async () => (await unreadNow()) - ((await items.count()) - listed)).toBe(unread - 1);
  await researcher.getByRole('button', { name: 'すべて既読にする' }).click();
  // every notification listed before is read; only ones that arrived since (from the other spec) may be unread
  const unreadButtons = researcher.getByRole('button', { name: '既読にする', exact: true });
  await expect
    .poll(
      async () =>
        (await unreadButtons.count()) <= (await items.count()) - listed &&
        (await unreadNow()) === (await unreadButtons.count()),
    )
    .toBe(true);
});

test('a member saves their e-mail preferences', async ({ member }) => {
  const { page: lender } = await member('preferences'); // their own preferences, no demo account's
  await lender.goto('/notifications/settings');
  const digests = lender.getByRole('checkbox', { name: '保存した検索のダイジェスト' });
  const followUp = lender.getByRole('checkbox', { name: 'フォローアップ' });
  const wasDigests = await digests.isChecked();
  await digests.setChecked(!wasDigests);
  await followUp.setChecked(false);
  await lender.getByRole('button', { name: '保存' }).click();
  // what a reload shows is what was saved (the save may still be on its way: reload until it is)
  await expect(async () => {
    await lender.reload();
    await expect(digests).toBeChecked({ checked: !wasDigests, timeout: 1_000 });
    await expect(followUp).not.toBeChecked({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expectAccessible(lender);
});

test('navigation: the coordinator and admin headers fit one line on desktop and open as a menu on a phone', async ({
  session,
}) => {
  const desktop = await session('coordinator', { viewport: { width: 1280, height: 800 } });
  await desktop.goto('/introductions/queue');
  const nav = desktop.getByRole('navigation', { name: 'メインメニュー' });
  const links = nav.getByRole('link');
  await expect(nav.getByRole('link', { name: 'マッチ審査' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: '紹介' })).toBeVisible();
  const tops = new Set(
    (await links.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)))) as number[],
  );
  expect(tops.size).toBe(1); // one row
  expect(await overflowOf(nav)).toBe(0); // …that fits: no link runs under the notifications and language switch
  const header = await desktop.locator('header').boundingBox();
  expect(header!.height).toBeLessThan(80);
  await expect(desktop.getByRole('button', { name: 'ログアウト' })).toBeVisible();
  // the coordinator's links are longest in English
  await desktop.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: new URL(desktop.url()).origin }]);
  await desktop.reload();
  const navEn = desktop.getByRole('navigation', { name: 'Main' });
  await expect(navEn.getByRole('link', { name: 'Matches' })).toHaveAttribute('aria-current', 'page');
  expect(await overflowOf(navEn)).toBe(0);

  const phone = await session('coordinator', { viewport: { width: 390, height: 844 } });
  await phone.goto('/home');
  await expect(phone.getByRole('navigation', { name: 'メインメニュー' })).toBeHidden();
  await phone.getByText('メニュー', { exact: true }).click();
  const menu = phone.getByRole('navigation', { name: 'メインメニュー' });
  await expect(menu.getByRole('link', { name: 'ホーム' })).toHaveAttribute('aria-current', 'page');
  await expect(phone.getByRole('button', { name: 'ログアウト' })).toBeVisible();
  await expectAccessible(phone);
  await menu.getByRole('link', { name: '紹介' }).click();
  await expect(phone).toHaveURL(/\/introductions$/);
  await expect(phone.getByRole('navigation', { name: 'メインメニュー' })).toBeHidden(); // closed after navigating
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);

  const admin = await session('admin', { viewport: { width: 1280, height: 800 } });
  await admin.goto('/users');
  const adminNav = admin.getByRole('navigation', { name: /^(メインメニュー|Main)$/ }); // the demo admin reads English
  await expect(adminNav.getByRole('link', { name: /^(ユーザー|Users)$/ })).toHaveAttribute('aria-current', 'page');
  await expect(adminNav.locator('[aria-current="page"]')).toHaveCount(1);
  const adminTops = new Set(
    (await adminNav
      .getByRole('link')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)))) as number[],
  );
  expect(adminTops.size).toBe(1); // one row
  expect(await overflowOf(adminNav)).toBe(0);
});

/** How far the header's links run past the navigation's own box (over what stands beside it), in pixels. */
const overflowOf = (nav: Locator) => nav.evaluate((el) => Math.max(0, el.scrollWidth - el.clientWidth));
