import type { APIRequestContext, Page } from '@playwright/test';
import { readFundingFixture, type SentinelProposal, UNRELATED_LENDER } from './support/funding-fixture';
import { type Account, expect, test } from './support/fixtures';

// Who gets a funding proposal, read from real HTTP responses of the running server (issue 13,
// privacy): pages as HTML and as RSC payloads (`RSC: 1`, what the client router fetches), the
// document's direct address, the JSON API and the CSV exports. The proposals are seeded by
// scripts/seed-e2e-funding.ts with a sentinel in every private field — title, purpose, plan,
// repayment, the patent, the document's name and bytes, the lender's question, the SME's answer,
// the lender's evaluation notes — and odd numbers as the amount, revenue, profit and valuation.

const slow = { timeout: 30_000 };
const badge = (page: Page, text: string) => page.locator('.badge').filter({ hasText: new RegExp(`^${text}$`) });

/** Every sentinel of `p` found in `text`: tagged strings, and the numbers plain or with separators. */
function leaksOf(text: string, p: SentinelProposal): string[] {
  const found = new Set(text.match(new RegExp(`${p.tag}-[A-Za-z.-]+`, 'g')) ?? []);
  if (text.includes(p.tag)) found.add(p.tag);
  for (const [name, n] of Object.entries(p.numbers)) {
    const plain = new RegExp(`(?<![0-9a-f])${n}(?![0-9a-f])`, 'i');
    if (plain.test(text) || text.includes(n.toLocaleString('en-US'))) found.add(`${name} ${n}`);
  }
  return [...found];
}

type Got = { what: string; status: number; url: string; text: string };

/**
 * A URL as a browser's page load and as the client router's RSC request (`RSC: 1`; Next answers
 * it with a redirect to its cache-busting `?_rsc` address, which is followed), headers included.
 */
async function pageAndPayload(request: APIRequestContext, url: string): Promise<Got[]> {
  const out: Got[] = [];
  for (const [what, headers] of [
    ['HTML', {}],
    ['RSC', { RSC: '1' }],
  ] as const) {
    const response = await request.get(url, { headers });
    out.push({
      what: `${what} ${url}`,
      status: response.status(),
      url: new URL(response.url()).pathname,
      text: `${JSON.stringify(response.headers())}\n${await response.text()}`,
    });
  }
  return out;
}

/**
 * What a page answer amounts to: the page, a 404 that says nothing, or the sign-in page. An RSC
 * payload carries a not-found or a redirect as the digest of its error (its status stays 200).
 */
function outcome(r: Got): 'shown' | 'not found' | 'sign-in' {
  if (r.what.startsWith('RSC')) {
    if (r.text.includes('"digest":"NEXT_HTTP_ERROR_FALLBACK;404"')) return 'not found';
    if (r.text.includes('"digest":"NEXT_REDIRECT;replace;/sign-in;')) return 'sign-in';
    return 'shown';
  }
  if (r.status === 404) return 'not found';
  return r.url === '/sign-in' ? 'sign-in' : 'shown';
}

async function get(request: APIRequestContext, url: string, token?: string): Promise<Got> {
  const response = await request.get(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return {
    what: `GET ${url}`,
    status: response.status(),
    url: new URL(response.url()).pathname,
    text: `${JSON.stringify(response.headers())}\n${await response.text()}`,
  };
}

/** Pages that list, count or mention proposals, notices, activity or audit entries somewhere. */
const listPages = [
  '/home',
  '/funding',
  '/notifications',
  '/introductions',
  '/needs',
  '/seeds',
  '/programme',
  '/audit',
  '/audit?subject=funding_proposal',
  '/audit?action=funding.document_add',
  '/mail/outbox',
];
const apiUrls = (p: SentinelProposal) => ['/api/v1/needs', '/api/v1/seeds', `/api/v1/needs?q=${p.tag}`];
const exportUrls = ['/api/export?kind=needs', '/api/export?kind=seeds', '/api/programme/export'];

test('outside a proposal’s parties nobody gets any of it: pages, RSC payloads, the document, the API', async ({
  session,
  request: anonymous,
}) => {
  test.setTimeout(900_000); // some 40 requests for each of eight viewers on a loaded two-core machine
  const { proposals, tokens } = readFundingFixture();
  const p = proposals.A;
  const proposalPages = [`/funding/${p.id}`, `/funding/${p.id}/evaluation`, `/funding/${p.id}/edit`];
  const documentUrl = `/api/funding/${p.id}/documents/${p.documentId}`;
  const plain = (s: string) => `${p.tag}-${s}`;

  // The searches must be able to find something: the parties do get the sentinels, each its share.
  const sme = (await session('sme')).request;
  const owner = await pageAndPayload(sme, `/funding/${p.id}`);
  for (const got of owner) {
    expect(outcome(got), got.what).toBe('shown');
    expect(leaksOf(got.text, p), got.what).toEqual(
      expect.arrayContaining(
        ['TITLE', 'PURPOSE', 'REPAYMENT', 'PLAN', 'PATENT', 'NO', 'document.pdf', 'QUESTION', 'ANSWER'].map(plain),
      ),
    );
    expect(got.text, `${got.what}: the lender's evaluation is its own`).not.toContain(plain('EVALUATION'));
  }
  expect((await get(sme, documentUrl)).text).toContain(plain('DOCUMENT-CONTENT'));
  const lender = (await session('lender')).request;
  for (const got of await pageAndPayload(lender, `/funding/${p.id}/evaluation`)) {
    expect(outcome(got), got.what).toBe('shown');
    expect(leaksOf(got.text, p), got.what).toEqual(
      expect.arrayContaining([plain('EVALUATION'), `value ${p.numbers.value}`, `amount ${p.numbers.amount}`]),
    );
  }
  const coordinator = (await session('coordinator')).request;
  for (const got of await pageAndPayload(coordinator, `/funding/${p.id}`)) {
    expect(outcome(got), got.what).toBe('shown');
    expect(leaksOf(got.text, p), got.what).toEqual(expect.arrayContaining([plain('PLAN'), plain('document.pdf')]));
    expect(got.text, got.what).not.toContain(plain('EVALUATION'));
  }

  const outsiders: [string, Account | null, string | null][] = [
    ['a researcher who is not a party', 'researcher', 'researcher@demo.test'],
    ['a trading firm', 'trading', 'trading@demo.test'],
    ['a lender it was not shared with', 'lender2', UNRELATED_LENDER],
    ['a coordinator of another cluster', 'coordinator2', 'coordinator2@demo.test'],
    ['another company', 'sme2', 'sme2@demo.test'],
    ['the programme office', 'admin', 'admin@demo.test'],
    ['an anonymous visitor', null, null],
  ];
  for (const [who, account, email] of outsiders) {
    const request = account ? (await session(account)).request : anonymous;
    const got: Got[] = [];
    for (const url of proposalPages) {
      for (const r of await pageAndPayload(request, url)) {
        // signed in: a 404 that says nothing; anonymous: the sign-in page
        expect.soft(outcome(r), `${who}: ${r.what}`).toBe(account ? 'not found' : 'sign-in');
        got.push(r);
      }
    }
    const download = await get(request, documentUrl);
    expect.soft([401, 403, 404], `${who}: ${download.what} → ${download.status}`).toContain(download.status);
    got.push(download);
    for (const url of listPages) got.push(...(await pageAndPayload(request, url)));
    for (const url of apiUrls(p)) got.push(await get(request, url, email ? tokens[email] : undefined));
    for (const url of exportUrls) got.push(await get(request, url));
    for (const r of got) expect.soft(leaksOf(r.text, p), `${who}: ${r.what} (${r.status})`).toEqual([]);
    expect(got.length).toBeGreaterThan(30);
  }
});

test('withdrawn sharing ends the lender’s access at once; shared again, its evaluation is as it left it', async ({
  session,
}) => {
  test.setTimeout(600_000);
  const p = readFundingFixture().proposals.W;
  const lenderPage = await session('lender');
  const lender = lenderPage.request;
  const proposalPages = [`/funding/${p.id}`, `/funding/${p.id}/evaluation`];
  const documentUrl = `/api/funding/${p.id}/documents/${p.documentId}`;

  // shared: the lender reads the proposal, its document and its own evaluation
  for (const got of await pageAndPayload(lender, `/funding/${p.id}`)) {
    expect(outcome(got), got.what).toBe('shown');
    expect(got.text, got.what).toContain(`${p.tag}-PLAN`);
  }
  expect((await get(lender, documentUrl)).text).toContain(`${p.tag}-DOCUMENT-CONTENT`);
  await lenderPage.goto(`/funding/${p.id}/evaluation`);
  await expect(lenderPage.getByLabel('所見')).toHaveValue(`${p.tag}-EVALUATION`, slow);

  // the SME withdraws it from this lender
  const sme = await session('sme');
  await sme.goto(`/funding/${p.id}`);
  await sme.getByRole('button', { name: 'この金融機関への共有を取り下げる' }).click();
  await expect(badge(sme, '取り下げ')).toBeVisible(slow);

  // at once: nothing of it in any response to the lender (its past notices keep the title it was told)
  const got: Got[] = [];
  for (const url of proposalPages) {
    for (const r of await pageAndPayload(lender, url)) {
      expect.soft(outcome(r), r.what).toBe('not found');
      got.push(r);
    }
  }
  const download = await get(lender, documentUrl);
  expect.soft(download.status, download.what).toBe(404);
  got.push(download);
  for (const url of ['/home', '/funding']) got.push(...(await pageAndPayload(lender, url)));
  for (const r of got) expect.soft(leaksOf(r.text, p), `${r.what} (${r.status})`).toEqual([]);
  // the evaluation sheet the lender still has open can no longer be saved
  await lenderPage.getByLabel('所見').fill('after the withdrawal');
  await lenderPage.getByRole('button', { name: '評価を保存' }).click();
  await expect(lenderPage.getByRole('alert').filter({ hasText: '見つかりません。' })).toBeVisible(slow);

  // shared again: the lender's work was kept, not silently deleted
  await sme.getByRole('button', { name: 'もう一度共有' }).click();
  await expect(badge(sme, '受付')).toBeVisible(slow);
  await lenderPage.goto(`/funding/${p.id}/evaluation`);
  await expect(lenderPage.getByLabel('所見')).toHaveValue(`${p.tag}-EVALUATION`, slow);
  await expect(lenderPage.getByLabel('評価額（円）')).toHaveValue(/45,?362,?718/);
});
