import { readFileSync } from 'node:fs';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { needs, seeds } from '@/db/schema/listings';
import { matchDocuments, matches } from '@/db/schema/matching';
import { importDataset, parseDataset } from '@/lib/import/dataset';
import { queueCounts, startWorkers, stopJobs } from '@/lib/jobs';
import { buildIndex, rankSeedsForNeed } from '@/lib/matching/engine';
import { enqueueRematch, prepareRematch, REMATCH_QUEUE, registerWorkers } from '@/lib/matching/jobs';
import { rematchListing } from '@/lib/matching/proposals';
import { rankForListing, rankForListings } from '@/lib/matching/retrieve';
import { rematchMany } from '@/lib/matching/bulk';
import { PROPOSAL_SETTINGS } from '@/lib/matching/weights';
import { indexListings, loadListings, pruneIndex, rebuildCorpusStats, reweigh, TEXT_CAPS } from '@/lib/matching/store';
import { rowsOf } from '@/db/rows';
import { decodeWords } from '@/lib/matching/words';
import { findPartnersForViewer } from '@/lib/listings/partners';
import { makeCluster, makeUser } from '../support/factories';

afterAll(async () => {
  await stopJobs();
});

async function owner(role: 'sme' | 'researcher', clusterIds: string[] = []) {
  const { user, viewer } = await makeUser(role, { clusterIds });
  return { userId: user.id, organisationId: viewer.organisationId };
}

type NeedFields = Partial<typeof needs.$inferInsert> & { title: string };
type SeedFields = Partial<typeof seeds.$inferInsert> & { title: string };

async function makeNeed(o: { userId: string; organisationId: string }, f: NeedFields) {
  const db = await getDb();
  const [row] = await db
    .insert(needs)
    .values({
      organisationId: o.organisationId,
      createdBy: o.userId,
      language: 'en',
      summary: '',
      domain: 'environment_energy',
      status: 'open',
      ...f,
    })
    .returning();
  return row;
}

async function makeSeed(o: { userId: string; organisationId: string }, f: SeedFields) {
  const db = await getDb();
  const [row] = await db
    .insert(seeds)
    .values({
      organisationId: o.organisationId,
      createdBy: o.userId,
      language: 'en',
      summary: '',
      domain: 'environment_energy',
      status: 'open',
      ...f,
    })
    .returning();
  return row;
}

const batteryNeed: NeedFields = {
  language: 'ja',
  title: '全固体電池の固体電解質を低コストで製造したい',
  summary: '当社は電池部材メーカーで、硫化物系固体電解質の量産プロセスを探しています。',
  keywords: ['全固体電池', '固体電解質'],
  trlMin: 4,
};
const batterySeed: SeedFields = {
  title: 'Low-cost synthesis of sulfide solid electrolyte for all-solid-state batteries',
  summary: 'A wet process produces sulfide solid electrolyte powder for all-solid-state batteries at low cost.',
  keywords: ['solid-state battery', 'solid electrolyte'],
  trl: 5,
  ipStatus: 'granted',
  licensing: ['non_exclusive'],
};

describe('retrieval from the database', () => {
  it('returns the same top 10 as the in-memory engine on the same corpus', async () => {
    const db = await getDb();
    const data = parseDataset(SMALL_CORPUS);
    const imported = await importDataset(db, data, { label: 'retrieval-test' });
    await indexListings(db, 'need', [...imported.needIds.values()]);
    await indexListings(db, 'seed', [...imported.seedIds.values()]);
    await pruneIndex(db, 'seed');
    await rebuildCorpusStats(db, 'seed');
    await reweigh(db, 'seed', { all: true });

    // the in-memory engine over every indexed open seed of this database
    const ids = rowsOf<{ id: string }>(
      await db.execute(sql`select d.listing_id as id from match_documents d join seeds s on s.id = d.listing_id
        where d.kind = 'seed' and s.status = 'open' and s.expires_at > now()`),
    ).map((r) => r.id);
    const corpus = await loadListings(db, 'seed', ids);
    const index = buildIndex(corpus.map((c) => c.input));
    let nonEmpty = 0;
    for (const needId of imported.needIds.values()) {
      const [need] = await loadListings(db, 'need', [needId]);
      const expected = rankSeedsForNeed(need.input, index, 10, { withReasons: false });
      const got = await rankForListing(db, 'need', needId, 10, { withReasons: false });
      expect(got.map((m) => m.id)).toEqual(expected.map((m) => m.id));
      for (const [i, m] of got.entries()) expect(m.score).toBeCloseTo(expected[i].score, 6);
      if (got.length) nonEmpty++;
    }
    expect(nonEmpty).toBe(data.needs.length);
  }, 120_000);

  it('scores documents written before their packed form from their jsonb vectors (same ranking, scores and reasons), and re-weighing packs them; migrated words equal written ones', async () => {
    const db = await getDb();
    const data = parseDataset(JSON.parse(readFileSync('scripts/match-eval-data/topics-2.json', 'utf8')));
    const imported = await importDataset(db, data, { label: 'packed-test' });
    await indexListings(db, 'need', [...imported.needIds.values()]);
    await indexListings(db, 'seed', [...imported.seedIds.values()]);
    const seedIds = [...imported.seedIds.values()];
    const unpacked = async () =>
      rowsOf<{ n: number }>(
        await db.execute(sql`select count(*)::int as n from match_documents
          where kind = 'seed' and packed is null and listing_id = any(${`{${seedIds.join(',')}}`}::uuid[])`),
      )[0].n;
    try {
      const rankAll = async () => {
        const out = [];
        for (const needId of imported.needIds.values()) out.push(await rankForListing(db, 'need', needId, 10));
        return out;
      };
      const packed = await rankAll();
      expect(packed.filter((r) => r.length).length).toBe(data.needs.length);
      // migration 0032 fills `words` of documents written before it as encodeWords writes them
      const backfill = readFileSync('db/migrations/0032_match_documents_words.sql', 'utf8').match(
        /SET "words" = ([\s\S]*?);--> statement-breakpoint/,
      )?.[1];
      expect(backfill).toBeTruthy();
      const words = rowsOf<{ written: string; migrated: string }>(
        await db.execute(sql`select words as written, ${sql.raw(backfill!)} as migrated from match_documents
          where listing_id = any(${`{${[...seedIds, ...imported.needIds.values()].join(',')}}`}::uuid[])`),
      );
      expect(words.length).toBe(seedIds.length + data.needs.length);
      for (const w of words) expect(decodeWords(w.migrated)).toEqual(decodeWords(w.written));
      expect(words.filter((w) => Object.keys(decodeWords(w.written).surface).length > 3).length).toBe(words.length);
      // as a database migrated to 0031 has them until the background re-weighing
      await db.execute(sql`update match_documents set packed = null where kind = 'seed'
        and listing_id = any(${`{${seedIds.join(',')}}`}::uuid[])`);
      expect(await unpacked()).toBe(seedIds.length);
      const fromJson = await rankAll();
      for (const [i, got] of fromJson.entries()) {
        expect(got.map((m) => m.id)).toEqual(packed[i].map((m) => m.id));
        for (const [j, m] of got.entries()) {
          expect(m.score).toBeCloseTo(packed[i][j].score, 6);
          // the same reasons; their weights differ past the sixth digit (float32 packed weights)
          const [a, b]: number[][] = [[], []];
          const shape = (x: unknown, weights: number[]) =>
            JSON.stringify(x, (key, v) => (key === 'weight' ? void weights.push(v) : v));
          expect(shape(m.reasons, a)).toEqual(shape(packed[i][j].reasons, b));
          for (const [n, wa] of a.entries()) expect(wa).toBeCloseTo(b[n], 6);
        }
      }
      await reweigh(db, 'seed');
      expect(await unpacked()).toBe(0);
    } finally {
      // the set leaves the shared database as it found it (the browser tests browse its listings)
      await db
        .update(seeds)
        .set({ status: 'closed' })
        .where(inArray(seeds.id, [...imported.seedIds.values()]));
      await db
        .update(needs)
        .set({ status: 'closed' })
        .where(inArray(needs.id, [...imported.needIds.values()]));
      await pruneIndex(db, 'seed');
      await pruneIndex(db, 'need');
    }
  }, 120_000);

  it('gives an empty list for a need sharing nothing with any seed', async () => {
    const db = await getDb();
    const sme = await owner('sme');
    const need = await makeNeed(sme, { title: 'qqxzv wwkrp', summary: 'zzyqv' });
    await indexListings(db, 'need', [need.id]);
    expect(await rankForListing(db, 'need', need.id, 10)).toEqual([]);
  });

  it('finds an English seed for a Japanese need, with reasons', async () => {
    const db = await getDb();
    const need = await makeNeed(await owner('sme'), batteryNeed);
    const seed = await makeSeed(await owner('researcher'), batterySeed);
    await indexListings(db, 'seed', [seed.id]);
    await indexListings(db, 'need', [need.id]);
    const ranked = await rankForListing(db, 'need', need.id, 50);
    const hit = ranked.find((m) => m.id === seed.id);
    expect(hit).toBeDefined();
    expect(hit!.reasons.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['shared_concepts', 'same_domain', 'trl_fit', 'cross_language']),
    );
  });

  it('finds an edited seed by its new words only, and a removed one by none (the postings follow the documents)', async () => {
    const db = await getDb();
    const word = () =>
      `zq${Math.random()
        .toString(36)
        .replace(/[^a-z]/g, '')
        .slice(0, 8)}`;
    const [before, after] = [word(), word()];
    const sme = await owner('sme');
    const needBefore = await makeNeed(sme, { title: before });
    const needAfter = await makeNeed(sme, { title: after });
    const seed = await makeSeed(await owner('researcher'), { title: `${before} thermal barrier coating` });
    await indexListings(db, 'need', [needBefore.id, needAfter.id]);
    await indexListings(db, 'seed', [seed.id]);
    const top = async (needId: string) => (await rankForListing(db, 'need', needId, 3, { withReasons: false }))[0]?.id;
    expect(await top(needBefore.id)).toBe(seed.id);

    await db
      .update(seeds)
      .set({ title: `${after} thermal barrier coating` })
      .where(eq(seeds.id, seed.id));
    await indexListings(db, 'seed', [seed.id]);
    expect(await top(needAfter.id)).toBe(seed.id);
    expect(await top(needBefore.id)).not.toBe(seed.id);
    const postings = async () =>
      rowsOf<{ n: number }>(
        await db.execute(
          sql`select count(*)::int as n from match_postings where kind = 'seed' and listing_id = ${seed.id}::uuid and key like 't:zq%'`,
        ),
      )[0].n;
    expect(await postings()).toBe(1);

    await db.update(seeds).set({ status: 'closed' }).where(eq(seeds.id, seed.id));
    await pruneIndex(db, 'seed');
    expect(await top(needAfter.id)).not.toBe(seed.id);
    expect(await postings()).toBe(0);
  });
});

describe('proposals', () => {
  it('creates one proposal per pair, updates its score on re-score, never touches a match past proposed', async () => {
    const db = await getDb();
    const cluster = await makeCluster();
    const need = await makeNeed(await owner('sme', [cluster.id]), batteryNeed);
    const seed = await makeSeed(await owner('researcher', [cluster.id]), batterySeed);
    await indexListings(db, 'seed', [seed.id]);
    await rematchListing(db, 'need', need.id);
    await rematchListing(db, 'need', need.id);
    await rematchListing(db, 'seed', seed.id);
    const pair = and(eq(matches.needId, need.id), eq(matches.seedId, seed.id));
    let rows = await db.select().from(matches).where(pair);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'engine', status: 'proposed', clusterId: cluster.id });
    expect(rows[0].score).toBeGreaterThan(0.2);
    expect((rows[0].reasons as Array<{ kind: string }>).map((r) => r.kind)).toContain('shared_concepts');
    const first = rows[0];

    // the seed is edited: weaker text, re-matched → same row, new score
    await db
      .update(seeds)
      .set({ keywords: [], summary: 'A wet process for sulfide powders.' })
      .where(eq(seeds.id, seed.id));
    await rematchListing(db, 'seed', seed.id);
    await rematchListing(db, 'need', need.id);
    rows = await db.select().from(matches).where(pair);
    expect(rows).toHaveLength(1);
    if (rows[0].score !== first.score) expect(rows[0].version).toBeGreaterThan(first.version);

    // a coordinator approved it: re-scoring leaves it alone
    await db.update(matches).set({ status: 'approved', score: 0.99 }).where(eq(matches.id, first.id));
    await db
      .update(seeds)
      .set({ keywords: ['solid electrolyte'] })
      .where(eq(seeds.id, seed.id));
    await rematchListing(db, 'seed', seed.id);
    rows = await db.select().from(matches).where(pair);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'approved', score: 0.99 });
  }, 90_000);

  it('bulk re-match ranks as one listing at a time does, skips listings closed but still indexed, upserts once per pair', async () => {
    const db = await getDb();
    const cluster = await makeCluster();
    const sme = await owner('sme', [cluster.id]);
    const lab = await owner('researcher', [cluster.id]);
    // a rare shared token: on a shared database earlier runs' copies of these texts must not crowd the top 10
    const token = `bulk${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
    const needA = await makeNeed(sme, { ...batteryNeed, keywords: [...(batteryNeed.keywords ?? []), token] });
    const needB = await makeNeed(sme, {
      ...batteryNeed,
      language: 'en',
      title: 'Low-cost sulfide solid electrolyte for all-solid-state batteries',
      summary: 'We need a mass production process.',
      keywords: ['solid electrolyte', token],
    });
    const seed = await makeSeed(lab, { ...batterySeed, keywords: [...(batterySeed.keywords ?? []), token] });
    const closed = await makeSeed(lab, {
      ...batterySeed,
      title: 'Sulfide solid electrolyte powder, wet synthesis at low cost',
      keywords: [...(batterySeed.keywords ?? []), token],
    });
    await indexListings(db, 'seed', [seed.id, closed.id]);
    await indexListings(db, 'need', [needA.id, needB.id]);
    // closed after indexing: still in the index until the background sweep, never returned
    await db.update(seeds).set({ status: 'closed' }).where(eq(seeds.id, closed.id));

    const batched = await rankForListings(db, 'need', [needA.id, needB.id], 10, { pipeline: 2 });
    for (const id of [needA.id, needB.id]) {
      const single = await rankForListing(db, 'need', id, 10);
      const many = batched.get(id)!;
      expect(many.map((m) => m.id)).toEqual(single.map((m) => m.id));
      many.forEach((m, i) => {
        expect(m.score).toBeCloseTo(single[i].score, 9);
        expect(m.reasons).toEqual(single[i].reasons);
      });
      expect(single.map((m) => m.id)).toContain(seed.id);
      expect(single.map((m) => m.id)).not.toContain(closed.id);
    }

    // the re-match builds reasons only for what it proposes; rankings and scores are the same
    const cut = await rankForListings(db, 'need', [needA.id, needB.id], 10, {
      pipeline: 2,
      reasonsFrom: PROPOSAL_SETTINGS.minScore,
    });
    for (const [id, list] of cut) {
      expect(list.map((m) => m.id)).toEqual(batched.get(id)!.map((m) => m.id));
      list.forEach((m, i) => {
        expect(m.reasons).toEqual(m.score >= PROPOSAL_SETTINGS.minScore ? batched.get(id)![i].reasons : []);
      });
    }

    await rematchMany(db, 'need', [needA.id, needB.id], { batch: 1, concurrency: 2 });
    await rematchMany(db, 'need', [needA.id, needB.id], { batch: 2 });
    for (const id of [needA.id, needB.id]) {
      const rows = await db.select().from(matches).where(eq(matches.needId, id));
      const expected = batched
        .get(id)!
        .filter((m) => m.score >= PROPOSAL_SETTINGS.minScore)
        .map((m) => m.id);
      expect(rows.map((r) => r.seedId).sort()).toEqual([...expected].sort());
      expect(rows.every((r) => r.kind === 'engine' && r.status === 'proposed')).toBe(true);
      for (const r of rows) expect(r.reasons).toEqual(batched.get(id)!.find((m) => m.id === r.seedId)!.reasons);
    }
  }, 90_000);

  it('drops a closed listing from the index', async () => {
    const db = await getDb();
    const seed = await makeSeed(await owner('researcher'), batterySeed);
    await rematchListing(db, 'seed', seed.id);
    await db.update(seeds).set({ status: 'closed' }).where(eq(seeds.id, seed.id));
    await rematchListing(db, 'seed', seed.id);
    const docs = await db
      .select()
      .from(matchDocuments)
      .where(and(eq(matchDocuments.kind, 'seed'), eq(matchDocuments.listingId, seed.id)));
    expect(docs).toHaveLength(0);
  });
});

describe('find partners (viewer-scoped)', () => {
  it('shows ranked partners with reasons; hints only to the owner; private listings only to those who manage them', async () => {
    const db = await getDb();
    const sme = await makeUser('sme');
    const other = await makeUser('sme');
    const need = await makeNeed({ userId: sme.user.id, organisationId: sme.viewer.organisationId }, batteryNeed);
    const seed = await makeSeed(await owner('researcher'), batterySeed);
    const hidden = await makeSeed(await owner('researcher'), { ...batterySeed, visibility: 'private' });
    await indexListings(db, 'seed', [seed.id, hidden.id]);

    const mine = await findPartnersForViewer(sme.viewer, 'need', need.id);
    expect(mine?.partners.map((p) => p.id)).toContain(seed.id);
    expect(mine?.partners.map((p) => p.id)).not.toContain(hidden.id);
    expect(mine?.hints).not.toBeNull();
    const theirs = await findPartnersForViewer(other.viewer, 'need', need.id);
    expect(theirs?.hints).toBeNull();

    await db.update(needs).set({ visibility: 'private' }).where(eq(needs.id, need.id));
    expect(await findPartnersForViewer(other.viewer, 'need', need.id)).toBeNull();
    expect(await findPartnersForViewer(sme.viewer, 'need', need.id)).not.toBeNull();
  }, 60_000);
});

describe('background jobs', () => {
  it('persists a re-match job and processes it once workers run, also after a restart of the queue', async () => {
    const db = await getDb();
    const cluster = await makeCluster();
    const seed = await makeSeed(await owner('researcher', [cluster.id]), batterySeed);
    await indexListings(db, 'seed', [seed.id]);
    const need = await makeNeed(await owner('sme', [cluster.id]), batteryNeed);

    // On real Postgres other test files share the queue and leave re-match jobs waiting:
    // a higher priority puts this one first, so the test does not wait on their backlog.
    const id = await enqueueRematch({ kind: 'need', id: need.id }, { priority: 100 });
    expect(id).toBeTruthy();
    await stopJobs(); // "restart": the job must still be in the database
    expect((await queueCounts(REMATCH_QUEUE)).created ?? 0).toBeGreaterThanOrEqual(1);

    registerWorkers();
    await startWorkers([REMATCH_QUEUE]); // only matching's: other workers would act on other test files' rows
    const deadline = Date.now() + 60_000;
    let rows: unknown[] = [];
    while (Date.now() < deadline) {
      rows = await db
        .select()
        .from(matches)
        .where(and(eq(matches.needId, need.id), eq(matches.seedId, seed.id)));
      if (rows.length) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(rows).toHaveLength(1);
    await stopJobs();
  }, 90_000);

  it('inserts a job inside a transaction (committed with it)', async () => {
    const db = await getDb();
    const need = await makeNeed(await owner('sme'), batteryNeed);
    await prepareRematch();
    let jobId: string | null = null;
    await db.transaction(async (tx) => {
      jobId = await enqueueRematch({ kind: 'need', id: need.id }, { tx });
    });
    expect(jobId).toBeTruthy();
    const rows = rowsOf<{ state: string }>(
      await db.execute(sql`select state::text as state from pgboss.job where id = ${jobId}::uuid`),
    );
    expect(rows).toHaveLength(1);
    await stopJobs();
  }, 60_000);
});

describe('bad input', () => {
  const texts: Array<[string, NeedFields]> = [
    ['empty', { title: '', summary: '' }],
    ['one word', { title: 'battery' }],
    ['emoji', { title: '🔋🔋🚗💨', summary: '😀 🙏' }],
    ['other scripts', { title: 'Твердотельный аккумулятор', summary: 'بطارية الحالة الصلبة 고체 전해질' }],
    [
      'huge',
      {
        title: 'x'.repeat(5000),
        summary: 'solid electrolyte battery '.repeat(40_000),
        keywords: Array.from({ length: 500 }, (_, i) => `kw${i} `.repeat(50)),
      },
    ],
  ];
  it.each(texts)(
    '%s text is indexed and ranked without error',
    async (_, fields) => {
      const db = await getDb();
      const need = await makeNeed(await owner('sme'), fields);
      await indexListings(db, 'need', [need.id]);
      const [doc] = await db
        .select()
        .from(matchDocuments)
        .where(and(eq(matchDocuments.kind, 'need'), eq(matchDocuments.listingId, need.id)));
      expect(doc).toBeDefined();
      const rep = doc.rep as { terms: Record<string, number> };
      expect(Object.keys(rep.terms).length).toBeLessThanOrEqual(TEXT_CAPS.keys);
      const ranked = await rankForListing(db, 'need', need.id, 10);
      expect(Array.isArray(ranked)).toBe(true);
      for (const m of ranked) expect(m.score).toBeGreaterThanOrEqual(0);
    },
    60_000,
  );
});

// A small mixed-language corpus: three needs, a dozen seeds (relevant, cross-language, distractors).
const SMALL_CORPUS = {
  version: 1,
  needs: [
    {
      id: 'n1',
      lang: 'ja',
      title: '全固体電池の固体電解質を低コストで製造したい',
      summary: '電池部材メーカーとして硫化物系固体電解質の量産プロセスを探しています。',
      domain: 'environment_energy',
      keywords: ['全固体電池', '固体電解質'],
      region: 'Aichi',
      desiredTrl: 4,
    },
    {
      id: 'n2',
      lang: 'en',
      title: 'Detecting compressed air leaks while the line is running',
      summary:
        'Our plant loses air through leaks in long piping; we need leak detection during production and better compressor control.',
      domain: 'environment_energy',
      keywords: ['compressed air', 'leak detection', 'energy saving'],
      region: 'Nara',
      desiredTrl: 6,
    },
    {
      id: 'n3',
      lang: 'en',
      title: 'Visual inspection of machined parts with AI',
      summary: 'Automate the inspection of scratches on machined aluminium parts using cameras and deep learning.',
      domain: 'manufacturing',
      keywords: ['visual inspection', 'deep learning', 'defect detection'],
      region: 'Gifu',
      desiredTrl: 5,
    },
  ],
  seeds: [
    {
      id: 's1',
      lang: 'en',
      title: 'Sulfide solid electrolyte by a wet process',
      summary: 'Low-cost synthesis of sulfide solid electrolyte powder for all-solid-state batteries.',
      domain: 'environment_energy',
      keywords: ['solid-state battery', 'solid electrolyte'],
      region: 'Osaka',
      trl: 5,
      ip: { status: 'granted', jurisdictions: ['JP', 'US'] },
      licensing: 'non_exclusive',
    },
    {
      id: 's2',
      lang: 'ja',
      title: 'リチウムイオン電池の電極劣化診断',
      summary: '交流インピーダンスで電池の電極の劣化を診断する。',
      domain: 'environment_energy',
      keywords: ['電池', '劣化診断'],
      region: 'Kyoto',
      trl: 3,
      ip: { status: 'filed', jurisdictions: ['JP'] },
      licensing: 'joint_research',
    },
    {
      id: 's3',
      lang: 'ja',
      title: '超音波による圧縮空気の漏れ検知',
      summary: '稼働中の工場で配管のエア漏れを超音波センサで検出する技術。',
      domain: 'environment_energy',
      keywords: ['エア漏れ', '超音波', '省エネ'],
      region: 'Hyogo',
      trl: 6,
      ip: { status: 'granted', jurisdictions: ['JP'] },
      licensing: 'exclusive',
    },
    {
      id: 's4',
      lang: 'en',
      title: 'Compressor scheduling for factory energy saving',
      summary: 'Control of multiple air compressors to cut unloaded running and energy use.',
      domain: 'environment_energy',
      keywords: ['compressor', 'energy management'],
      region: 'Aichi',
      trl: 7,
      ip: { status: 'none', jurisdictions: [] },
      licensing: 'non_exclusive',
    },
    {
      id: 's5',
      lang: 'ja',
      title: '深層学習による外観検査システム',
      summary: 'カメラ画像から切削部品の傷を深層学習で検出する外観検査。',
      domain: 'manufacturing',
      keywords: ['外観検査', '深層学習', '欠陥検出'],
      region: 'Shizuoka',
      trl: 6,
      ip: { status: 'filed', jurisdictions: ['JP'] },
      licensing: 'non_exclusive',
    },
    {
      id: 's6',
      lang: 'en',
      title: 'Retail shelf image recognition',
      summary: 'Deep learning counts products on supermarket shelves.',
      domain: 'it',
      keywords: ['computer vision', 'retail'],
      region: 'Tokyo',
      trl: 6,
      ip: { status: 'none', jurisdictions: [] },
      licensing: 'exclusive',
    },
    {
      id: 's7',
      lang: 'en',
      title: 'Biodegradable packaging film from rice straw',
      summary: 'A film made from agricultural residue that degrades in soil.',
      domain: 'environment_energy',
      keywords: ['biodegradable plastic', 'packaging'],
      region: 'Niigata',
      trl: 4,
      ip: { status: 'granted', jurisdictions: ['JP'] },
      licensing: 'exclusive',
    },
    {
      id: 's8',
      lang: 'ja',
      title: '抗体精製のための低コストアフィニティ担体',
      summary: 'プロテインAに代わる低コストの抗体捕捉材料。',
      domain: 'biotech',
      keywords: ['抗体', '精製'],
      region: 'Osaka',
      trl: 4,
      ip: { status: 'filed', jurisdictions: ['JP'] },
      licensing: 'joint_research',
    },
    {
      id: 's9',
      lang: 'en',
      title: 'Acoustic camera for locating gas leaks',
      summary: 'An array of microphones visualises ultrasonic noise from leaking pipes and fittings.',
      domain: 'manufacturing',
      keywords: ['ultrasound', 'leak detection', 'acoustic imaging'],
      region: 'Kanagawa',
      trl: 7,
      ip: { status: 'granted', jurisdictions: ['JP', 'EP'] },
      licensing: 'non_exclusive',
    },
    {
      id: 's10',
      lang: 'en',
      title: 'Surface roughness measurement with laser speckle',
      summary: 'Non-contact measurement of machined surfaces.',
      domain: 'manufacturing',
      keywords: ['metrology', 'laser'],
      region: 'Gifu',
      trl: 5,
      ip: { status: 'none', jurisdictions: [] },
      licensing: 'exclusive',
    },
    {
      id: 's11',
      lang: 'ja',
      title: '固体酸化物形燃料電池の電解質薄膜',
      summary: '燃料電池向けの電解質薄膜を低温で形成する。',
      domain: 'environment_energy',
      keywords: ['燃料電池', '電解質'],
      region: 'Fukuoka',
      trl: 3,
      ip: { status: 'filed', jurisdictions: ['JP'] },
      licensing: 'joint_research',
    },
    {
      id: 's12',
      lang: 'en',
      title: 'Anomaly detection in manufacturing sensor data',
      summary: 'Machine learning detects faults from vibration sensors on production lines.',
      domain: 'it',
      keywords: ['anomaly detection', 'machine learning', 'predictive maintenance'],
      region: 'Aichi',
      trl: 6,
      ip: { status: 'none', jurisdictions: [] },
      licensing: 'non_exclusive',
    },
  ],
  judgments: [],
};
