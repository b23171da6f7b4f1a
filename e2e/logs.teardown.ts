import fs from 'node:fs';
import path from 'node:path';
import { test as teardown } from '@playwright/test';
import { expect } from './support/fixtures';

// After every spec has run (the teardown of the 'setup' project): the server's log of the whole run
// (scripts/e2e-server.mjs writes its stdout and stderr to this file) has a structured line for every
// request and job, and nothing secret or personal from the flows above: no password, session cookie,
// API token, nor any demo person's e-mail, phone or name (the sentinel contacts of the seed data).
const logFile = path.resolve(`.data/e2e-server-${process.env.E2E_PORT ?? 3200}.log`);

const forbidden: [string, RegExp][] = [
  ['the demo password', /demo-pass-2026/],
  ['a test member’s password', /pass-[0-9a-f]{8}-long-enough/],
  ['an API token', /cm_[A-Za-z0-9_-]{20,}/],
  ['a session cookie', /authjs\.session-token=|eyJ[\w-]{10,}\.[\w-]{10,}/],
  ['an e-mail address', /[\w.+-]+@(demo\.test|e2e\.example)/],
  ['a phone number', /0\d{1,2}-000-\d{4}/],
  ['a person’s name', /山田 花子|佐藤 健一|鈴木 一郎|高橋 真理|中村 翔|Aiko Tanaka|Kenji Mori|松本 大輔/],
];

teardown('the server log has a line per request and job, and nothing secret or personal', () => {
  const text = fs.readFileSync(logFile, 'utf8');
  for (const [what, pattern] of forbidden) expect(text.match(pattern)?.[0], `${what} in ${logFile}`).toBeUndefined();

  const lines = text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const requests = lines.filter((l) => l.msg === 'request');
  expect(requests.length).toBeGreaterThan(20);
  // one assertion over all lines (tens of thousands of expect calls took 20 s at the end of the run)
  const malformed = requests.filter(
    (r) =>
      typeof r.requestId !== 'string' ||
      typeof r.method !== 'string' ||
      typeof r.status !== 'number' ||
      typeof r.durationMs !== 'number' ||
      typeof r.route !== 'string' ||
      !r.route.startsWith('/') ||
      r.route.includes('?'), // query strings hold search words and e-mail addresses
  );
  expect(malformed.slice(0, 5), 'request lines without an id, method, status, duration or a clean route').toEqual([]);
  // signed-in pages name their user (by id); the sign-in page has none
  expect(requests.some((r) => typeof r.userId === 'string' && /^[0-9a-f-]{36}$/.test(r.userId))).toBe(true);
  expect(requests.some((r) => r.route === '/sign-in' && r.userId === undefined)).toBe(true);
  // background jobs (re-matching after a listing changes, the mail sender) log their runs
  const jobs = lines.filter((l) => l.msg === 'job' || l.msg === 'job failed');
  expect(jobs.length).toBeGreaterThan(0);
  const malformedJobs = jobs.filter(
    (j) => typeof j.job !== 'string' || typeof j.jobId !== 'string' || typeof j.durationMs !== 'number',
  );
  expect(malformedJobs.slice(0, 5), 'job lines without a name, id or duration').toEqual([]);
});
