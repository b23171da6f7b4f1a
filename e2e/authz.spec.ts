import { pageMatrix, type Subject } from '../tests/security/authz-matrix';
import { expect, test } from './support/fixtures';

// Every protected page with a fixed URL, opened by every kind of viewer in a real browser:
// allowed → the page renders; denied → sign-in, the account page, or a 404 that reveals nothing.
const staticPages = Object.entries(pageMatrix)
  .map(([file, entry]) => ({ url: `/${file.replace(/\([^)]*\)\//g, '').replace(/\/?page\.tsx$/, '')}`, entry }))
  .filter(({ url }) => !url.includes('['));

for (const subject of [
  'anonymous',
  'sme',
  'researcher',
  'trading',
  'lender',
  'coordinator',
  'admin',
  'unverified',
] satisfies Subject[]) {
  test(`protected pages as ${subject}`, async ({ newContext, session }) => {
    // some 40 pages in a row: on a loaded two-core machine (load ~20) one subject took over 2 minutes
    test.setTimeout(360_000);
    // What a page lets through is the server's answer: the browser reads it without running the pages'
    // scripts (hydrating 40 pages per viewer was most of this spec's time; e2e/phone.spec.ts and the
    // feature specs run them).
    const page =
      subject === 'anonymous'
        ? await (await newContext({ javaScriptEnabled: false })).newPage()
        : await session(subject, { javaScriptEnabled: false });
    for (const { url, entry } of staticPages) {
      const allowed = entry.allowed.includes(subject);
      // A refusal is the response itself (a 404, or a redirect the server sends): the browser need not
      // also load the sign-in or not-found page it lands on. An allowed page is read to its end.
      const response = await page.goto(url, { waitUntil: allowed ? 'domcontentloaded' : 'commit' });
      const landed = new URL(page.url()).pathname;
      const notFound = response?.status() === 404;
      const bounced = landed === '/sign-in' || (landed === '/account' && url !== '/account');
      if (allowed) {
        // a redirect or not-found thrown after the page began to stream is in the document instead
        // (a refresh to the new address; Next's noindex of a not-found page)
        const refused = await page
          .locator('meta[http-equiv="refresh"], meta[name="robots"][content*="noindex"]')
          .count();
        expect
          .soft(
            !notFound && landed === url && refused === 0,
            `${subject} should open ${url} (landed on ${landed}, status ${response?.status()}, streamed refusal ${refused})`,
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
