import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLogs } from '@/db/schema/accounts';
import { stopJobs } from '@/lib/jobs';
import { prepareRematch } from '@/lib/matching/jobs';
import { needs, seeds } from '@/db/schema/listings';
import type { Viewer } from '@/lib/auth/policy';
import { transitionListing, renewListing } from '@/lib/listings/lifecycle';
import { listReviewQueue, reviewListing } from '@/lib/listings/moderation';
import { getListingForEdit, getListingForViewer, getPublicSeedTeaser, saveListing } from '@/lib/listings/data';
import { searchNeeds, searchSeeds } from '@/lib/listings/search';
import { needSchema, searchParamsSchema, seedSchema } from '@/lib/listings/validation';
import { makeCluster, makeUser, unique } from '../support/factories';

// Lifecycle changes enqueue a re-match job (lib/matching/jobs) in their transaction: start the
// job queue once up front (slow on embedded PGlite) rather than inside the first timed test.
beforeAll(() => prepareRematch(), 120_000);
afterAll(() => stopJobs());

const needInput = (overrides: Record<string, unknown> = {}) =>
  needSchema.parse({
    intent: 'submit',
    language: 'ja',
    title: 'アルミダイカスト部品の巣欠陥を削減したい',
    summary: '自動車向けアルミダイカスト部品で鋳巣による不良率が3%あり、1%以下に下げたい。',
    details: 'X線CT検査の結果を共有できます。',
    domain: 'manufacturing',
    keywords: ['ダイカスト', 'die casting'],
    visibility: 'members',
    trlMin: 4,
    trlMax: 7,
    ...overrides,
  });

const seedInput = (overrides: Record<string, unknown> = {}) =>
  seedSchema.parse({
    intent: 'submit',
    language: 'en',
    title: 'Solid-state electrolyte for fast-charging batteries',
    summary: 'A sulfide solid electrolyte that charges lithium batteries to 80 % in 10 minutes.',
    details: 'Ionic conductivity 12 mS/cm at 25 °C.',
    domain: 'environment_energy',
    keywords: ['solid electrolyte', '全固体電池'],
    visibility: 'members',
    trl: 4,
    licensing: ['non_exclusive'],
    advantages: '3x the conductivity of oxide electrolytes',
    ipRecords: [
      {
        number: 'JP7000001',
        jurisdiction: 'JP',
        status: 'granted',
        title: 'Sulfide electrolyte',
        filedOn: '2021-04-01',
        grantedOn: '2023-06-01',
      },
    ],
    ...overrides,
  });

/** A cluster with an SME, a university, a coordinator of it, and outsiders. */
async function world() {
  const cluster = await makeCluster();
  const sme = await makeUser('sme', { clusterIds: [cluster.id] });
  const sme2 = await makeUser('sme', { organisationId: sme.user.organisationId });
  const researcher = await makeUser('researcher', { clusterIds: [cluster.id] });
  const coordinator = await makeUser('coordinator', { coordinates: [cluster.id] });
  const otherCoordinator = await makeUser('coordinator', { coordinates: [(await makeCluster()).id] });
  const trading = await makeUser('trading');
  const lender = await makeUser('lender');
  const outsiderSme = await makeUser('sme');
  return { cluster, sme, sme2, researcher, coordinator, otherCoordinator, trading, lender, outsiderSme };
}

async function publishedNeed(owner: Viewer, coordinator: Viewer, overrides: Record<string, unknown> = {}) {
  const saved = await saveListing(owner, 'need', needInput(overrides));
  await reviewListing(coordinator, {
    kind: 'need',
    id: saved.id,
    version: saved.version,
    decision: 'publish',
    comment: '',
  });
  return saved.id;
}

async function publishedSeed(owner: Viewer, coordinator: Viewer, overrides: Record<string, unknown> = {}) {
  const saved = await saveListing(owner, 'seed', seedInput(overrides));
  await reviewListing(coordinator, {
    kind: 'seed',
    id: saved.id,
    version: saved.version,
    decision: 'publish',
    comment: '',
  });
  return saved.id;
}

const search = (params: Record<string, string>) => searchParamsSchema.parse(params);

describe('create, update, lifecycle', () => {
  it('creates a draft, updates it with optimistic locking, submits, publishes; a stale version is a conflict', async () => {
    const w = await world();
    const draft = await saveListing(w.sme.viewer, 'need', needInput({ intent: 'draft' }));
    expect(draft.status).toBe('draft');
    const again = await saveListing(
      w.sme.viewer,
      'need',
      needInput({ intent: 'draft', id: draft.id, version: draft.version, title: '鋳巣を減らしたい（改訂）' }),
    );
    expect(again).toMatchObject({ status: 'draft', version: draft.version + 1 });
    await expect(
      saveListing(w.sme.viewer, 'need', needInput({ id: draft.id, version: draft.version })),
    ).rejects.toMatchObject({
      code: 'conflict',
    });

    const submitted = await transitionListing(
      w.sme.viewer,
      { kind: 'need', id: draft.id, version: again.version },
      'submit',
    );
    expect(submitted.status).toBe('pending_review');
    expect((await listReviewQueue(w.coordinator.viewer)).map((i) => i.id)).toContain(draft.id);
    expect(await listReviewQueue(w.otherCoordinator.viewer)).toEqual([]);

    // owners cannot publish their own listing; another cluster's coordinator cannot see it
    await expect(
      reviewListing(w.sme.viewer, {
        kind: 'need',
        id: draft.id,
        version: submitted.version,
        decision: 'publish',
        comment: '',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      reviewListing(w.otherCoordinator.viewer, {
        kind: 'need',
        id: draft.id,
        version: submitted.version,
        decision: 'publish',
        comment: '',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });

    // two coordinators click at once: exactly one wins
    const second = await makeUser('coordinator', { coordinates: [w.cluster.id] });
    const results = await Promise.allSettled([
      reviewListing(w.coordinator.viewer, {
        kind: 'need',
        id: draft.id,
        version: submitted.version,
        decision: 'publish',
        comment: '',
      }),
      reviewListing(second.viewer, {
        kind: 'need',
        id: draft.id,
        version: submitted.version,
        decision: 'send_back',
        comment: 'もっと具体的に',
      }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } });

    const db = await getDb();
    const actions = await db
      .select({ action: auditLogs.action })
      .from(auditLogs)
      .where(eq(auditLogs.subjectId, draft.id));
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['need.create', 'need.update', 'need.submit']));
  });

  it('editing an open listing sends it back to review; close with a reason; send back carries the comment', async () => {
    const w = await world();
    const id = await publishedNeed(w.sme.viewer, w.coordinator.viewer);
    const edit = await getListingForEdit(w.sme.viewer, 'need', id);
    expect(edit?.status).toBe('open');
    const saved = await saveListing(
      w.sme.viewer,
      'need',
      needInput({ intent: 'draft', id, version: edit!.values.version }),
    );
    expect(saved.status).toBe('pending_review');
    const back = await reviewListing(w.coordinator.viewer, {
      kind: 'need',
      id,
      version: saved.version,
      decision: 'send_back',
      comment: '予算を書いてください',
    });
    expect(back.status).toBe('draft');
    expect((await getListingForEdit(w.sme.viewer, 'need', id))?.reviewComment).toBe('予算を書いてください');
    const resubmitted = await saveListing(w.sme.viewer, 'need', needInput({ id, version: back.version }));
    const published = await reviewListing(w.coordinator.viewer, {
      kind: 'need',
      id,
      version: resubmitted.version,
      decision: 'publish',
      comment: '',
    });
    const closed = await transitionListing(w.sme.viewer, { kind: 'need', id, version: published.version }, 'close', {
      closedReason: 'partner_found',
    });
    expect(closed.status).toBe('closed');
    await expect(
      transitionListing(w.sme.viewer, { kind: 'need', id, version: closed.version }, 'close'),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('a coordinator drafts on behalf of an organisation of their cluster only; it stays the organisation’s', async () => {
    const w = await world();
    const saved = await saveListing(
      w.coordinator.viewer,
      'need',
      needInput({ intent: 'draft', organisationId: w.sme.viewer.organisationId }),
    );
    const db = await getDb();
    const [row] = await db.select().from(needs).where(eq(needs.id, saved.id));
    expect(row.organisationId).toBe(w.sme.viewer.organisationId);
    expect(row.createdBy).toBe(w.coordinator.user.id);
    expect(await getListingForEdit(w.sme.viewer, 'need', saved.id)).not.toBeNull();
    await expect(
      saveListing(w.coordinator.viewer, 'need', needInput({ organisationId: w.outsiderSme.viewer.organisationId })),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      saveListing(w.otherCoordinator.viewer, 'need', needInput({ organisationId: w.sme.viewer.organisationId })),
    ).rejects.toMatchObject({ code: 'invalid' });
  });

  it('another organisation cannot edit or even detect a draft: not found, nothing changed', async () => {
    const w = await world();
    const saved = await saveListing(w.sme.viewer, 'need', needInput({ intent: 'draft' }));
    expect(await getListingForEdit(w.outsiderSme.viewer, 'need', saved.id)).toBeNull();
    expect(await getListingForViewer(w.outsiderSme.viewer, 'need', saved.id)).toBeNull();
    await expect(
      saveListing(w.outsiderSme.viewer, 'need', needInput({ id: saved.id, version: saved.version, title: 'hijacked' })),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      transitionListing(w.outsiderSme.viewer, { kind: 'need', id: saved.id, version: saved.version }, 'submit'),
    ).rejects.toMatchObject({ code: 'not_found' });
    const db = await getDb();
    const [row] = await db.select({ title: needs.title }).from(needs).where(eq(needs.id, saved.id));
    expect(row.title).not.toBe('hijacked');
  });

  it('renewal: only near or after expiry; an expired listing leaves search until renewed', async () => {
    const w = await world();
    const word = unique('renewal').replace('-', '');
    const id = await publishedNeed(w.sme.viewer, w.coordinator.viewer, {
      title: `Expiring need ${word}`,
      language: 'en',
    });
    expect((await searchNeeds(w.trading.viewer, search({ q: word }))).total).toBe(1);
    const db = await getDb();
    const [{ version }] = await db.select({ version: needs.version }).from(needs).where(eq(needs.id, id));
    await expect(renewListing(w.sme.viewer, { kind: 'need', id, version })).rejects.toMatchObject({ code: 'conflict' });
    await db.update(needs).set({ expiresAt: sql`now() - interval '1 day'` }).where(eq(needs.id, id));
    expect((await searchNeeds(w.trading.viewer, search({ q: word }))).total).toBe(0);
    expect(await getListingForViewer(w.trading.viewer, 'need', id)).toBeNull();
    await renewListing(w.sme.viewer, { kind: 'need', id, version });
    expect((await searchNeeds(w.trading.viewer, search({ q: word }))).total).toBe(1);
  });
});

describe('validation', () => {
  it('rejects invalid TRL, enums, oversized fields and too many keywords, reporting every field', () => {
    const bad = needSchema.safeParse({
      ...needInput(),
      trlMin: 0,
      trlMax: 10,
      domain: 'space',
      visibility: 'public',
      title: 'x'.repeat(201),
      keywords: Array.from({ length: 21 }, (_, i) => `k${i}`),
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['trlMin', 'trlMax', 'domain', 'visibility', 'title', 'keywords']));
    expect(seedSchema.safeParse({ ...seedInput(), trl: '12' }).success).toBe(false);
    expect(seedSchema.safeParse({ ...seedInput(), licensing: ['free'] }).success).toBe(false);
    expect(
      seedSchema.safeParse({ ...seedInput(), ipRecords: [{ jurisdiction: 'JP', status: 'pending', title: 't' }] })
        .success,
    ).toBe(false);
    expect(needSchema.safeParse({ ...needInput(), trlMin: 6, trlMax: 3 }).success).toBe(false);
    expect(needSchema.safeParse({ ...needInput(), status: 'open' }).success).toBe(false); // smuggled field
  });

  it('stores HTML as text, exactly as typed', async () => {
    const w = await world();
    const title = '<script>alert("x")</script> <b>bold</b>';
    const saved = await saveListing(w.sme.viewer, 'need', needInput({ title }));
    const view = await getListingForViewer(w.sme.viewer, 'need', saved.id);
    expect(view?.title).toBe(title);
  });
});

describe('search', () => {
  it('finds Japanese by a Japanese word and English by a stemmed word; filters; counts; sort', async () => {
    const w = await world();
    const tag = unique('tag').replace('-', '');
    await publishedNeed(w.sme.viewer, w.coordinator.viewer, { keywords: [tag, '鋳造'] });
    const seedId = await publishedSeed(w.researcher.viewer, w.coordinator.viewer, { keywords: [tag, '全固体電池'] });
    const seed2 = await publishedSeed(w.researcher.viewer, w.coordinator.viewer, {
      keywords: [tag],
      title: '酵母由来の機能性ペプチド',
      summary: '発酵食品から抽出したペプチドで血圧上昇を20%抑制。',
      domain: 'biotech',
      language: 'ja',
      trl: 2,
      licensing: ['exclusive'],
      ipRecords: [{ jurisdiction: 'JP', status: 'filed', title: 'ペプチド組成物', number: '特願2024-000001' }],
    });

    expect(
      (await searchNeeds(w.researcher.viewer, search({ q: `ダイカスト ${tag}` }))).items.map((i) => i.title),
    ).toEqual([needInput().title]);
    expect((await searchNeeds(w.researcher.viewer, search({ q: `巣欠陥 ${tag}` }))).total).toBe(1); // substring of a compound
    expect((await searchSeeds(w.sme.viewer, search({ q: `battery ${tag}` }))).items.map((i) => i.id)).toEqual([seedId]); // batteries ~ battery
    expect((await searchSeeds(w.sme.viewer, search({ q: `charging ${tag}` }))).total).toBe(1);
    expect((await searchSeeds(w.sme.viewer, search({ q: `ペプチド ${tag}` }))).items.map((i) => i.id)).toEqual([seed2]);
    expect((await searchSeeds(w.sme.viewer, search({ q: `全固体 ${tag}` }))).items.map((i) => i.id)).toEqual([seedId]);
    // across languages through the glossary: Japanese finds English and the reverse
    expect((await searchSeeds(w.sme.viewer, search({ q: `固体電解質 ${tag}` }))).items[0]?.id).toBe(seedId); // (seed2's English details mention an electrolyte too)
    expect((await searchSeeds(w.sme.viewer, search({ q: `peptide ${tag}` }))).items.map((i) => i.id)).toEqual([seed2]);
    expect((await searchSeeds(w.sme.viewer, search({ q: `fermentation ${tag}` }))).items.map((i) => i.id)).toEqual([
      seed2,
    ]);

    const all = await searchSeeds(w.sme.viewer, search({ q: tag }));
    expect(all.total).toBe(2);
    expect((await searchSeeds(w.sme.viewer, search({ q: tag, domain: 'biotech' }))).items.map((i) => i.id)).toEqual([
      seed2,
    ]);
    expect((await searchSeeds(w.sme.viewer, search({ q: tag, trl: '3' }))).items.map((i) => i.id)).toEqual([seedId]);
    expect((await searchSeeds(w.sme.viewer, search({ q: tag, ipStatus: 'filed' }))).items.map((i) => i.id)).toEqual([
      seed2,
    ]);
    expect(
      (await searchSeeds(w.sme.viewer, search({ q: tag, licensing: 'non_exclusive' }))).items.map((i) => i.id),
    ).toEqual([seedId]);
    expect((await searchSeeds(w.sme.viewer, search({ q: tag, cluster: w.cluster.id }))).total).toBe(2);
    expect((await searchSeeds(w.sme.viewer, search({ q: tag, cluster: (await makeCluster()).id }))).total).toBe(0);
    expect((await searchSeeds(w.sme.viewer, search({ q: tag, orgKind: 'university' }))).total).toBe(2);
    expect((await searchSeeds(w.sme.viewer, search({ q: tag, orgKind: 'tlo' }))).total).toBe(0);
    expect(
      (await searchSeeds(w.sme.viewer, search({ q: tag, posted: '7', sort: 'newest' }))).items.map((i) => i.id),
    ).toEqual([seed2, seedId]);
    expect((await searchNeeds(w.researcher.viewer, search({ q: tag, trl: '5' }))).total).toBe(1);
    expect((await searchNeeds(w.researcher.viewer, search({ q: tag, trl: '9' }))).total).toBe(0);
    // malformed filters are ignored, not errors
    expect(searchParamsSchema.parse({ trl: 'abc', domain: 'space', page: '-3' })).toMatchObject({
      trl: undefined,
      domain: undefined,
      page: 1,
    });
  });

  it('one-character and stop-word queries search instead of failing; a single kanji finds listings containing it', async () => {
    const w = await world();
    const tag = unique('one').replace('-', '');
    const needId = await publishedNeed(w.sme.viewer, w.coordinator.viewer, {
      title: `鰻の養殖水槽の水質を保ちたい ${tag}`,
      keywords: [tag],
    });
    const seedId = await publishedSeed(w.researcher.viewer, w.coordinator.viewer, {
      title: `鰻 aquaculture water sensor ${tag}`,
      keywords: [tag],
    });
    expect((await searchNeeds(w.researcher.viewer, search({ q: '鰻' }))).items.map((i) => i.id)).toContain(needId);
    expect((await searchSeeds(w.sme.viewer, search({ q: '鰻' }))).items.map((i) => i.id)).toContain(seedId);
    for (const q of ['電', 'ア', 'a', '!', 'the', '%', '_']) {
      await expect(searchNeeds(w.researcher.viewer, search({ q }))).resolves.toMatchObject({ page: 1 });
      await expect(searchSeeds(w.sme.viewer, search({ q }))).resolves.toMatchObject({ page: 1 });
      await expect(searchSeeds(null, search({ q, page: '2' }))).resolves.toMatchObject({ page: 2 });
    }
  });

  it('drafts, pending and private listings stay out of other members’ search', async () => {
    const w = await world();
    const tag = unique('hidden').replace('-', '');
    await saveListing(w.sme.viewer, 'need', needInput({ intent: 'draft', keywords: [tag] }));
    await saveListing(w.sme.viewer, 'need', needInput({ keywords: [tag] })); // pending review
    const privateId = await publishedNeed(w.sme.viewer, w.coordinator.viewer, {
      keywords: [tag],
      visibility: 'private',
    });
    expect((await searchNeeds(w.trading.viewer, search({ q: tag }))).total).toBe(0);
    expect(await getListingForViewer(w.trading.viewer, 'need', privateId)).toBeNull();
    expect((await searchNeeds(w.coordinator.viewer, search({ q: tag }))).items.map((i) => i.id)).toEqual([privateId]);
    expect((await searchNeeds(w.sme2.viewer, search({ q: tag }))).total).toBe(1);
    expect(await getListingForViewer(w.otherCoordinator.viewer, 'need', privateId)).toBeNull();
  });
});

describe('disclosure', () => {
  it('people behind a need only for their own organisation and the cluster’s coordinators; reveals logged', async () => {
    const w = await world();
    const id = await publishedNeed(w.sme.viewer, w.coordinator.viewer);
    const sentinelPhone = w.sme.user.phone!;
    const sentinelEmail = w.sme.user.email;

    for (const outsider of [w.researcher, w.trading, w.lender, w.outsiderSme, w.otherCoordinator]) {
      const view = await getListingForViewer(outsider.viewer, 'need', id);
      expect(view).not.toBeNull();
      const json = JSON.stringify(view);
      expect(json).not.toContain(sentinelPhone);
      expect(json).not.toContain(sentinelEmail);
      expect(json).not.toContain(w.sme.user.name === 'Test sme' ? sentinelEmail : w.sme.user.name);
      expect(view!.contact).toBeNull();
      expect(view!.manage).toBeNull();
      expect(view!.organisation.kind).toBe('name');
    }
    const own = await getListingForViewer(w.sme2.viewer, 'need', id);
    expect(own!.contact).toMatchObject({ email: sentinelEmail, phone: sentinelPhone });
    const coord = await getListingForViewer(w.coordinator.viewer, 'need', id, '203.0.113.5');
    expect(coord!.contact?.phone).toBe(sentinelPhone);

    const db = await getDb();
    const logs = await db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.subjectId, id), eq(auditLogs.action, 'listing.disclose')));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ actorId: w.coordinator.user.id, ip: '203.0.113.5' });
    expect(logs[0].details).toMatchObject({ fields: expect.arrayContaining(['contacts']) });
  });

  it('anonymous needs show the label, never the organisation', async () => {
    const w = await world();
    const id = await publishedNeed(w.sme.viewer, w.coordinator.viewer, {
      visibility: 'anonymous',
      anonymousLabel: '愛知県の精密加工メーカー',
    });
    const view = await getListingForViewer(w.trading.viewer, 'need', id);
    expect(view!.organisation).toEqual({ kind: 'anonymous', label: '愛知県の精密加工メーカー' });
    const card = (await searchNeeds(w.trading.viewer, search({ q: 'ダイカスト' }))).items.find((i) => i.id === id);
    expect(JSON.stringify(card)).not.toContain('組織 ');
    expect(JSON.stringify(view)).not.toMatch(/Org sme-|組織 sme-/);
    expect((await getListingForViewer(w.sme.viewer, 'need', id))!.organisation.kind).toBe('name');
  });

  it('a seed on an unpublished application shows a teaser only: no number, no claims, no details', async () => {
    const w = await world();
    const id = await publishedSeed(w.researcher.viewer, w.coordinator.viewer, {
      visibility: 'public_teaser',
      details: 'SENTINEL-DETAILS claim 1: a sulfide electrolyte comprising',
      advantages: 'SENTINEL-ADVANTAGES 3x conductivity',
      ipRecords: [
        {
          number: 'SENTINEL-APP-2025-123',
          jurisdiction: 'JP',
          status: 'unpublished_application',
          title: 'SENTINEL-CLAIMS electrolyte',
          filedOn: '2025-05-01',
        },
      ],
    });
    const view = await getListingForViewer(w.trading.viewer, 'seed', id);
    expect(view!.teaser).toBe(true);
    expect(JSON.stringify(view)).not.toMatch(/SENTINEL-(APP|CLAIMS|DETAILS|ADVANTAGES)/);
    expect(view!.ipRecords[0]).toMatchObject({ status: 'unpublished_application', number: null, title: null });
    expect(view!.withheld).toMatchObject({ details: 'nda' });
    const own = await getListingForViewer(w.researcher.viewer, 'seed', id);
    expect(own!.ipRecords[0].number).toBe('SENTINEL-APP-2025-123');

    const publicView = await getPublicSeedTeaser(id);
    expect(JSON.stringify(publicView)).not.toMatch(/SENTINEL|Org university|組織 university/);
    expect(publicView!.organisation.kind).toBe('hidden');
  });

  it('signed-out visitors see public teasers only; members-only seeds are not public', async () => {
    const w = await world();
    const tag = unique('pub').replace('-', '');
    const publicId = await publishedSeed(w.researcher.viewer, w.coordinator.viewer, {
      visibility: 'public_teaser',
      keywords: [tag],
    });
    const membersId = await publishedSeed(w.researcher.viewer, w.coordinator.viewer, {
      visibility: 'members',
      keywords: [tag],
    });
    const result = await searchSeeds(null, search({ q: tag }));
    expect(result.items.map((i) => i.id)).toEqual([publicId]);
    expect(result.items[0].details).toBeNull();
    expect(JSON.stringify(result.items[0])).not.toContain('JP7000001');
    expect(await getPublicSeedTeaser(membersId)).toBeNull();
  });

  it('granted patent numbers are visible to members; a field set to NDA is withheld and says so', async () => {
    const w = await world();
    const id = await publishedSeed(w.researcher.viewer, w.coordinator.viewer, {
      disclosure: { organisationName: 'nda' },
    });
    const view = await getListingForViewer(w.lender.viewer, 'seed', id);
    expect(view!.ipRecords[0].number).toBe('JP7000001');
    expect(view!.organisation.kind).toBe('hidden');
    expect(view!.withheld.organisationName).toBe('nda');
    expect(view!.leadResearcher).toBeNull();
    const db = await getDb();
    const [row] = await db.select({ ipStatus: seeds.ipStatus }).from(seeds).where(eq(seeds.id, id));
    expect(row.ipStatus).toBe('granted');
  });
});
