import crypto from 'node:crypto';
import { expect, test } from './support/fixtures';

// Bad input on a funding proposal, as a person (or a flaky network) sends it (issue 13): the same
// form submitted twice, a script in a document's name, the same upload twice at once.

const slow = { timeout: 30_000 };
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\n%%EOF`);

test('a draft submitted twice is one draft; a script in a file name is refused or shown as text; one upload twice is one document', async ({
  session,
}) => {
  test.setTimeout(600_000);
  const page = await session('sme');
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const title = `二重送信の確認 ${crypto.randomUUID().slice(0, 6)}`;

  // the new-draft form submitted twice at once (a double click before the page reacts)
  await page.goto('/funding/new');
  await page.getByLabel('仮題').fill(title);
  await page
    .locator('form')
    .filter({ has: page.getByLabel('仮題') })
    .evaluate((form: HTMLFormElement) => {
      form.requestSubmit();
      form.requestSubmit();
    });
  await expect(page).toHaveURL(/\/funding\/[0-9a-f-]+\/edit$/, slow);
  const edit = page.url();
  const id = edit.split('/').at(-2)!;
  await page.goto('/funding');
  await expect(page.getByRole('link', { name: title })).toHaveCount(1, slow);

  // a script as a file name: refused with the reason next to the field, nothing stored
  await page.goto(edit);
  const file = page.getByLabel('ファイル', { exact: true });
  const upload = page.getByRole('button', { name: 'アップロード' });
  const scriptName = '<script>alert(1)</script>.pdf';
  const post = (name: string, text: string) =>
    page.request.post(`/api/funding/${id}/documents`, {
      headers: { origin: new URL(edit).origin },
      multipart: { file: { name, mimeType: 'application/pdf', buffer: pdf(text) } },
    });
  const refused = await post(scriptName, 'script');
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.fields.file[0]).toContain('このファイル名は使えません');
  await file.setInputFiles({ name: scriptName, mimeType: 'application/pdf', buffer: pdf('script') });
  await upload.click();
  await expect(page.getByText(/このファイル名は使えません/)).toBeVisible(slow);
  await page.reload();
  await expect(page.getByText('書類はまだありません。')).toBeVisible(slow);

  // markup the name rules allow is a name: shown as text, downloaded under it, never run
  const oddName = `見積 'v2' & x;y=1 onerror=alert(1) (${crypto.randomUUID().slice(0, 4)}).pdf`;
  await file.setInputFiles({ name: oddName, mimeType: 'application/pdf', buffer: pdf('odd') });
  await upload.click();
  const link = page.getByRole('link', { name: `${oddName}をダウンロード` });
  await expect(link).toHaveText(oddName, slow);
  const download = await page.request.get((await link.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  const disposition = download.headers()['content-disposition'];
  const [, fallback, encoded] =
    /^attachment; filename="([^"\\]*)"; filename\*=UTF-8''([^\s;"']+)$/.exec(disposition) ?? [];
  expect(fallback, disposition).not.toMatch(/[;"\\]/);
  expect(decodeURIComponent(encoded), disposition).toBe(oddName);
  expect(download.headers()).toMatchObject({
    'content-type': 'application/pdf',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });

  // the same file sent twice at once (a double click, a retry): stored once, both get it
  const [a, b] = await Promise.all([post('見積書.pdf', 'twice'), post('見積書.pdf', 'twice')]);
  expect([a.status(), b.status()].sort()).toEqual([200, 201]);
  expect((await a.json()).document.id).toBe((await b.json()).document.id);
  await page.reload();
  await expect(page.getByRole('link', { name: '見積書.pdfをダウンロード' })).toHaveCount(1, slow);

  expect(dialogs, 'no script ran').toEqual([]);
});
