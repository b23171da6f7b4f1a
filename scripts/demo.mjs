#!/usr/bin/env node
// `npm run demo`: install what is missing, prepare the embedded database with demo data,
// build, and serve http://localhost:${PORT:-3000}. Plain Node so it runs before `npm install`.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { ensureNode } from './ensure-node.mjs';

ensureNode('scripts/demo.mjs');

const port = process.env.PORT || '3000';
const run = (cmd, args, extraEnv = {}) => {
  console.log(`\n> ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (
  !fs.existsSync('node_modules/.package-lock.json') ||
  fs.statSync('package-lock.json').mtimeMs > fs.statSync('node_modules/.package-lock.json').mtimeMs
) {
  // npm ci can trip over platform-specific optional packages missing from a lockfile made
  // on another OS; npm install from the same lockfile is the fallback.
  const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (ci.status !== 0) run('npm', ['install', '--no-audit', '--no-fund']);
}

run('npx', ['tsx', 'scripts/seed/index.ts']);
run('npx', ['next', 'build']);

console.log(`\nClusterMatch is starting on http://localhost:${port}`);
// the same server as `npm start` (scripts/start.mjs: request logs, graceful stop), on the embedded database
// No mail server in the demo: the mails it writes (the sign-up link too) are shown at /demo-mailbox.
const demoEnv = {
  PORT: port,
  APP_URL: process.env.APP_URL || `http://localhost:${port}`,
  ...(process.env.SMTP_URL ? {} : { DEMO_MAILBOX: '1' }),
};
const server = spawn(process.execPath, ['scripts/start.mjs'], {
  stdio: 'inherit',
  env: { ...process.env, ...demoEnv },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
