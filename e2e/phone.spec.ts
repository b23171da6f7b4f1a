import type { Page } from '@playwright/test';
import { type Account, expect, expectAccessible, test } from './support/fixtures';

// Issue 16, phone: no page reached by the navigation scrolls sideways on a 360 px screen, for any
// role, in Japanese and English. The header's Menu button stays whole and on one line.
//
// One test per role, both languages in it, without paying twice for what the second language does not
// add (it was 6 roles × 2 languages × every page: 6.6 worker-minutes):
// - in the role's full language (three roles each way, `fullIn`): its home (axe on it), every header
//   link (read from its own menu) and the first item each list links to (a listing, an introduction…);
// - in the other language: its home, the menu, and the header links only this role's menu has (review,
//   queue, programme, the office's tables…). The pages most roles share (`shared`) are measured in both
//   languages by the full tours between them: Japanese for the SME, lender and coordinator, English for
//   the researcher and the trading firm (and /account by all six).

const PHONE = { width: 360, height: 740 };
/** Each role's full tour is in this language. */
const fullIn = { sme: 'ja', researcher: 'en', trading: 'en', lender: 'ja', coordinator: 'ja', admin: 'en' } as const;
const roles = Object.keys(fullIn) as (keyof typeof fullIn & Account)[];
/** Header links of several roles with full tours in each language (components/layout/nav-items.ts). */
const shared = new Set(['/home', '/needs', '/seeds', '/introductions', '/account']);
const UUID = /\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What sticks out past the right edge of the screen (for the failure message). */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement!;
    if (root.scrollWidth <= root.clientWidth) return null;
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    const wide = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5 && !clipped(el))
      .slice(-3)
      .map(
        (el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} "${el.textContent?.slice(0, 30)}"`,
      );
    return `${root.scrollWidth} > ${root.clientWidth}: ${wide.join(' | ')}`;
  });

async function visit(page: Page, path: string, problems: string[]) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  const wide = await sideways(page);
  if (wide) problems.push(`${path}: ${wide}`);
}

/** The header's links, read from the phone's menu. */
async function navLinks(page: Page): Promise<string[]> {
  const menu = page.locator('header details summary');
  const box = await menu.boundingBox();
  expect(box, 'the Menu button').not.toBeNull();
  expect(box!.x + box!.width, 'the Menu button is not clipped').toBeLessThanOrEqual(PHONE.width);
  expect(box!.height, 'the Menu label stays on one line').toBeLessThan(48);
  await menu.click();
  const nav = page.locator('header').getByRole('navigation');
  await expect(nav).toBeVisible();
  const hrefs = await nav.getByRole('link').evaluateAll((els) => els.map((e) => e.getAttribute('href')!));
  await menu.click();
  return hrefs;
}

for (const role of roles) {
  const full = fullIn[role];
  const other = full === 'ja' ? 'en' : 'ja';
  test(`${role}: no page of the navigation scrolls sideways at 360 px (every page in ${full}, its own in ${other})`, async ({
    session,
    baseURL,
  }) => {
    test.setTimeout(360_000);
    const problems: string[] = [];
    for (const locale of [full, other]) {
      const page = await session(role, { viewport: PHONE, locale: locale === 'ja' ? 'ja-JP' : 'en-GB' });
      await page.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
      await visit(page, '/home', problems);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      if (locale === full) await expectAccessible(page);
      const links = await navLinks(page);
      expect(links.length).toBeGreaterThan(2);
      const visited = new Set(['/home']);
      for (const href of links) {
        if (visited.has(href) || (locale === other && shared.has(href))) continue;
        visited.add(href);
        await visit(page, href, problems);
        if (locale === other) continue;
        // the first thing the page lists, if it lists anything with a page of its own
        const first = await page
          .locator('main a[href]')
          .evaluateAll(
            (els, [base, uuid]) =>
              els
                .map((e) => e.getAttribute('href')!)
                .find((h) => h.startsWith(`${base}/`) && new RegExp(uuid).test(h.split('?')[0]!)),
            [href, UUID.source] as const,
          );
        if (first && !visited.has(first)) {
          visited.add(first);
          await visit(page, first, problems);
        }
      }
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });
}

for (const locale of ['ja', 'en'] as const) {
  test(`a visitor (${locale}): the public pages do not scroll sideways at 360 px`, async ({ newContext, baseURL }) => {
    const context = await newContext({ viewport: PHONE, locale: locale === 'ja' ? 'ja-JP' : 'en-GB' });
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of ['/', '/sign-in', '/sign-up', '/seeds']) await visit(page, path, problems);
    const seed = await page
      .locator('main a[href^="/seeds/"]')
      .first()
      .getAttribute('href')
      .catch(() => null);
    if (seed) await visit(page, seed, problems);
    expect(problems).toEqual([]);
  });
}
