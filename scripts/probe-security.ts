/**
 * A bounded re-run of the outside security probe of issue 12, by hand, against a production build on real
 * Postgres with the demo and e2e seed (`npx tsx scripts/seed/index.ts && npx tsx scripts/seed-e2e.ts`):
 *
 *   npx next build
 *   PORT=3315 WEB_CONCURRENCY=1 AUTH_TRUST_HOST=true DISABLE_BACKGROUND_JOBS=1 DATABASE_URL=… AUTH_SECRET=… npm start
 *   PROBE_URL=http://127.0.0.1:3315 DATABASE_URL=… AUTH_SECRET=… npx tsx scripts/probe-security.ts
 *
 * It writes its own fixtures into that database (fresh organisations, people, listings and matches; run it on a
 * throwaway database) and prints one table of counts — tried / refused (4xx) / 5xx / leaks or executed scripts:
 *   (a) contacts: a match in each of the 8 states between two fresh parties whose e-mail and phone are sentinels;
 *       12 viewers (anonymous, 9 demo accounts, both parties) fetch its pages as HTML and as RSC payloads and the
 *       API with their own tokens; a sentinel seen where it must not be (a third party, ever; anyone before the
 *       introduction) is a leak;
 *   (b) SQL injection: classic payloads (quotes, UNION, boolean and time based) in every search and API parameter;
 *       a 5xx, SQL error text in the answer or a slow answer (over 2.5 s and 5× the clean request) is counted;
 *   (c) XSS: payloads in every text field of a listing pair, their organisations and people; ~60 pages rendered in
 *       Chromium; any payload that runs sets window.__xss;
 *   (d) load: PROBE_CONNECTIONS (50) connections for PROBE_LOAD_SECONDS (60) over a mix of pages and API;
 *   (e) fuzz: PROBE_FUZZ (1,800) random or malformed requests through the real handlers; the server must stay up.
 * Speed figures depend on the machine: the load average is printed beside them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { eq, sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { closeDb, getDb } from '@/db';
import { clusters, organisationClusters, organisations, users } from '@/db/schema/accounts';
import { apiTokens } from '@/db/schema/integrations';
import { needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import { matchStatuses, type MatchStatus } from '@/db/vocabulary/matching';
import { buildSearchText } from '@/lib/listings/search-text';

declare global {
  interface Window {
    /** set by an XSS payload that ran */
    __xss?: number;
  }
}

const BASE = (process.env.PROBE_URL ?? 'http://127.0.0.1:3315').replace(/\/$/, '');
const CONNECTIONS = Number(process.env.PROBE_CONNECTIONS ?? 50);
const LOAD_SECONDS = Number(process.env.PROBE_LOAD_SECONDS ?? 60);
const FUZZ = Number(process.env.PROBE_FUZZ ?? 1_800);
const secret = process.env.AUTH_SECRET;
if (!secret) throw new Error('AUTH_SECRET must be set (the same as the server’s)');
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL must be set (the database the server reads)');

const RUN = Date.now().toString(36);
const DEMO = ['sme', 'sme2', 'researcher', 'researcher2', 'trading', 'lender', 'coordinator', 'coordinator2', 'admin'];
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

type Row = {
  probe: string;
  tried: number;
  refused: number;
  ok: number;
  errors5xx: number;
  findings: number;
  note: string;
};
const table: Row[] = [];
const line = (r: Row) =>
  `| ${r.probe} | ${r.tried} | ${r.refused} | ${r.ok} | ${r.errors5xx} | ${r.findings} | ${r.note} |`;
/** Each probe's row as soon as it is done (a later failure keeps the earlier rows), and the whole table at the end. */
function report(row: Row) {
  table.push(row);
  console.log(line(row));
}
type Caller = { name: string; userId: string | null; cookie: string | null; token: string | null };

async function cookieFor(userId: string, sessionVersion: number): Promise<string> {
  const name = BASE.startsWith('https') ? '__Secure-authjs.session-token' : 'authjs.session-token';
  const token = await encode({ token: { sub: userId, sv: sessionVersion }, secret: secret!, salt: name, maxAge: 7200 });
  return `${name}=${token}`;
}

async function callerFor(email: string, name = email.split('@')[0]): Promise<Caller> {
  const db = await getDb();
  const [u] = await db.select({ id: users.id, sv: users.sessionVersion }).from(users).where(eq(users.email, email));
  if (!u) throw new Error(`no user ${email}: seed the demo data first`);
  const { token, hash, prefix } = generateToken();
  await db.insert(apiTokens).values({ userId: u.id, name: `probe ${RUN}`, tokenHash: hash, prefix });
  return { name, userId: u.id, cookie: await cookieFor(u.id, u.sv), token };
}

/** An API token as lib/api/tokens makes one (that module is server-only): `cm_` + 32 random bytes, stored as sha256. */
function generateToken() {
  const token = `cm_${randomBytes(32).toString('base64url')}`;
  return { token, hash: createHash('sha256').update(token, 'utf8').digest('hex'), prefix: token.slice(0, 9) };
}

const anonymous: Caller = { name: 'anonymous', userId: null, cookie: null, token: null };

async function get(
  caller: Caller,
  path: string,
  opts: { rsc?: boolean; api?: boolean } = {},
): Promise<{ status: number; body: string; ms: number }> {
  const headers: Record<string, string> = {};
  if (opts.api) {
    if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  } else if (caller.cookie) headers.cookie = caller.cookie;
  if (opts.rsc) headers.RSC = '1';
  const started = performance.now();
  try {
    const res = await fetch(`${BASE}${path}`, { headers, redirect: 'manual' });
    const body = await res.text();
    return { status: res.status, body, ms: performance.now() - started };
  } catch {
    return { status: 0, body: '', ms: performance.now() - started };
  }
}

// ---------------------------------------------------------------- fixtures

async function tokai(): Promise<string> {
  const db = await getDb();
  const [c] = await db
    .select({ id: clusters.id })
    .from(clusters)
    .where(
      sql`${clusters.id} in (select cluster_id from coordinator_clusters cc join users u on u.id = cc.user_id where u.email = 'coordinator@demo.test')`,
    )
    .limit(1);
  if (!c) throw new Error('the demo coordinator has no cluster: seed the demo data first');
  return c.id;
}

/** An organisation and its one member, with the given texts. */
async function party(
  kind: 'sme' | 'university',
  clusterId: string,
  t: { orgJa: string; orgEn: string; person: string; email: string; phone: string; website?: string },
) {
  const db = await getDb();
  const [org] = await db
    .insert(organisations)
    .values({
      kind,
      nameJa: t.orgJa,
      nameEn: t.orgEn,
      prefecture: '愛知県',
      verified: true,
      website: t.website ?? null,
    })
    .returning({ id: organisations.id });
  await db.insert(organisationClusters).values({ organisationId: org.id, clusterId });
  const [user] = await db
    .insert(users)
    .values({
      email: t.email,
      name: t.person,
      phone: t.phone,
      passwordHash: '!',
      role: kind === 'sme' ? 'sme' : 'researcher',
      organisationId: org.id,
      approved: true,
    })
    .returning({ id: users.id, sv: users.sessionVersion });
  const { token, hash, prefix } = generateToken();
  await db.insert(apiTokens).values({ userId: user.id, name: `probe ${RUN}`, tokenHash: hash, prefix });
  const caller: Caller = {
    name: kind === 'sme' ? 'need owner' : 'seed owner',
    userId: user.id,
    cookie: await cookieFor(user.id, user.sv),
    token,
  };
  return { organisationId: org.id, userId: user.id, caller };
}

type ListingTexts = { title: string; summary: string; details: string; keyword: string; extra: string };

async function pair(
  clusterId: string,
  status: MatchStatus,
  sme: Awaited<ReturnType<typeof party>>,
  uni: Awaited<ReturnType<typeof party>>,
  t: ListingTexts,
) {
  const db = await getDb();
  const now = new Date();
  const common = {
    language: 'ja' as const,
    title: t.title,
    summary: t.summary,
    details: t.details,
    domain: 'manufacturing' as const,
    keywords: [t.keyword],
    status: 'open' as const,
    publishedAt: now,
    visibility: 'members' as const,
    searchText: buildSearchText({ title: t.title, summary: t.summary, keywords: [t.keyword] }),
  };
  const [need] = await db
    .insert(needs)
    .values({
      ...common,
      organisationId: sme.organisationId,
      createdBy: sme.userId,
      contactUserId: sme.userId,
      timeline: t.extra,
      regionPreference: t.extra,
      anonymousLabel: t.extra,
    })
    .returning({ id: needs.id });
  const [seed] = await db
    .insert(seeds)
    .values({
      ...common,
      organisationId: uni.organisationId,
      createdBy: uni.userId,
      contactUserId: uni.userId,
      leadResearcher: t.extra,
      advantages: t.extra,
      fieldOfUse: t.extra,
    })
    .returning({ id: seeds.id });
  const [match] = await db
    .insert(matches)
    .values({ kind: 'manual', needId: need.id, seedId: seed.id, clusterId, status, score: 0.5 })
    .returning({ id: matches.id });
  return { needId: need.id, seedId: seed.id, matchId: match.id };
}

// ---------------------------------------------------------------- (a) contacts

async function probeContacts(clusterId: string, demo: Record<string, Caller>) {
  let tried = 0;
  let leaks = 0;
  let refused = 0;
  let ok = 0;
  let errors = 0;
  const leakList: string[] = [];
  const revealed = (s: MatchStatus) => s === 'introduced' || s === 'closed';
  for (const [i, status] of matchStatuses.entries()) {
    const tag = `${RUN}${i}`;
    const sentinel = {
      need: { email: `leak-need-${tag}@probe.test`, phone: `099-${tag}-1111` },
      seed: { email: `leak-seed-${tag}@probe.test`, phone: `099-${tag}-2222` },
    };
    const sme = await party('sme', clusterId, {
      orgJa: `プローブ企業 ${tag}`,
      orgEn: `Probe firm ${tag}`,
      person: `probe need ${tag}`,
      ...sentinel.need,
    });
    const uni = await party('university', clusterId, {
      orgJa: `プローブ大学 ${tag}`,
      orgEn: `Probe university ${tag}`,
      person: `probe seed ${tag}`,
      ...sentinel.seed,
    });
    const ids = await pair(clusterId, status, sme, uni, {
      title: `漏洩確認ニーズ ${tag}`,
      summary: `連絡先の開示を確かめる ${tag}`,
      details: '',
      keyword: 'プローブ',
      extra: '',
    });
    const viewers: { caller: Caller; side: 'need' | 'seed' | null; privileged: boolean }[] = [
      { caller: anonymous, side: null, privileged: false },
      ...DEMO.map((d) => ({ caller: demo[d], side: null, privileged: d === 'coordinator' || d === 'admin' })),
      { caller: sme.caller, side: 'need' as const, privileged: false },
      { caller: uni.caller, side: 'seed' as const, privileged: false },
    ];
    const pages = [
      `/introductions/${ids.matchId}`,
      `/needs/${ids.needId}`,
      `/seeds/${ids.seedId}`,
      '/introductions',
      '/home',
    ];
    const apis = [
      `/api/v1/needs/${ids.needId}`,
      `/api/v1/seeds/${ids.seedId}`,
      `/api/v1/needs?q=${encodeURIComponent(`漏洩確認ニーズ ${tag}`)}`,
    ];
    for (const v of viewers) {
      // A party may see the other side once introduced (and its own details always); coordinator and admin see the
      // match's contacts once introduced. The cluster's coordinator sees a listing's contact person on the listing's
      // page and in the API in any state (lib/listings/disclosure: owner and coordinator see every field): not watched.
      const mayAfterIntro = v.side !== null || v.privileged;
      const watched = (['need', 'seed'] as const).filter((s) => s !== v.side && !(revealed(status) && mayAfterIntro));
      const fetches = [
        ...pages.map((p) => ({ p, r: get(v.caller, p) })),
        ...pages.map((p) => ({ p, r: get(v.caller, p, { rsc: true }) })),
        ...apis.map((p) => ({ p, r: get(v.caller, p, { api: true }) })),
      ];
      for (const { p, r: pending } of fetches) {
        const r = await pending;
        tried++;
        if (r.status >= 500 || r.status === 0) errors++;
        else if (r.status >= 400) refused++;
        else ok++;
        const listingPage = /^(\/api\/v1)?\/(needs|seeds)\/[0-9a-f-]{36}$/.test(p);
        if (v.caller === demo.coordinator && listingPage) continue;
        for (const side of watched) {
          if (r.body.includes(sentinel[side].email) || r.body.includes(sentinel[side].phone)) {
            leaks++;
            leakList.push(`${status} ${v.caller.name} ${p} ${side}`);
          }
        }
      }
    }
  }
  report({
    probe: '(a) contact leaks: 8 states × 12 viewers × (5 pages HTML + RSC, 3 API)',
    tried,
    refused,
    ok,
    errors5xx: errors,
    findings: leaks,
    note: leakList.slice(0, 5).join('; ') || 'leaks: 0',
  });
}

// ---------------------------------------------------------------- (b) SQL injection

const SQLI = [
  "'",
  "''",
  '"',
  "' OR '1'='1",
  "' OR 1=1--",
  '1 OR 1=1',
  "1' AND '1'='2",
  "') OR ('1'='1",
  "' UNION SELECT NULL--",
  "' UNION SELECT email, password_hash FROM users--",
  '1 UNION ALL SELECT NULL,NULL,NULL--',
  "'; DROP TABLE users;--",
  "'; SELECT pg_sleep(3)--",
  '1; SELECT pg_sleep(3)',
  "' AND 1=(SELECT 1 FROM pg_sleep(3))--",
  "1' AND (SELECT CASE WHEN (1=1) THEN pg_sleep(3) ELSE pg_sleep(0) END)--",
  '\\',
  '%27%20OR%201=1',
  "admin'--",
  '$1',
  '0x27',
  "' || (SELECT current_user) || '",
];

async function probeSqlInjection(demo: Record<string, Caller>) {
  const params = [
    'q',
    'domain',
    'trl',
    'ipStatus',
    'licensing',
    'royaltyMax',
    'territory',
    'prefecture',
    'cluster',
    'orgKind',
    'posted',
    'sort',
    'page',
  ];
  const targets: { caller: Caller; path: (p: string) => string; api?: boolean }[] = [];
  for (const param of params) {
    for (const base of ['/needs', '/seeds'])
      targets.push({ caller: demo.sme, path: (p) => `${base}?${param}=${encodeURIComponent(p)}` });
    for (const base of ['/api/v1/needs', '/api/v1/seeds'])
      targets.push({ caller: demo.researcher, api: true, path: (p) => `${base}?${param}=${encodeURIComponent(p)}` });
  }
  targets.push({ caller: anonymous, path: (p) => `/seeds?q=${encodeURIComponent(p)}` }); // the public seed list
  for (const base of ['/api/v1/needs/', '/api/v1/seeds/', '/needs/', '/seeds/', '/introductions/', '/organisations/'])
    targets.push({ caller: demo.admin, api: base.startsWith('/api'), path: (p) => `${base}${encodeURIComponent(p)}` });
  let tried = 0;
  let refused = 0;
  let ok = 0;
  let errors = 0;
  let anomalies = 0;
  const notes: string[] = [];
  for (const target of targets) {
    const clean = await get(target.caller, target.path('センサ'), { api: target.api });
    for (const payload of SQLI) {
      const r = await get(target.caller, target.path(payload), { api: target.api });
      tried++;
      if (r.status >= 500 || r.status === 0) {
        errors++;
        notes.push(`${r.status} ${target.path(payload)}`);
      } else if (r.status >= 400) refused++;
      else ok++;
      const sqlText =
        /syntax error at or near|unterminated quoted string|PostgresError|invalid input syntax for|relation "\w+" does not exist/i.test(
          r.body,
        );
      const slow = r.ms > 2_500 && r.ms > 5 * clean.ms;
      if (sqlText || slow) {
        anomalies++;
        notes.push(`${sqlText ? 'sql text' : `slow ${r.ms.toFixed(0)} ms`} ${target.path(payload)}`);
      }
    }
  }
  report({
    probe: `(b) SQL injection: ${SQLI.length} payloads × ${targets.length} parameters`,
    tried,
    refused,
    ok,
    errors5xx: errors,
    findings: anomalies,
    note: notes.slice(0, 5).join('; ') || 'SQL error text or time anomaly: 0',
  });
}

// ---------------------------------------------------------------- (c) XSS

const XSS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '"><svg onload=window.__xss=3>',
  '\'><iframe srcdoc="<script>parent.__xss=4</script>">',
  'javascript:window.__xss=5',
  '{{constructor.constructor("window.__xss=6")()}}',
  '</title><script>window.__xss=7</script>',
  '<a href="javascript:window.__xss=8">x</a>',
];

async function probeXss(clusterId: string, demo: Record<string, Caller>) {
  const tag = `${RUN}x`;
  const p = (i: number) => `XSS${tag} ${XSS[i % XSS.length]}`;
  const sme = await party('sme', clusterId, {
    orgJa: p(0),
    orgEn: p(1),
    person: p(2),
    email: `xss-need-${tag}@probe.test`,
    phone: p(3),
    website: 'javascript:window.__xss=9',
  });
  const uni = await party('university', clusterId, {
    orgJa: p(4),
    orgEn: p(5),
    person: p(6),
    email: `xss-seed-${tag}@probe.test`,
    phone: p(7),
  });
  const listings: { needId: string; seedId: string; matchId: string }[] = [];
  for (const [i, status] of (['proposed', 'introduced'] as const).entries()) {
    listings.push(
      await pair(clusterId, status, sme, uni, {
        title: p(i),
        summary: p(i + 1),
        details: p(i + 2),
        keyword: p(i + 3),
        extra: p(i + 4),
      }),
    );
  }
  const q = encodeURIComponent(`XSS${tag}`);
  const paths = (l: (typeof listings)[number]) => [
    `/needs/${l.needId}`,
    `/seeds/${l.seedId}`,
    `/introductions/${l.matchId}`,
  ];
  const visits: { caller: Caller; path: string }[] = [];
  for (const caller of [demo.coordinator, demo.admin, sme.caller, uni.caller]) {
    for (const l of listings) for (const path of paths(l)) visits.push({ caller, path });
    for (const path of ['/home', '/introductions', `/needs?q=${q}`, `/seeds?q=${q}`]) visits.push({ caller, path });
  }
  for (const caller of [demo.sme, demo.researcher, demo.trading, demo.lender]) {
    for (const path of [
      `/needs?q=${q}`,
      `/seeds?q=${q}`,
      `/needs/${listings[0].needId}`,
      `/seeds/${listings[0].seedId}`,
    ])
      visits.push({ caller, path });
  }
  visits.push(
    { caller: demo.coordinator, path: '/introductions/queue' },
    { caller: demo.admin, path: `/organisations/${sme.organisationId}` },
  );
  visits.push(
    { caller: demo.admin, path: `/organisations/${uni.organisationId}` },
    { caller: demo.admin, path: '/organisations' },
  );
  visits.push({ caller: demo.coordinator, path: '/listings/review' }, { caller: anonymous, path: `/seeds?q=${q}` });
  visits.push({ caller: demo.admin, path: `/users?q=${q}` }, { caller: demo.admin, path: '/audit' });

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  let executed = 0;
  let errors = 0;
  let refused = 0;
  let ok = 0;
  const notes: string[] = [];
  try {
    for (const visit of visits) {
      const context = await browser.newContext();
      if (visit.caller.cookie) {
        const [name, value] = visit.caller.cookie.split(/=(.*)/s);
        await context.addCookies([{ name, value, url: BASE }]);
      }
      const page = await context.newPage();
      let dialog = false;
      page.on('dialog', async (d) => {
        dialog = true;
        await d.dismiss();
      });
      const res = await page.goto(`${BASE}${visit.path}`, { waitUntil: 'load', timeout: 60_000 }).catch(() => null);
      const status = res?.status() ?? 0;
      if (status >= 500 || status === 0) errors++;
      else if (status >= 400) refused++;
      else ok++;
      await page.waitForTimeout(300);
      // follow every javascript: link the page offers (none should be rendered as one)
      const jsLinks = await page.locator('a[href^="javascript:" i]').count();
      const ran = await page.evaluate(() => window.__xss ?? 0);
      if (ran || dialog || jsLinks) {
        executed++;
        notes.push(
          `${visit.caller.name} ${visit.path}: ${ran ? `__xss=${ran}` : jsLinks ? `${jsLinks} javascript: links` : 'dialog'}`,
        );
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  report({
    probe: `(c) XSS: ${XSS.length} payloads in every text field, ${visits.length} pages in Chromium`,
    tried: visits.length,
    refused,
    ok,
    errors5xx: errors,
    findings: executed,
    note: notes.slice(0, 5).join('; ') || 'executed scripts / javascript: links: 0',
  });
}

// ---------------------------------------------------------------- (d) load

async function probeLoad(demo: Record<string, Caller>) {
  const mix: { caller: Caller; path: string; api?: boolean }[] = [
    { caller: anonymous, path: '/api/health' },
    { caller: anonymous, path: '/' },
    { caller: anonymous, path: '/seeds' },
    { caller: demo.sme, path: '/needs' },
    { caller: demo.sme, path: '/seeds?q=%E3%82%BB%E3%83%B3%E3%82%B5' },
    { caller: demo.researcher, path: '/home' },
    { caller: demo.coordinator, path: '/introductions/queue' },
    { caller: demo.trading, path: '/api/v1/needs?q=%E6%A4%9C%E7%9F%A5', api: true },
    { caller: demo.researcher, path: '/api/v1/seeds', api: true },
  ];
  const latencies: number[] = [];
  let errors = 0;
  let refused = 0;
  let ok = 0;
  const before = load();
  const end = performance.now() + LOAD_SECONDS * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, c) => {
      while (performance.now() < end) {
        const target = mix[(c + n++) % mix.length];
        const r = await get(target.caller, target.path, { api: target.api });
        latencies.push(r.ms);
        if (r.status >= 500 || r.status === 0) errors++;
        else if (r.status >= 400) refused++;
        else ok++;
      }
    }),
  );
  const s = latencies.sort((a, b) => a - b);
  const pct = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  report({
    probe: `(d) load: ${CONNECTIONS} connections × ${LOAD_SECONDS} s, ${mix.length} pages/API`,
    tried: s.length,
    refused,
    ok,
    errors5xx: errors,
    findings: errors,
    note: `p50 ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms, max ${s[s.length - 1].toFixed(0)} ms; load average before ${before}, after ${load()}`,
  });
}

// ---------------------------------------------------------------- (e) fuzz

/** encodeURIComponent, with a lone surrogate (which it refuses) sent as the bytes of one: bad UTF-8. */
function safeEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

/** A small seeded PRNG (mulberry32), so a run can be repeated with PROBE_SEED. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function probeFuzz(demo: Record<string, Caller>, ids: { needId: string; seedId: string }) {
  const rnd = prng(Number(process.env.PROBE_SEED ?? 12));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'PROPFIND', 'FOO'];
  const badSegments = [
    '%ED%A0%80',
    '%FF',
    '%C0%AF',
    '%00',
    '%E3%81',
    '..%2F..%2Fetc%2Fpasswd',
    '%25',
    'a'.repeat(3000),
    '%F0%9F%98',
    '\u0000'.replace('\u0000', '%00x'),
  ];
  const paths = [
    '/api/v1/needs',
    '/api/v1/seeds',
    `/api/v1/needs/${ids.needId}`,
    `/api/v1/seeds/${ids.seedId}`,
    '/api/v1/openapi.json',
    '/api/health',
    '/api/import',
    '/api/export',
    '/api/account/data',
    `/api/listings/needs/${ids.needId}/documents`,
    '/api/live',
  ];
  const huge = 'あ'.repeat(200_000);
  const strings = [
    '',
    ' ',
    'x',
    huge,
    'a\u0000b',
    '\uD800',
    '🚀'.repeat(500),
    '<script>',
    "' OR 1=1--",
    '１２３',
    '-1',
    '1e309',
    'null',
  ];
  const values = () =>
    pick<unknown>([
      pick(strings),
      Math.floor(rnd() * 1e9) - 5e8,
      rnd() < 0.5,
      null,
      [],
      {},
      [pick(strings)],
      { a: pick(strings) },
      Number.POSITIVE_INFINITY,
      -0.5,
    ]);
  const needFields = [
    'title',
    'summary',
    'details',
    'domain',
    'keywords',
    'trlMin',
    'trlMax',
    'budgetMinJpy',
    'visibility',
    'language',
    'intent',
    'prefecture',
    'partnerKinds',
    'ipRecords',
    'licensing',
    'trl',
  ];
  const body = (): { text: string | undefined; type: string | undefined } => {
    const k = rnd();
    if (k < 0.15) return { text: undefined, type: undefined };
    if (k < 0.3)
      return {
        text: pick(['{', '{"title":', '[1,2', 'null', '"x"', '{"a":1}}', '\u0000', huge]),
        type: 'application/json',
      };
    if (k < 0.4)
      return {
        text: 'title=x&summary=y',
        type: pick(['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=zz']),
      };
    const obj: Record<string, unknown> = {};
    for (const f of needFields) if (rnd() < 0.5) obj[f] = values();
    if (rnd() < 0.3)
      Object.assign(obj, {
        title: 'ファズ',
        summary: 'ファズ試験',
        domain: 'it',
        language: 'ja',
        visibility: 'members',
        intent: 'draft',
      });
    return {
      text: JSON.stringify(obj),
      type: rnd() < 0.9 ? 'application/json' : pick(['text/html', 'application/xml', '']),
    };
  };
  let refused = 0;
  let ok = 0;
  let errors = 0;
  let tried = 0;
  const notes: string[] = [];
  const nonJson = new Map<string, number>();
  for (let i = 0; i < FUZZ; i++) {
    const method = pick(methods);
    let path = pick(paths);
    if (rnd() < 0.25) path = `${path.replace(/\/[^/]*$/, '')}/${pick(badSegments)}`;
    if (rnd() < 0.3)
      path += `?${pick(['q', 'page', 'domain', 'trl', 'cursor', 'limit', 'x'])}=${safeEncode(String(values())).slice(0, 5000)}`;
    if (rnd() < 0.1) path += pick(['%00', '?q=%ED%A0%80', '?page=%FF', '?q=%00']);
    const caller = rnd() < 0.8 ? pick([demo.sme, demo.researcher, demo.trading, demo.admin]) : anonymous;
    const headers: Record<string, string> = { origin: BASE };
    if (rnd() < 0.7 && caller.token) headers.authorization = `Bearer ${caller.token}`;
    else if (rnd() < 0.5 && caller.cookie) headers.cookie = caller.cookie;
    else if (rnd() < 0.3)
      headers.authorization = pick(['Bearer ', 'Bearer cm_x', 'Basic Zm9vOmJhcg==', `Bearer ${'x'.repeat(4000)}`]);
    const b = ['GET', 'HEAD', 'OPTIONS'].includes(method) ? { text: undefined, type: undefined } : body();
    if (b.type !== undefined) headers['content-type'] = b.type;
    tried++;
    try {
      const res = await fetch(`${BASE}${path}`, { method, headers, body: b.text, redirect: 'manual' });
      await res.arrayBuffer();
      if (res.status >= 500) {
        errors++;
        notes.push(`${res.status} ${method} ${path.slice(0, 80)}`);
      } else if (res.status >= 400) {
        refused++;
        // the API answers its refusals in JSON; HEAD has no body and Node refuses an unknown method itself
        const json = res.headers.get('content-type')?.includes('application/json');
        if (!json && method !== 'HEAD' && method !== 'FOO') {
          const kind = `${method} ${res.status}`;
          nonJson.set(kind, (nonJson.get(kind) ?? 0) + 1);
        }
      } else ok++;
    } catch (error) {
      // Node's HTTP parser drops a made-up method before the app sees it: a refusal, not a failure
      if (method === 'FOO') refused++;
      else {
        errors++;
        notes.push(`network ${method} ${path.slice(0, 60)}: ${(error as Error).message}`);
      }
    }
  }
  const health = await get(anonymous, '/api/health');
  report({
    probe: `(e) API fuzz: ${FUZZ} random/malformed requests`,
    tried,
    refused,
    ok,
    errors5xx: errors,
    findings: errors + [...nonJson.values()].reduce((a, b) => a + b, 0),
    note: `${notes.slice(0, 4).join('; ') || '5xx: 0'}; refusals not in JSON: ${
      [...nonJson].map(([kind, n]) => `${kind} ×${n}`).join(', ') || '0'
    }; server up after: ${health.status === 200 ? 'yes' : `no (${health.status})`}`,
  });
}

// ---------------------------------------------------------------- main

async function main() {
  const up = await get(anonymous, '/api/health');
  if (up.status !== 200) throw new Error(`no server answering /api/health at ${BASE} (${up.status})`);
  console.log(`probe of ${BASE}, run ${RUN}; load average ${load()}`);
  const clusterId = await tokai();
  const demo: Record<string, Caller> = {};
  for (const d of DEMO) demo[d] = await callerFor(`${d}@demo.test`);
  const only = (process.env.PROBE_ONLY ?? 'abcde').split('');
  if (only.includes('a')) await probeContacts(clusterId, demo);
  console.log(`(a) done; load average ${load()}`);
  if (only.includes('b')) await probeSqlInjection(demo);
  console.log(`(b) done; load average ${load()}`);
  if (only.includes('c')) await probeXss(clusterId, demo);
  console.log(`(c) done; load average ${load()}`);
  if (only.includes('d')) await probeLoad(demo);
  console.log(`(d) done; load average ${load()}`);
  const [anyNeed] = await (await getDb()).select({ id: needs.id }).from(needs).limit(1);
  const [anySeed] = await (await getDb()).select({ id: seeds.id }).from(seeds).limit(1);
  if (only.includes('e')) await probeFuzz(demo, { needId: anyNeed.id, seedId: anySeed.id });
  console.log(`load average at the end ${load()}\n`);
  console.log('| probe | tried | refused (4xx) | 2xx/3xx | 5xx or no answer | leaks / findings | note |');
  console.log('|---|---:|---:|---:|---:|---:|---|');
  for (const r of table)
    console.log(`| ${r.probe} | ${r.tried} | ${r.refused} | ${r.ok} | ${r.errors5xx} | ${r.findings} | ${r.note} |`);
  if (table.some((r) => r.findings > 0 || r.errors5xx > 0)) process.exitCode = 1;
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
