import crypto from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-pass-2026';
export const demo = {
  sme: 'sme@demo.test',
  researcher: 'researcher@demo.test',
  trading: 'trading@demo.test',
  lender: 'lender@demo.test',
  coordinator: 'coordinator@demo.test',
  admin: 'admin@demo.test',
} as const;
export type DemoRole = keyof typeof demo;

/** A fresh TEST-NET address per test, so per-IP sign-in limits of one test never touch another. */
const randomIp = () =>
  `198.51.100.${crypto.randomInt(1, 254)}, 10.${crypto.randomInt(0, 255)}.${crypto.randomInt(0, 255)}.${crypto.randomInt(1, 254)}`;

export const test = base.extend<{ ip: string }>({
  ip: async ({}, use) => use(randomIp()),
  context: async ({ context, ip }, use) => {
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': ip });
    // Client components get only the message namespaces their segment sends (ClientMessages):
    // one that translates a namespace its page did not send logs MISSING_MESSAGE in the browser.
    const missing: string[] = [];
    context.on('console', (message) => {
      if (message.type() === 'error' && /MISSING_MESSAGE|INSUFFICIENT_PATH/.test(message.text()))
        missing.push(`${message.page()?.url()}: ${message.text()}`);
    });
    await use(context);
    expect(missing, 'messages missing in the browser').toEqual([]);
  },
});
export { expect };

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel(/メールアドレス|E-mail address/).fill(email);
  await page.getByLabel(/^(パスワード|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(ログイン|Sign in)$/ }).click();
}

/** No serious or critical accessibility violations on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

export const uniqueEmail = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}@e2e.example`;
