import crypto from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './support/fixtures';
import { receivedMails } from './support/mail';

// The brokered flow in three real browser sessions: the coordinator pairs an SME's need with a
// researcher's seed and approves it, both accept, contacts appear, a message goes across, and the
// e-mails reach a real SMTP server: the run's capture server (e2e/support/mail.ts).

const NEED = '切削工具の摩耗をリアルタイムに検知';
const SEED = 'Tool wear monitoring from spindle vibration';
// contact details of the people behind the two listings (scripts/seed/demo-data.ts)
const smeContact = ['052-000-1001', 'sme@demo.test', '山田 花子'];
const researcherContact = ['052-000-2001', 'researcher@demo.test', '佐藤 健一'];

/** The page HTML and its RSC payload must not contain any of these strings. */
async function expectHidden(page: Page, url: string, secrets: string[]) {
  const html = await page.content();
  const rsc = await (await page.request.get(url, { headers: { RSC: '1' } })).text();
  for (const s of secrets) {
    expect(html, `page leaks ${s}`).not.toContain(s);
    expect(rsc, `RSC payload leaks ${s}`).not.toContain(s);
  }
}

test('coordinator approves, both parties accept, contacts are revealed and a message is exchanged', async ({
  session,
}) => {
  test.setTimeout(180_000);
  const coordinator = await session('coordinator');

  // pair the need and the seed by hand (the engine may already have proposed the same pair)
  await coordinator.goto(`/introductions/queue?needQ=${encodeURIComponent(NEED)}&seedQ=${encodeURIComponent(SEED)}`);
  const propose = coordinator.getByRole('button', { name: /^(提案する|Propose)$/ });
  await expect(propose).toBeVisible();
  await propose.click();
  // the pair waits in the queue (proposed now, or by the engine before); a pair matched earlier is told so
  const queued = coordinator
    .getByRole('region', { name: /^(確認待ちのマッチ|Matches to review)$/ })
    .getByRole('link', { name: new RegExp(`${NEED}.*${SEED}`) });
  await expect(queued.or(coordinator.getByText(/すでにマッチしています|already matched/)).first()).toBeVisible();

  await coordinator.goto(`/introductions/queue?q=${encodeURIComponent('Tool wear monitoring')}`);
  const link = coordinator.getByRole('link', { name: new RegExp(`${NEED}.*${SEED}`) }).first();
  await expect(link).toBeVisible();
  const href = (await link.getAttribute('href'))!;
  const matchUrl = href;
  const card = coordinator.locator('li').filter({ has: link }).first();
  // a compact row: the reasons and the comment box open on demand
  const details = card.getByRole('button', { name: /^(詳細|Details)/ });
  await expect(card.getByRole('textbox')).toBeHidden();
  await details.click();
  await expect(details).toHaveAttribute('aria-expanded', 'true');
  // the engine's reasons, in the coordinator's language (concepts in both)
  await expect(card.getByText(/共通の技術概念:.*摩耗 ↔ wear/)).toBeVisible();
  await expect(card.getByText('言語をまたいだマッチ（日本語 → 英語）')).toBeVisible();
  await expect(card.getByText('ライセンス条件：非独占ライセンス')).toBeVisible();
  await expect(card.getByText('知財：出願中 (JP)')).toBeVisible();
  await expectAccessible(coordinator);
  const note = `E2E note ${crypto.randomUUID().slice(0, 6)}: vibration sensing fits your wear problem`;
  await card.getByRole('textbox').fill(note);
  await card.getByRole('button', { name: /^(承認|Approve)$/ }).click();
  await expect(coordinator.getByRole('link', { name: new RegExp(`${NEED}.*${SEED}`) })).toHaveCount(0);

  // SME: sees the request with the note, not the researcher's contact
  const sme = await session('sme');
  await sme.goto(matchUrl);
  await expect(sme.getByText(note).first()).toBeVisible(); // the note card and the timeline
  await expectHidden(sme, matchUrl, researcherContact);
  await expectAccessible(sme);
  await sme.getByRole('button', { name: /^(紹介を承諾|Accept introduction)$/ }).click();
  await expect(sme.getByText(/ニーズ: 承諾|Need: Accepted/)).toBeVisible();
  await expectHidden(sme, matchUrl, researcherContact);

  // researcher: still nothing of the SME until they accept too
  const researcher = await session('researcher');
  await researcher.goto(matchUrl);
  await expectHidden(researcher, matchUrl, smeContact);
  await researcher.getByRole('button', { name: /^(紹介を承諾|Accept introduction)$/ }).click();
  await expect(researcher.getByText(/紹介済み|Introduced/).first()).toBeVisible();
  await expect(researcher.getByText(smeContact[0])).toBeVisible();
  await expect(researcher.getByText(smeContact[1])).toBeVisible();

  const message = `Hello from the lab ${crypto.randomUUID().slice(0, 8)}`;
  await researcher.getByRole('textbox', { name: /^(メッセージ|Message)$/ }).fill(message);
  await researcher.getByRole('button', { name: /^(送信|Send)$/ }).click();
  // in the thread, i.e. saved: the compose box holds the same text until the action has answered
  const thread = (page: Page) => page.getByRole('list', { name: /^(メッセージ|Messages)$/ });
  await expect(thread(researcher).getByText(message)).toBeVisible();

  await sme.goto(matchUrl);
  await expect(sme.getByText(researcherContact[0])).toBeVisible();
  await expect(thread(sme).getByText(message)).toBeVisible();
  await expectAccessible(sme);

  // notifications in the header
  await sme.goto('/notifications');
  await expect(sme.getByRole('heading', { name: /お知らせ|Notifications/ })).toBeVisible();

  // a stranger (other cluster's coordinator) sees nothing
  const other = await session('coordinator2');
  const resp = await other.goto(matchUrl);
  expect(resp?.status()).toBe(404);
  await expectHidden(other, matchUrl, [...smeContact, ...researcherContact, note]);

  await expect
    .poll(() => receivedMails().filter((m) => m.to.includes('sme@demo.test')).length, { timeout: 45_000 })
    .toBeGreaterThanOrEqual(3); // request, introduced, new message
  const mails = receivedMails();
  expect(mails.some((m) => m.to.includes('researcher@demo.test') && m.text.includes(note))).toBe(true);
  const ids = mails.map((m) => m.messageId);
  expect(new Set(ids).size).toBe(ids.length); // none twice
});
