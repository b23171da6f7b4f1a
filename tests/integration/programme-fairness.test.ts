import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { organisations } from '@/db/schema/accounts';
import { matchIntroductions } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import { programmeFairness } from '@/lib/programme/dashboard';
import { type FairnessReport, fairnessReport } from '@/lib/programme/fairness';
import { makeCluster, makeUser, unique } from '../support/factories';

// Fairness and coverage (issue 14 item 7) on a small programme whose every figure is counted by hand.
// Period April–June 2026. Cluster F:
//   s1  SME, 1-9 employees, Aichi:   needs n1 n2 n3 n4 (ja, manufacturing); n1 only matched (proposed)
//   s2  SME, 50-299, Osaka:          n5 (en, IT) introduced; n6 (ja, manufacturing, listed in Hyogo) introduced
//   u1  university, no band, Aichi:  seeds e1 (ja, manufacturing) introduced, e2 (en, IT) introduced
//   matches: n5–e1 introduced, n6–e2 introduced, n1–e2 proposed
//   not counted: s1's need of March, s1's draft
// Cluster G: g1 SME with one need n7, posted in May, never matched.
//
// F: 8 listings posted, 5 matched (n1 n5 n6 e1 e2), 4 introduced (n5 n6 e1 e2): rate 50 %.

let w: Awaited<ReturnType<typeof build>>;
const at = (iso: string) => new Date(iso);

async function build() {
  const db = await getDb();
  const F = await makeCluster();
  const G = await makeCluster();
  const admin = await makeUser('admin');
  const coordinatorG = await makeUser('coordinator', { coordinates: [G.id] });
  const org = async (
    role: 'sme' | 'researcher',
    cluster: string,
    band: '1-9' | '50-299' | null,
    prefecture: string,
  ) => {
    const u = await makeUser(role, { clusterIds: [cluster] });
    await db
      .update(organisations)
      .set({ employeeBand: band, prefecture })
      .where(eq(organisations.id, u.user.organisationId));
    return u;
  };
  const s1 = await org('sme', F.id, '1-9', 'Aichi');
  const s2 = await org('sme', F.id, '50-299', 'Osaka');
  const u1 = await org('researcher', F.id, null, 'Aichi');
  const g1 = await org('sme', G.id, '1-9', 'Fukuoka');

  type Owner = typeof s1;
  const listing = async (
    kind: 'need' | 'seed',
    owner: Owner,
    over: {
      language?: 'ja' | 'en';
      domain?: 'manufacturing' | 'it';
      prefecture?: string;
      publishedAt?: Date | null;
    } = {},
  ) => {
    const table = kind === 'need' ? needs : seeds;
    const publishedAt = over.publishedAt === undefined ? at('2026-05-01T00:00:00Z') : over.publishedAt;
    const [row] = await db
      .insert(table)
      .values({
        organisationId: owner.user.organisationId,
        createdBy: owner.user.id,
        language: over.language ?? 'ja',
        title: `${kind} ${unique()}`,
        summary: 's',
        domain: over.domain ?? 'manufacturing',
        prefecture: over.prefecture ?? null,
        status: publishedAt ? 'open' : 'draft',
        publishedAt,
      })
      .returning({ id: table.id });
    return row.id;
  };
  const n1 = await listing('need', s1);
  for (let i = 0; i < 3; i++) await listing('need', s1);
  await listing('need', s1, { publishedAt: at('2026-03-15T00:00:00Z') });
  await listing('need', s1, { publishedAt: null });
  const n5 = await listing('need', s2, { language: 'en', domain: 'it' });
  const n6 = await listing('need', s2, { prefecture: 'Hyogo' });
  const e1 = await listing('seed', u1);
  const e2 = await listing('seed', u1, { language: 'en', domain: 'it' });
  await listing('need', g1);

  const match = async (needId: string, seedId: string, introduced: boolean) => {
    const [m] = await db
      .insert(matches)
      .values({ kind: 'engine', needId, seedId, status: introduced ? 'introduced' : 'proposed' })
      .returning({ id: matches.id });
    if (introduced)
      await db.insert(matchIntroductions).values({ matchId: m.id, introducedAt: at('2026-06-01T00:00:00Z') });
  };
  await match(n5, e1, true);
  await match(n6, e2, true);
  await match(n1, e2, false);
  return { db, F, G, admin, coordinatorG };
}

beforeAll(async () => {
  await getDb();
  w = await build();
}, 180_000);

const period = { from: '2026-04-01', to: '2026-06-30' };
const groups = (r: FairnessReport, dimension: keyof FairnessReport['dimensions']) =>
  r.dimensions[dimension].map((g) => [
    g.key,
    g.posted,
    g.matched,
    g.introduced,
    Math.round(g.rate * 1000) / 1000,
    g.flagged,
  ]);

describe('fairness and coverage', () => {
  it('counts listings posted, matched and introduced per group, and flags the group well below the overall rate', async () => {
    const r = await fairnessReport(w.db, { clusterIds: [w.F.id], ...period });
    expect(r.overall).toEqual({ posted: 8, matched: 5, introduced: 4, rate: 0.5 });
    // s1's four needs, none introduced: 0 % against 50 % overall, four listings: flagged
    expect(groups(r, 'size')).toEqual([
      ['1-9', 4, 1, 0, 0, true],
      ['50-299', 2, 2, 2, 1, false],
      ['', 2, 2, 2, 1, false],
    ]);
    // Aichi: n1–n4 and e1 e2 (matched n1 e1 e2, introduced e1 e2): 33 %, not below half of 50 %
    expect(groups(r, 'prefecture')).toEqual([
      ['Aichi', 6, 3, 2, 0.333, false],
      ['Hyogo', 1, 1, 1, 1, false],
      ['Osaka', 1, 1, 1, 1, false],
    ]);
    expect(groups(r, 'domain')).toEqual([
      ['manufacturing', 6, 3, 2, 0.333, false],
      ['it', 2, 2, 2, 1, false],
    ]);
    expect(groups(r, 'kind')).toEqual([
      ['sme', 6, 3, 2, 0.333, false],
      ['university', 2, 2, 2, 1, false],
    ]);
    expect(groups(r, 'language')).toEqual([
      ['ja', 6, 3, 2, 0.333, false],
      ['en', 2, 2, 2, 1, false],
    ]);
  });

  it('narrows by domain and period', async () => {
    const it = await fairnessReport(w.db, { clusterIds: [w.F.id], ...period, domain: 'it' });
    expect(it.overall).toEqual({ posted: 2, matched: 2, introduced: 2, rate: 1 });
    const april = await fairnessReport(w.db, { clusterIds: [w.F.id], from: '2026-04-01', to: '2026-04-30' });
    expect(april.overall).toEqual({ posted: 0, matched: 0, introduced: 0, rate: null });
    expect(april.dimensions.size).toEqual([]);
  });

  it('the office sees every cluster, a coordinator theirs: one implementation', async () => {
    const office = await programmeFairness(w.admin.viewer, { ...period, cluster: w.F.id });
    expect(office.report.overall.posted).toBe(8);
    const coordinator = await programmeFairness(w.coordinatorG.viewer, period);
    expect(coordinator.scope.clusterIds).toEqual([w.G.id]);
    expect(coordinator.report.overall).toEqual({ posted: 1, matched: 0, introduced: 0, rate: 0 });
    // asking for a cluster that is not theirs shows their own
    const other = await programmeFairness(w.coordinatorG.viewer, { ...period, cluster: w.F.id });
    expect(other.scope.clusterIds).toEqual([w.G.id]);
  });
});
