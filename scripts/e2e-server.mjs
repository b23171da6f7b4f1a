#!/usr/bin/env node
// Serves a production build for the browser tests on a fresh database: DATABASE_URL when
// set (CI creates a fresh one), else a throwaway embedded database under .data/e2e-pglite.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const port = process.env.E2E_PORT || '3200';
// The browser tests play clients behind a proxy: each test sends its own X-Forwarded-For
// (e2e/support/fixtures.ts), so one test's sign-in limits never touch another's.
const env = { ...process.env, NODE_ENV: 'production', TRUSTED_PROXY_COUNT: '1' };
if (!env.DATABASE_URL) {
  env.PGLITE_DIR = path.resolve(`.data/e2e-pglite-${port}`);
  fs.rmSync(env.PGLITE_DIR, { recursive: true, force: true });
}
const run = (cmd, args, extra = {}) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...env, ...extra } });
    child.on('exit', (code) => (code === 0 ? resolve() : process.exit(code ?? 1)));
  });
const seed = () => run('npx', ['tsx', 'scripts/seed/index.ts']).then(() => run('npx', ['tsx', 'scripts/seed-e2e.ts']));
// The build skips the type check: `npm test` runs `npm run check` (tsc) before the browser tests.
const build = () =>
  process.env.E2E_SKIP_BUILD ? null : run('npx', ['next', 'build'], { NEXT_BUILD_SKIP_TYPECHECK: '1' });
// On Postgres the seed runs beside the build; the embedded database is one process's at a time, and
// the build opens it while it prerenders.
if (env.DATABASE_URL) await Promise.all([seed(), build()]);
else {
  await seed();
  await build();
}
// Everything the server writes goes to a file e2e/logs.teardown.ts reads after the run (nothing
// secret or personal may be in it); its stderr is shown as well.
const logFile = path.resolve(`.data/e2e-server-${port}.log`);
fs.mkdirSync(path.dirname(logFile), { recursive: true });
const log = fs.createWriteStream(logFile);
const server = spawn('node', ['scripts/server.mjs', port], { stdio: ['ignore', 'pipe', 'pipe'], env });
server.stdout.pipe(log);
server.stderr.on('data', (chunk) => {
  log.write(chunk);
  process.stderr.write(chunk);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
