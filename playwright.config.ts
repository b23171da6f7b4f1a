import fs from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3200);
const baseURL = `http://localhost:${port}`;
// The web server sends mail by SMTP to a capture server that globalSetup runs for the whole run
// (e2e/support/mail.ts; specs read what it received).
process.env.SMTP_URL ??= `smtp://127.0.0.1:${port + 1000}`;

// Playwright's own Chromium where installed; Debian's otherwise (it cannot download here): its headless
// shell, which is what Playwright itself runs headless tests in (the full browser took twice as long over
// the same pages on two cores), else the full browser.
const bundled = (() => {
  try {
    return fs.existsSync(chromium.executablePath());
  } catch {
    return false;
  }
})();
const executablePath = bundled
  ? undefined
  : ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => fs.existsSync(path));

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  timeout: 120_000,
  // an action and the page's refresh after it took over 10 s at load average ~25 on two cores
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    locale: 'ja-JP',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // signs each demo account in once; the specs' session(account) fixture reuses its cookies
    // …and after every spec, 'logs' reads the server's log of the run (e2e/logs.teardown.ts)
    { name: 'setup', testMatch: /auth\.setup\.ts$/, teardown: 'logs' },
    { name: 'logs', testMatch: /logs\.teardown\.ts$/ },
    { name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined }, dependencies: ['setup'] },
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${baseURL}/api/health`,
    // seed + production build + start: minutes on a loaded 2-core machine (over 10 at load average ~28)
    timeout: 1_200_000,
    // Never reuse a server silently (it may be another run's, on an old build or database):
    // E2E_REUSE_SERVER=1 opts in, e.g. to a server you started yourself with scripts/e2e-server.mjs.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
    env: { E2E_PORT: String(port), SMTP_URL: process.env.SMTP_URL },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
