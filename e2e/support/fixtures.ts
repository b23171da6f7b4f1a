import crypto from 'node:crypto';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { signUpLinkOf } from './mail';
import { test as base, type BrowserContext, type BrowserContextOptions, expect, type Page } from '@playwright/test';
import { CHECK_INS_COORDINATOR, CHECK_INS_SME } from './check-ins-fixture';
import { UNRELATED_LENDER } from './funding-fixture';
import { type MemberKey, memberDetails } from './members-fixture';

const DEMO_PASSWORD = 'demo-pass-2026';
/** The main demo accounts, one per role (scripts/seed/demo-data.ts). */
export const demo = {
  sme: 'sme@demo.test',
  researcher: 'researcher@demo.test',
  trading: 'trading@demo.test',
  lender: 'lender@demo.test',
  coordinator: 'coordinator@demo.test',
  admin: 'admin@demo.test',
} as const;
/**
 * Every account a spec signs in as: the roles, the second Kyushu/Kansai accounts, one awaiting
 * verification, the lender of another bank that e2e/funding-privacy.spec.ts shares nothing with
 * (scripts/seed-e2e-funding.ts), and the coordinator and SME of e2e/check-ins.spec.ts's own cluster
 * (scripts/seed-e2e-check-ins.ts).
 */
export const accounts = {
  ...demo,
  sme2: 'sme2@demo.test',
  researcher2: 'researcher2@demo.test',
  coordinator2: 'coordinator2@demo.test',
  unverified: 'pending@demo.test',
  lender2: UNRELATED_LENDER,
  checkInsCoordinator: CHECK_INS_COORDINATOR,
  checkInsSme: CHECK_INS_SME,
} as const;
export type Account = keyof typeof accounts;

/** Where e2e/auth.setup.ts keeps each account's signed-in browser state (cookies), per server port. */
export const storageStateOf = (account: Account) =>
  path.resolve(`.data/e2e-auth-${process.env.E2E_PORT ?? 3200}/${account}.json`);

/** A fresh TEST-NET address per browser, so per-IP sign-in limits of one test never touch another. */
export const randomIp = () =>
  `198.51.100.${crypto.randomInt(1, 254)}, 10.${crypto.randomInt(0, 255)}.${crypto.randomInt(0, 255)}.${crypto.randomInt(1, 254)}`;

export const uniqueEmail = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}@e2e.example`;

/**
 * Client components get only the message namespaces their segment sends (ClientMessages): one that
 * translates a namespace its page did not send logs MISSING_MESSAGE in the browser.
 */
function watchMessages(context: BrowserContext, missing: string[]) {
  context.on('console', (message) => {
    if (message.type() === 'error' && /MISSING_MESSAGE|INSUFFICIENT_PATH/.test(message.text()))
      missing.push(`${message.page()?.url()}: ${message.text()}`);
  });
}

/**
 * A page whose server HTML and first client render differ (React's hydration errors: #418 text, #423 root,
 * #425 text content) is rebuilt in the browser and logs an error; e.g. a name formatted by the server's ICU
 * and the browser's differently. Any such error fails the test.
 */
function watchHydration(context: BrowserContext, errors: string[]) {
  context.on('weberror', (webError) => {
    const message = webError.error().message;
    if (
      /Minified React error #(418|423|425)\b|Hydration failed|hydrat(ed|ion) .*(mismatch|didn't match)/i.test(message)
    )
      errors.push(`${webError.page()?.url()}: ${message.slice(0, 200)}`);
  });
}

declare global {
  interface Window {
    /** exposed by watchCsp to the pages under test */
    __cspViolation?: (text: string) => void;
  }
}

/** Any Content-Security-Policy violation (a blocked script, style, frame or form target) fails the test. */
async function watchCsp(context: BrowserContext, violations: string[]) {
  await context.exposeBinding('__cspViolation', ({ page }, text: string) => {
    violations.push(`${page?.url()}: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolation?.(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
}

type SessionOptions = Pick<BrowserContextOptions, 'locale' | 'timezoneId' | 'viewport' | 'javaScriptEnabled'>;
type Member = { email: string; password: string; name: string; organisation: string; page: Page };

type Fixtures = {
  ip: string;
  /**
   * A browser context of its own (own cookies), watched like the test's `page`: a CSP violation or a
   * missing message in it fails the test. Closed after the test. Specs use this, never browser.newContext
   * (tests/security/e2e-guards.test.ts checks).
   */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  /** A page in a browser of its own (own cookies and IP), already signed in as a demo account. */
  session: (account: Account, options?: SessionOptions) => Promise<Page>;
  /**
   * The test's own member (e2e/support/members-fixture.ts: seeded with a new organisation, verified or
   * not), signed in with its password in a browser of its own (own cookies and IP), on its account page.
   */
  member: (key: MemberKey) => Promise<Member>;
};

export const test = base.extend<Fixtures & { missing: string[]; cspViolations: string[]; hydrationErrors: string[] }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  missing: async ({}, use) => {
    const missing: string[] = [];
    await use(missing);
    expect(missing, 'messages missing in the browser').toEqual([]);
  },
  // biome-ignore lint/correctness/noEmptyPattern: as above
  cspViolations: async ({}, use) => {
    const violations: string[] = [];
    await use(violations);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
  },
  // biome-ignore lint/correctness/noEmptyPattern: as above
  hydrationErrors: async ({}, use) => {
    const errors: string[] = [];
    await use(errors);
    expect(errors, 'pages whose server HTML the browser could not hydrate').toEqual([]);
  },
  // biome-ignore lint/correctness/noEmptyPattern: as above
  ip: async ({}, use) => use(randomIp()),
  context: async ({ context, ip, missing, cspViolations, hydrationErrors }, use) => {
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': ip });
    watchMessages(context, missing);
    watchHydration(context, hydrationErrors);
    await watchCsp(context, cspViolations);
    await use(context);
  },
  newContext: async ({ browser, missing, cspViolations, hydrationErrors }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options = {}) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      watchMessages(context, missing);
      watchHydration(context, hydrationErrors);
      await watchCsp(context, cspViolations);
      return context;
    });
    for (const context of contexts) await context.close();
  },
  session: async ({ newContext }, use) => {
    await use(async (account, options = {}) => {
      const context = await newContext({
        storageState: storageStateOf(account),
        extraHTTPHeaders: { 'x-forwarded-for': randomIp() },
        locale: 'ja-JP',
        ...options,
      });
      return context.newPage();
    });
  },
  member: async ({ newContext }, use, testInfo) => {
    await use(async (key) => {
      testInfo.setTimeout(testInfo.timeout + 60_000); // a password check: up to a minute on a loaded machine
      const member = memberDetails(key);
      const context = await newContext({ extraHTTPHeaders: { 'x-forwarded-for': randomIp() } });
      await signInWithoutForm(context, member.email, member.password);
      const page = await context.newPage();
      await page.goto('/account');
      await expect(page).toHaveURL(/\/account$/);
      return { ...member, page };
    });
  },
});
export { expect };

/**
 * After the sign-up form: the page says to check the mail; the link mailed to `email` (found by
 * `linkOf`, by default in the run's capture) is followed on the same server and the password typed
 * again, which lands on the new account's page.
 */
export async function confirmSignUp(
  page: Page,
  email: string,
  password: string,
  linkOf: (email: string) => string = signUpLinkOf,
) {
  await expect(page).toHaveURL(/\/sign-up\/check-mail$/, { timeout: 60_000 }); // hashing is slow on a loaded machine
  await expect(page.getByText(/メールアドレスにメッセージを送りました|We have sent a message/)).toBeVisible();
  await expect.poll(() => linkOf(email), { timeout: 60_000 }).not.toBe('');
  const origin = new URL(page.url()).origin;
  await page.goto(`${origin}${linkOf(email)}`); // a path: the server's APP_URL may not be this page's server
  await page.getByLabel(/^(パスワード|Password)$/).fill(password);
  await page.getByRole('button', { name: /アカウントを作成する|Create my account/ }).click();
  await expect(page).toHaveURL(/\/account/, { timeout: 60_000 });
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel(/メールアドレス|E-mail address/).fill(email);
  await page.getByLabel(/^(パスワード|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(ログイン|Sign in)$/ }).click();
}

/**
 * Signs in through Auth.js's own endpoint, as the sign-in form's action does (the same password check,
 * sign-in limits and session cookie), without loading the form: for set-ups whose subject is not the
 * sign-in. The cookie lands in `context`.
 */
export async function signInWithoutForm(context: BrowserContext, email: string, password: string) {
  const { csrfToken } = await (await context.request.get('/api/auth/csrf')).json();
  const response = await context.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, callbackUrl: '/account' },
    maxRedirects: 0,
    timeout: 60_000, // a password check: seconds on a loaded two-core machine
  });
  // success and refusal both redirect; a refusal's names an error
  expect(response.status(), await response.text()).toBe(302);
  expect(response.headers().location).not.toMatch(/error=/);
  expect((await context.cookies()).some((c) => /authjs\.session-token/.test(c.name))).toBe(true);
}

/**
 * Signs a new organisation's founder up through the browser: the form, the link mailed to them, the
 * password typed again; lands on the new account's page (e2e/admin.spec.ts; most tests take a seeded
 * `member` instead).
 */
export async function signUpNewOrganisation(page: Page, kind: 'sme' | 'university' = 'sme') {
  const tag = crypto.randomUUID().slice(0, 8);
  const member = {
    email: uniqueEmail(`member-${kind}`),
    password: `pass-${tag}-long-enough`,
    name: `会員 ${tag}`,
    organisation: `E2E Member ${tag}`,
  };
  await page.goto('/sign-up');
  await page.getByLabel(/メールアドレス/).fill(member.email);
  await page.getByLabel('氏名').fill(member.name);
  await page.getByLabel(/^パスワード/).fill(member.password);
  await page.getByLabel('新しい組織を登録する').check();
  await page.getByLabel('組織の種類').selectOption(kind);
  await page.getByLabel('都道府県').selectOption('Shizuoka');
  await page.getByLabel('名称(日本語)').fill(`${member.organisation} 株式会社`);
  await page.getByLabel('名称(英語)').fill(member.organisation);
  await page.getByRole('button', { name: 'アカウントを作成' }).click();
  await confirmSignUp(page, member.email, member.password);
  return member;
}

/**
 * No serious or critical accessibility violations on the current page. Legacy mode runs axe once in the
 * page itself instead of collecting per-frame results and merging them in a second, blank page: our pages
 * have no frames, and the merge page made each check 2.5-3x slower (5.2 s → 1.8 s on the programme
 * dashboard, quiet machine).
 */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}
