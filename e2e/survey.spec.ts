import { expect, expectAccessible, test } from './support/fixtures';

// The participant survey (issue 14 item 6): a coordinator opens a round, a participant answers it for their
// organisation, the coordinator sees the answer in the results and closes the round.

const areas = ['情報へのアクセス', 'ネットワークの拡大', '研究開発', '技術の維持', '販路', '資金調達', '人材'];

test('a coordinator opens a survey round, a participant answers it, the office sees the answer', async ({
  session,
}) => {
  test.setTimeout(240_000);
  const title = `E2E アンケート ${crypto.randomUUID().slice(0, 8)}`;
  const coordinator = await session('coordinator');
  await coordinator.goto('/programme');
  await coordinator.getByRole('link', { name: '参加者アンケート', exact: true }).click();
  await expect(coordinator).toHaveURL(/\/programme\/surveys$/);
  // the demo's closed round is listed with its answers
  const rounds = coordinator.getByRole('table', { name: 'アンケートの回' });
  await expect(rounds.getByRole('row', { name: /2026年度上期 参加者アンケート.*終了/ })).toBeVisible();
  await expectAccessible(coordinator);

  await coordinator.getByLabel('クラスター', { exact: true }).selectOption({ label: '関西バイオメディカルクラスター' });
  await coordinator.getByLabel('タイトル', { exact: true }).fill(title);
  await coordinator.getByRole('button', { name: '回を開く' }).click();
  await expect(coordinator.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(coordinator.getByText('回答受付中', { exact: true })).toBeVisible();
  await expect(coordinator.getByText('回答はまだありません')).toBeVisible();
  const results = coordinator.url();

  // a member of a participating organisation finds it on their home and answers for the organisation
  const participant = await session('sme2');
  await participant.goto('/home');
  await participant.getByRole('link', { name: new RegExp(title) }).click();
  await expect(participant.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectAccessible(participant);
  // a missing rating is reported next to its field
  await participant.getByRole('button', { name: '回答を保存' }).click();
  await expect(participant.getByText('選択肢から選んでください。').first()).toBeVisible();
  for (const area of areas) {
    await participant.getByLabel(`${area}:参加前`, { exact: true }).selectOption('2');
    await participant.getByLabel(`${area}:参加後`, { exact: true }).selectOption(area === '販路' ? '5' : '4');
  }
  const partnership = participant.getByRole('group', { name: '新たな連携を形成した' });
  await partnership.getByLabel('はい').check();
  await partnership.getByLabel('件数').fill('2');
  await participant.getByRole('button', { name: '回答を保存' }).click();
  await expect(participant.getByText(/^最終保存/)).toBeVisible();
  await participant.getByRole('link', { name: 'アンケート', exact: true }).first().click();
  await expect(participant.getByRole('link', { name: `回答を確認・変更する: ${title}` })).toBeVisible();

  // the office sees the response: one organisation, the means before and after, the chart's table
  await coordinator.goto(results);
  await expect(coordinator.getByText(/組織中 1 組織が回答/)).toBeVisible();
  const means = coordinator.getByRole('table', { name: '参加前後の平均評価' });
  await expect(means.getByRole('row', { name: /^販路/ }).getByRole('cell')).toHaveText(['2.00', '5.00', '+3.00']);
  await expect(
    coordinator
      .getByRole('img', { name: /棒グラフ/ })
      .first()
      .locator('svg'),
  ).toHaveCount(1);
  await expectAccessible(coordinator);

  // closed: the answer is final
  await coordinator.getByRole('button', { name: '回を締め切る' }).click();
  await coordinator.getByRole('dialog').getByRole('button', { name: '回を締め切る' }).click();
  await expect(coordinator.getByText('終了', { exact: true })).toBeVisible();
  await participant.goto('/programme/surveys/open');
  await expect(participant.getByText(title)).toHaveCount(0);
});
