import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { PgBoss } from 'pg-boss';
import postgres from 'postgres';
import { hashPassword } from '../lib/auth/password';
import { startSmtpCapture } from '../tests/support/smtp-capture';
import type { Page } from '@playwright/test';
import { expect, test, uniqueEmail } from './support/fixtures';
import { decodeMail, type Mail } from './support/mail';

// Scale-out (issue 18 item 2): two app servers — the production build, `node scripts/server.mjs` —
// on different ports against ONE Postgres database. Sessions made on one are valid on the other,
// a sign-out on one ends the session on both, a job runs exactly once, a mail is sent once and the
// sign-in limits are shared. Last, SIGTERM drains one of them (issue 18 item 5): the request in flight
// completes, new connections are refused, the job workers stop and the process exits 0.
//
// Why here and not in the integration project: it needs a production build, which takes minutes on
// this machine; the e2e stage builds one anyway (scripts/e2e-server.mjs), so this spec serves that
// same build twice more. It needs Postgres (the embedded database is one process's): it runs when
// DATABASE_URL is set, as in `npm test` / .ci/run, and makes its own fresh database there.

const base = Number(process.env.E2E_PORT ?? 3200);
const ports = [base + 2, base + 3];
const smtpPort = base + 1002;
const urls = ports.map((p) => `http://localhost:${p}`);
// queue names of lib/privacy/jobs.ts and lib/mail/transaction.ts (those modules are server-only)
const RETENTION_QUEUE = 'privacy.retention';
const MAIL_FLUSH_QUEUE = 'mail.flush';

test.describe.configure({ mode: 'serial', timeout: 600_000 });
test.skip(!process.env.DATABASE_URL, 'needs Postgres: set DATABASE_URL (npm test and .ci/run do)');

let databaseUrl = '';
let dbName = '';
const servers: ChildProcess[] = [];
const logs: string[][] = [[], []];
const mails: Mail[] = [];
let smtp: Awaited<ReturnType<typeof startSmtpCapture>> | null = null;

async function admin<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(process.env.DATABASE_URL as string, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end();
  }
}

async function healthy(url: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${url} never became healthy`);
}

test.beforeAll(async () => {
  dbName = `cm_scale_${crypto.randomUUID().slice(0, 8)}`;
  await admin((sql) => sql.unsafe(`create database ${dbName}`));
  const u = new URL(process.env.DATABASE_URL as string);
  u.pathname = `/${dbName}`;
  databaseUrl = u.toString();
  smtp = await startSmtpCapture(smtpPort, async (raw, to) => {
    mails.push(await decodeMail(raw, to));
  });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: crypto.randomBytes(32).toString('base64url'), // the one secret every instance shares
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    TRUSTED_PROXY_COUNT: '1',
    PGLITE_DIR: '',
    // the outbox flushed every 2 s by each server instead of every minute, so the spec sees many flushes in seconds
    MAIL_FLUSH_EVERY_SECONDS: '2',
  };
  // one at a time: the first applies the migrations, the second finds them applied
  for (const [i, port] of ports.entries()) {
    const server = spawn('node', [path.resolve('scripts/server.mjs'), String(port)], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (c) => logs[i].push(...String(c).split('\n')));
    server.stderr?.on('data', (c) => logs[i].push(...String(c).split('\n')));
    servers.push(server);
    await healthy(urls[i]);
  }
});

test.afterAll(async () => {
  for (const server of servers) server.kill('SIGTERM');
  await Promise.all(servers.map((s) => new Promise((r) => (s.exitCode !== null ? r(null) : s.once('exit', r)))));
  await smtp?.close();
  if (dbName) await admin((sql) => sql.unsafe(`drop database if exists ${dbName} with (force)`));
});

/**
 * A member of a verified organisation, written straight into the shared database: how the account came
 * to be is not this spec's subject (signing up is e2e/admin.spec.ts's), the sessions it signs in to are.
 */
async function createMember(prefix: string, password: string): Promise<string> {
  const email = uniqueEmail(prefix);
  const passwordHash = await hashPassword(password);
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [org] = await sql`insert into organisations (kind, name_ja, name_en, prefecture, verified)
                            values ('sme', 'スケール株式会社', ${`Scale ${email}`}, 'Shizuoka', true) returning id`;
    await sql`insert into users (email, name, password_hash, role, organisation_id, approved)
              values (${email}, 'Scale Out', ${passwordHash}, 'sme', ${org.id}, true)`;
  } finally {
    await sql.end();
  }
  return email;
}

/** The sign-in form of the server at `url`. */
async function signInAt(page: Page, url: string, email: string, password: string) {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel(/メールアドレス/).fill(email);
  await page.getByLabel(/^パスワード$/).fill(password);
  await page.getByRole('button', { name: /^ログイン$/ }).click();
}

test('a session made on one server is valid on the other; a sign-out on one ends it on both', async ({
  newContext,
}) => {
  const [a, b] = urls;
  const email = await createMember('scale', 'scale-out-password-1');
  const context = await newContext({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.21' } });
  const page = await context.newPage();
  // the session is made on A
  await signInAt(page, a, email, 'scale-out-password-1');
  await expect(page).toHaveURL(`${a}/home`, { timeout: 60_000 });

  // the same cookie, served by the other instance
  await page.goto(`${b}/account`);
  await expect(page).toHaveURL(`${b}/account`);
  await expect(page.getByText(email)).toBeVisible();
  const cookies = await context.cookies();

  // sign out on A; the cookie copied before is refused by B too (the session version is in the database)
  await page.goto(`${a}/account`);
  await page.getByRole('button', { name: 'ログアウト', exact: true }).click();
  await expect(page).toHaveURL(`${a}/`);
  const copy = await newContext();
  await copy.addCookies(cookies);
  const again = await copy.newPage();
  await again.goto(`${b}/account`);
  await expect(again).toHaveURL(/\/sign-in/);
});

test('sign-in limits are shared: failures on one server lock the account on the other', async ({ newContext }) => {
  const b = urls[1];
  const password = 'limits-password-12';
  const email = await createMember('limits', password);
  const ip = '198.51.100.22';
  const context = await newContext({ extraHTTPHeaders: { 'x-forwarded-for': ip } });
  const page = await context.newPage();
  const signIn = (url: string, pw: string) => signInAt(page, url, email, pw);
  // five failures alternate between the servers: each sees the other's count
  for (let i = 0; i < 5; i++) {
    await signIn(urls[i % 2], 'wrong-password-123');
    await expect(page.getByText(/メールアドレスまたはパスワードが正しくありません|試行回数が多すぎます/)).toBeVisible();
  }
  await signIn(b, password);
  await expect(page.getByText('試行回数が多すぎます。数分待ってからもう一度お試しください。')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a job runs exactly once and a mail is sent once, with both servers working the queue', async () => {
  // A job as any instance enqueues it (pg-boss in the shared database): the retention job logs one line when it runs.
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', supervise: false, schedule: false });
  await boss.start();
  const jobId = await boss.send(RETENTION_QUEUE, {});
  expect(jobId).toBeTruthy();

  // A mail in the outbox, due now: every instance's sender (after-commit flush and the minute schedule) may try it.
  const messageId = `<${crypto.randomUUID()}@scale.test>`;
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  await sql`insert into outbox_emails (to_address, locale, category, template, subject, text_body, message_id)
            values ('scale@test.example', 'en', 'transactional', 'scale', 'Scale-out', 'Once only.', ${messageId})`;
  await sql.end();
  await boss.send(MAIL_FLUSH_QUEUE, {});

  const state = async () => {
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const [job] = await sql`select state from pgboss.job where id = ${jobId as string}`;
      const [mail] = await sql`select status from outbox_emails where message_id = ${messageId}`;
      return { job: job?.state, mail: mail?.status };
    } finally {
      await sql.end();
    }
  };
  await expect.poll(state, { timeout: 240_000, intervals: [2000] }).toEqual({ job: 'completed', mail: 'sent' });
  // the servers' schedules keep flushing the outbox (every 2 s each here, every minute in production):
  // four more flushes after the delivery, and still one delivery
  const flushes = () =>
    logs.flat().filter((l) => l.includes('"job":"mail.flush"') && l.includes('"status":"completed"')).length;
  const delivered = flushes();
  await expect.poll(flushes, { timeout: 120_000, intervals: [1000] }).toBeGreaterThanOrEqual(delivered + 4);
  expect(mails.filter((m) => m.messageId === messageId)).toHaveLength(1);
  const ran = logs.map((lines) => lines.filter((l) => l.includes('"msg":"retention applied"')).length);
  expect(ran[0] + ran[1]).toBe(1);
  await boss.stop({ graceful: false });
});

test('SIGTERM: the request in flight completes, new connections are refused, the process exits cleanly', async () => {
  // a member with an API token, to have a write whose body the server waits for
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [org] = await sql`insert into organisations (kind, name_ja, name_en, prefecture, verified)
                          values ('sme', 'ドレイン株式会社', 'Drain Co', 'Aichi', true) returning id`;
  const [user] = await sql`insert into users (email, name, password_hash, role, organisation_id, approved)
                           values (${uniqueEmail('drain')}, 'Drain', '!', 'sme', ${org.id}, true) returning id`;
  const token = `cm_${crypto.randomBytes(32).toString('base64url')}`;
  const hash = crypto.createHash('sha256').update(token).digest('hex');
  await sql`insert into api_tokens (user_id, name, token_hash, prefix) values (${user.id}, 'drain', ${hash}, ${token.slice(0, 9)})`;
  await sql.end();

  const body = Buffer.from(
    JSON.stringify({
      intent: 'draft',
      language: 'en',
      title: 'Written while the server drains',
      summary: 'Find leaks in 3 km of piping while production runs.',
      domain: 'environment_energy',
      keywords: ['leak detection'],
      visibility: 'members',
    }),
  );
  const half = Math.floor(body.length / 2);
  const server = servers[1];
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
  let request: http.ClientRequest | undefined;
  const connected = new Promise<void>((resolve) => {
    request = http.request(`${urls[1]}/api/v1/needs`, {
      method: 'POST',
      agent: false,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': String(body.length),
        'accept-language': 'en',
      },
    });
    request.on('socket', (socket) => socket.once('connect', () => resolve()));
  });
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    request?.on('error', reject);
    request?.on('response', (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
  });
  request?.write(body.subarray(0, half)); // headers and half the body: the request is in flight
  await connected;
  await new Promise((r) => setTimeout(r, 3000)); // let the server take the connection in

  server.kill('SIGTERM');
  const reachable = async () => {
    try {
      await fetch(`${urls[1]}/api/live`, { cache: 'no-store' });
      return 'served';
    } catch {
      return 'refused';
    }
  };
  await expect.poll(reachable, { timeout: 20_000 }).toBe('refused');

  request?.end(body.subarray(half));
  const res = await response;
  expect(res.status, res.text).toBe(201);
  expect(await exited).toBe(0);
  expect(logs[1].some((l) => l.includes('job workers stopped'))).toBe(true);
  // the other instance serves on
  expect((await fetch(`${urls[0]}/api/live`)).status).toBe(200);
});
