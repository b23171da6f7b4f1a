import { pageMatrix, type Subject } from '../tests/security/authz-matrix';
import { DEMO_PASSWORD, demo, expect, test } from './support/fixtures';

// Every protected page with a fixed URL, opened by every kind of viewer in a real browser:
// allowed → the page renders; denied → sign-in, the account page, or a 404 that reveals nothing.
const staticPages = Object.entries(pageMatrix)
  .map(([file, entry]) => ({ url: '/' + file.replace(/\([^)]*\)\//g, '').replace(/\/?page\.tsx$/, ''), entry }))
  .filter(({ url }) => !url.includes('['));

const accounts: Record<Exclude<Subject, 'anonymous'>, string> = { ...demo, unverified: 'pending@demo.test' };

for (const subject of ['anonymous', ...Object.keys(accounts)] as Subject[]) {
  test(`protected pages as ${subject}`, async ({ page }) => {
    if (subject !== 'anonymous') {
      await page.goto('/sign-in');
      await page.getByLabel(/メールアドレス/).fill(accounts[subject as keyof typeof accounts]);
      await page.getByLabel(/^パスワード$/).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /^ログイン$/ }).click();
      await expect(page).not.toHaveURL(/\/sign-in/);
    }
    for (const { url, entry } of staticPages) {
      const response = await page.goto(url);
      const allowed = entry.allowed.includes(subject);
      const landed = new URL(page.url()).pathname;
      const notFound = response?.status() === 404;
      const bounced = landed === '/sign-in' || (landed === '/account' && url !== '/account');
      if (allowed) {
        expect
          .soft(
            !notFound && !bounced,
            `${subject} should open ${url} (landed on ${landed}, status ${response?.status()})`,
          )
          .toBe(true);
      } else {
        expect
          .soft(
            notFound || bounced,
            `${subject} must not open ${url} (landed on ${landed}, status ${response?.status()})`,
          )
          .toBe(true);
      }
    }
  });
}
