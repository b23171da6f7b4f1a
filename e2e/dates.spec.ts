import { demo, expect, expectAccessible, test } from './support/fixtures';

// Issue 16: a meeting agreed for 14:00 in Japan reads 14:00 everywhere — on the introduction
// page, in the notification and in the mail — in Japanese and in English, whatever zone the
// browser is in (these browsers run in UTC; the users' zone is Asia/Tokyo, the default).
// A pair of the second Kansai accounts, which no other spec introduces: sme2 writes in
// Japanese, researcher2 (Aiko Tanaka) has chosen English.

const NEED = '発酵食品の賞味期限を天然由来の保存料で延ばしたい';
const SEED = 'Natural antimicrobial peptide from lactic acid bacteria for clean-label foods';
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pair = new RegExp(`${escapeRe(NEED)}.*${escapeRe(SEED)}`);

// A day three weeks ahead, as it is in Japan, and how each language writes it.
const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(Date.now() + 21 * 86_400_000);
const [y, m, d] = day.split('-').map(Number);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const jaWhen = `${y}年${m}月${d}日 14:00 JST`;
const enWhen = `${MONTHS[m - 1]} ${d}, ${y}, 14:00 GMT+9`;

test('a meeting at 14:00 JST reads 14:00 on the page, in the notification and in the mail, in Japanese and English', async ({
  session,
}) => {
  test.setTimeout(240_000);
  const utc = { timezoneId: 'UTC' }; // browsers in UTC; the users' zone is Japan's
  const coordinator = await session('coordinator', utc);
  await coordinator.goto(`/introductions/queue?needQ=${encodeURIComponent(NEED)}&seedQ=${encodeURIComponent(SEED)}`);
  await coordinator.getByRole('button', { name: '提案する' }).click();
  // the pair waits in the queue (proposed now, or by the engine before); a pair matched earlier is told so
  const queued = coordinator.getByRole('region', { name: '確認待ちのマッチ' }).getByRole('link', { name: pair });
  await expect(queued.or(coordinator.getByText('このニーズとシーズはすでにマッチしています。')).first()).toBeVisible();
  await coordinator.goto(`/introductions/queue?q=${encodeURIComponent('発酵食品')}`);
  const link = coordinator.getByRole('link', { name: pair }).first();
  const matchUrl = (await link.getAttribute('href'))!;
  await coordinator.getByRole('checkbox', { name: pair }).first().check();
  await coordinator.getByRole('button', { name: '選択したものを承認' }).click();
  await expect(coordinator.getByRole('link', { name: pair })).toHaveCount(0, { timeout: 30_000 });

  const sme = await session('sme2', utc);
  const researcher = await session('researcher2', { ...utc, locale: 'en-GB' });
  await sme.goto(matchUrl);
  await sme.getByRole('button', { name: '紹介を承諾' }).click();
  await expect(sme.getByText(/ニーズ: 承諾/)).toBeVisible();
  await researcher.goto(matchUrl);
  await researcher.getByRole('button', { name: 'Accept introduction' }).click();
  await expect(researcher.getByText('Introduced').first()).toBeVisible();

  // the researcher (English) proposes 14:00 on their wall clock, which is Japan time for them
  await expect(researcher.getByText('Times are in your time zone (Asia/Tokyo)')).toBeVisible();
  await researcher.getByLabel('Time 1').fill(`${day}T14:00`);
  await researcher.getByRole('button', { name: 'Propose meeting times' }).click();
  await expect(researcher.getByText(/Waiting for the other side to pick a time/)).toBeVisible();
  await expect(researcher.getByText(enWhen)).toBeVisible();

  // the SME (Japanese) sees 14:00 and picks it
  await sme.reload();
  await sme.getByRole('button', { name: `この日時にする: ${jaWhen}` }).click();
  await expect(sme.getByText(`${jaWhen} に確定`)).toBeVisible();
  await expectAccessible(sme);
  // the outcome form's date is today in Japan (this browser's UTC date differs before 09:00 JST)
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
  await expect(sme.getByLabel('日付', { exact: true })).toHaveValue(today);
  await researcher.reload();
  await expect(researcher.getByText(`Confirmed for ${enWhen}`)).toBeVisible();

  // notifications: the researcher's in English, the coordinator's in Japanese
  await researcher.goto('/notifications');
  await expect(researcher.getByText(`: ${enWhen}`).first()).toBeVisible();
  await coordinator.goto('/notifications');
  await expect(coordinator.getByText(`面談が確定しました：${jaWhen}`).first()).toBeVisible();

  // the mails, as the programme office's outbox shows them
  const admin = await session('admin', utc);
  await admin.goto('/mail/outbox');
  const row = (to: string, subject: string) =>
    admin.getByRole('row').filter({ hasText: to }).filter({ hasText: subject }).first();
  await expect(row('researcher2@demo.test', `Meeting confirmed: ${enWhen}`)).toBeVisible();
  await expect(row(demo.coordinator, `面談日時の確定：${jaWhen}`)).toBeVisible();
});
