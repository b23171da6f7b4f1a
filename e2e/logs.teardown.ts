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
  for (const r of requests) {
    expect(r).toMatchObject({
      requestId: expect.any(String),
      route: expect.stringMatching(/^\//),
      method: expect.any(String),
    });
    expect(r.status).toEqual(expect.any(Number));
    expect(r.durationMs).toEqual(expect.any(Number));
    expect(String(r.route)).not.toContain('?'); // query strings hold search words and e-mail addresses
  }
  // signed-in pages name their user (by id); the sign-in page has none
  expect(requests.some((r) => typeof r.userId === 'string' && /^[0-9a-f-]{36}$/.test(r.userId))).toBe(true);
  expect(requests.some((r) => r.route === '/sign-in' && r.userId === undefined)).toBe(true);
  // background jobs (re-matching after a listing changes, the mail sender) log their runs
  const jobs = lines.filter((l) => l.msg === 'job' || l.msg === 'job failed');
  expect(jobs.length).toBeGreaterThan(0);
  for (const j of jobs)
    expect(j).toMatchObject({ job: expect.any(String), jobId: expect.any(String), durationMs: expect.any(Number) });
});
