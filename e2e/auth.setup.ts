import fs from 'node:fs';
import path from 'node:path';
import { type Account, accounts, expect, randomIp, test as setup, signIn, storageStateOf } from './support/fixtures';

// Signs each demo account in once per run through the sign-in form, checks it lands on its own page
// (every role on its home page, the account awaiting verification on its account page), and keeps
// its cookies (the session, and the language the user chose) for the specs' `session(account)` fixture,
// so no spec repeats the sign-in. Without JavaScript: the form posts all the same (progressive
// enhancement) and the browser need not run each landing page's scripts; e2e/accounts.spec.ts tests the
// form with them, its failures, limits and sign-out.
for (const account of Object.keys(accounts) as Account[]) {
  setup(`sign in as ${account}`, async ({ newContext }) => {
    const context = await newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'x-forwarded-for': randomIp() } });
    const page = await context.newPage();
    await signIn(page, accounts[account]);
    // a sign-in took over 10 s on a loaded two-core machine
    await expect(page).toHaveURL(account === 'unverified' ? /\/account$/ : /\/home$/, { timeout: 60_000 });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    fs.mkdirSync(path.dirname(storageStateOf(account)), { recursive: true });
    await context.storageState({ path: storageStateOf(account) });
  });
}
