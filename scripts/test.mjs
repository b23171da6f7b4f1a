#!/usr/bin/env node
// `npm test`: every check and test, in order — type check, dependency rules, dead code and lint,
// unit tests, integration tests, browser tests. On a fresh Debian machine it first gets what
// the tests need: a recent enough Node (see ensure-node.mjs) and, as root, Debian's Chromium.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { ensureNode } from './ensure-node.mjs';

ensureNode('scripts/test.mjs');

const run = (cmd, args) => {
  console.log(`\n> ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!fs.existsSync('node_modules/.package-lock.json')) run('npm', ['ci', '--no-audit', '--no-fund']);

// Playwright's own Chromium when installed (playwright.config.ts), Debian's otherwise.
const { chromium } = await import('@playwright/test');
const playwrightBrowser = (() => {
  try {
    return fs.existsSync(chromium.executablePath());
  } catch {
    return false;
  }
})();
if (!playwrightBrowser && !fs.existsSync('/usr/bin/chromium-headless-shell')) {
  if (process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium-headless-shell', 'fonts-noto-cjk']);
  } else if (!fs.existsSync('/usr/bin/chromium')) {
    console.error(
      'The browser tests need Chromium: `npx playwright install chromium` or `apt-get install chromium-headless-shell fonts-noto-cjk`.',
    );
    process.exit(1);
  }
}

for (const script of ['check', 'test:unit', 'test:integration', 'test:e2e']) run('npm', ['run', script]);
