import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { exportListingsCsv } from '@/lib/export/listings';
import { getListingForEdit, getListingForViewer, getPublicSeedTeaser, saveListing } from '@/lib/listings/data';
import { findPartnersForViewer } from '@/lib/listings/partners';
import { indexListings } from '@/lib/matching/store';
import { reviewListing } from '@/lib/listings/moderation';
import { searchNeeds, searchSeeds } from '@/lib/listings/search';
import { needSchema, searchParamsSchema, seedSchema } from '@/lib/listings/validation';
import { makeCluster, makeUser, unique } from '../support/factories';

// Issue 15: a seed's licensing terms are structured, shown to members and searchable as filters.

const seedInput = (title: string, overrides: Record<string, unknown> = {}) =>
  seedSchema.parse({
    intent: 'submit',
    language: 'en',
    title,
    summary: 'A weld inspection sensor.',
    domain: 'manufacturing',
    keywords: [],
    visibility: 'public_teaser',
    licensing: ['non_exclusive'],
    ...overrides,
  });

describe('structured licensing terms on seeds', () => {
  it('are validated, stored, shown to members (not on the public teaser) and filter the seed search', async () => {
    const cluster = await makeCluster();
    const researcher = await makeUser('researcher', { clusterIds: [cluster.id] });
    const coordinator = await makeUser('coordinator', { coordinates: [cluster.id] });
    const sme = await makeUser('sme', { clusterIds: [cluster.id] });
    const tag = unique('terms');

    // the schema the form and the action share rejects an upper bound below the lower one
    const bad = seedSchema.safeParse({ ...seedInput(`${tag} bad`), royaltyMinPct: '5', royaltyMaxPct: '2' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['royaltyMaxPct'], message: 'listings.errors.min_above_max' });
    expect(seedSchema.safeParse({ ...seedInput(`${tag} bad`), licenceTerritories: ['mars'] }).success).toBe(false);

    const publish = async (title: string, overrides: Record<string, unknown>) => {
      const saved = await saveListing(researcher.viewer, 'seed', seedInput(title, overrides));
      await reviewListing(coordinator.viewer, {
        kind: 'seed',
        id: saved.id,
        version: saved.version,
        decision: 'publish',
        comment: '',
      });
      return saved.id;
    };
    const cheap = await publish(`${tag} cheap`, {
      royaltyMinPct: '2',
      royaltyMaxPct: '3.5',
      upfrontFeeMinJpy: '1000000',
      upfrontFeeMaxJpy: '3000000',
      milestoneFeeMinJpy: '500000',
      licenceTerritories: ['japan', 'country:TH'],
      fieldOfUse: 'Automotive welding inspection',
      exclusivityMonths: '24',
      sublicensing: 'yes',
      optionAgreement: 'yes',
    });
    const dear = await publish(`${tag} dear`, {
      royaltyMinPct: '8',
      licenceTerritories: ['country:US'],
      sublicensing: 'no',
    });
    const unstated = await publish(`${tag} unstated`, {});

    const view = await getListingForViewer(sme.viewer, 'seed', cheap);
    expect(view?.terms).toMatchObject({
      royaltyMinPct: 2,
      royaltyMaxPct: 3.5,
      upfrontFeeMinJpy: 1_000_000,
      upfrontFeeMaxJpy: 3_000_000,
      milestoneFeeMinJpy: 500_000,
      milestoneFeeMaxJpy: null,
      licenceTerritories: ['japan', 'country:TH'],
      fieldOfUse: 'Automotive welding inspection',
      exclusivityMonths: 24,
      sublicensing: true,
      optionAgreement: true,
    });
    expect((await getPublicSeedTeaser(cheap))?.terms.royaltyMinPct).toBeNull();
    // the edit form gets them back as it sent them
    const edit = await getListingForEdit(researcher.viewer, 'seed', cheap);
    expect(edit?.values).toMatchObject({
      royaltyMinPct: 2,
      sublicensing: 'yes',
      licenceTerritories: ['japan', 'country:TH'],
    });

    const found = async (query: Record<string, string>) =>
      (await searchSeeds(sme.viewer, searchParamsSchema.parse({ q: tag, ...query }))).items.map((s) => s.id).sort();
    expect(await found({})).toEqual([cheap, dear, unstated].sort());
    expect(await found({ royaltyMax: '5' })).toEqual([cheap]);
    expect(await found({ territory: 'pref:Aichi' })).toEqual([cheap]); // all of Japan covers Aichi
    expect(await found({ territory: 'country:US' })).toEqual([dear]);
    expect(await found({ sublicensing: 'yes' })).toEqual([cheap]);
    expect(await found({ option: 'yes', royaltyMax: '1' })).toEqual([]);
  });
});

describe('licensing terms a need can accept', () => {
  it('are validated, stored, shown with the need and compared with each seed’s terms in the matching reasons', async () => {
    const db = await getDb();
    const cluster = await makeCluster();
    const researcher = await makeUser('researcher', { clusterIds: [cluster.id] });
    const coordinator = await makeUser('coordinator', { coordinates: [cluster.id] });
    const sme = await makeUser('sme', { clusterIds: [cluster.id] });
    const trading = await makeUser('trading', { clusterIds: [cluster.id] });
    const tag = unique('accept').replace(/[^a-z]/gi, '');
    const needInput = (overrides: Record<string, unknown>) =>
      needSchema.parse({
        intent: 'submit',
        language: 'en',
        title: `Weld seam inspection sensor ${tag}`,
        summary: `We need an ultrasonic weld seam inspection sensor ${tag}.`,
        domain: 'manufacturing',
        keywords: [tag, 'weld inspection'],
        visibility: 'members',
        ...overrides,
      });

    // one schema for the form and the action: each wrong value is told next to its field
    const bad = needSchema.safeParse({
      ...needInput({}),
      acceptRoyaltyMaxPct: '150',
      acceptUpfrontMaxJpy: '-1',
      acceptTerritories: ['mars'],
    });
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'acceptRoyaltyMaxPct',
      'acceptTerritories.0',
      'acceptUpfrontMaxJpy',
    ]);

    const need = await saveListing(
      sme.viewer,
      'need',
      needInput({
        acceptRoyaltyMaxPct: '5',
        acceptUpfrontMaxJpy: '2000000',
        acceptTerritories: ['pref:Aichi', 'country:VN'],
        wantsExclusive: true,
        needsSublicensing: true,
      }),
    );
    const publish = async (kind: 'need' | 'seed', saved: { id: string; version: number }) =>
      reviewListing(coordinator.viewer, {
        kind,
        id: saved.id,
        version: saved.version,
        decision: 'publish',
        comment: '',
      });
    await publish('need', need);
    const seed = await saveListing(
      researcher.viewer,
      'seed',
      seedInput(`Ultrasonic weld seam inspection sensor ${tag}`, {
        summary: `An ultrasonic weld seam inspection sensor ${tag}.`,
        keywords: [tag, 'weld inspection'],
        licensing: ['non_exclusive'],
        royaltyMinPct: '2',
        royaltyMaxPct: '4',
        upfrontFeeMinJpy: '1000000',
        upfrontFeeMaxJpy: '3000000',
        licenceTerritories: ['japan'],
        sublicensing: 'yes',
      }),
    );
    await publish('seed', seed);

    // stored and shown with the need (a need detail: members who may read the need see it)
    const accepted = { royaltyMaxPct: 5, upfrontMaxJpy: 2_000_000, territories: ['pref:Aichi', 'country:VN'] };
    expect((await getListingForViewer(trading.viewer, 'need', need.id))?.acceptTerms).toEqual({
      ...accepted,
      exclusive: true,
      sublicensing: true,
    });
    expect((await getListingForEdit(sme.viewer, 'need', need.id))?.values).toMatchObject({
      acceptRoyaltyMaxPct: 5,
      acceptTerritories: ['pref:Aichi', 'country:VN'],
      wantsExclusive: true,
    });

    // the stored path: indexed as the re-match job does, ranked for the need, explained term by term
    await indexListings(db, 'need', [need.id]);
    await indexListings(db, 'seed', [seed.id]);
    const partners = await findPartnersForViewer(sme.viewer, 'need', need.id);
    const row = [...(partners?.partners ?? []), ...(partners?.weaker ?? [])].find((p) => p.id === seed.id);
    expect(
      row?.reasons.filter((r) => r.kind === 'licence_term').map((r) => r.kind === 'licence_term' && r.check),
    ).toEqual([
      { term: 'royalty', fit: 'fits', min: 2, max: 4, limit: 5 },
      { term: 'upfront', fit: 'partly', min: 1_000_000, max: 3_000_000, limit: 2_000_000 },
      {
        term: 'territory',
        fit: 'partly',
        offered: ['japan'],
        needed: ['pref:Aichi', 'country:VN'],
        missing: ['country:VN'],
      },
      { term: 'exclusivity', fit: 'conflicts' },
      { term: 'sublicensing', fit: 'fits' },
    ]);
    // and from the seed's side (the need is the candidate, read from the index)
    const needs = await findPartnersForViewer(researcher.viewer, 'seed', seed.id);
    const back = [...(needs?.partners ?? []), ...(needs?.weaker ?? [])].find((p) => p.id === need.id);
    expect(back?.reasons.filter((r) => r.kind === 'licence_term')).toHaveLength(5);
  });
});

describe('who learns the terms a need can accept (sentinels, every role)', () => {
  it('a private need’s terms reach its owners and the cluster’s coordinators only: no page, search, export or reason', async () => {
    const db = await getDb();
    const cluster = await makeCluster();
    const coordinator = await makeUser('coordinator', { coordinates: [cluster.id] });
    const sme = await makeUser('sme', { clusterIds: [cluster.id] });
    const researcher = await makeUser('researcher', { clusterIds: [cluster.id] });
    const tag = unique('private').replace(/[^a-z]/gi, '');
    // values no other listing states: a royalty ceiling of 7.31% and Saudi Arabia
    const saved = await saveListing(
      sme.viewer,
      'need',
      needSchema.parse({
        intent: 'submit',
        language: 'en',
        title: `Crack detection in press dies ${tag}`,
        summary: `Detect cracks in press dies from vibration ${tag}.`,
        domain: 'manufacturing',
        keywords: [tag],
        visibility: 'private',
        acceptRoyaltyMaxPct: '7.31',
        acceptTerritories: ['country:SA'],
      }),
    );
    await reviewListing(coordinator.viewer, {
      kind: 'need',
      id: saved.id,
      version: saved.version,
      decision: 'publish',
      comment: '',
    });
    const seed = await saveListing(
      researcher.viewer,
      'seed',
      seedInput(`Die crack detection from vibration ${tag}`, {
        summary: `Detects cracks in press dies from vibration ${tag}.`,
        keywords: [tag],
        royaltyMinPct: '2',
        royaltyMaxPct: '9',
        licenceTerritories: ['worldwide'],
      }),
    );
    await reviewListing(coordinator.viewer, {
      kind: 'seed',
      id: seed.id,
      version: seed.version,
      decision: 'publish',
      comment: '',
    });
    await indexListings(db, 'need', [saved.id]);
    await indexListings(db, 'seed', [seed.id]);
    const sentinels = ['7.31', 'country:SA'];
    const leaks = (value: unknown) => sentinels.filter((x) => JSON.stringify(value).includes(x));

    // its owners and the coordinators who broker it by hand see them
    for (const v of [sme.viewer, coordinator.viewer])
      expect((await getListingForViewer(v, 'need', saved.id))?.acceptTerms).toMatchObject({ royaltyMaxPct: 7.31 });
    // …and the coordinator's Find partners for the seed explains the pair with them (the sentinels do travel there)
    expect(leaks(await findPartnersForViewer(coordinator.viewer, 'seed', seed.id))).toEqual(sentinels);

    // every other role, the seed's owner included: nothing of the need, so nothing of its terms
    const others = [
      researcher,
      await makeUser('sme', { clusterIds: [cluster.id] }),
      await makeUser('trading', { clusterIds: [cluster.id] }),
      await makeUser('lender', { clusterIds: [cluster.id] }),
      await makeUser('coordinator', { coordinates: [(await makeCluster()).id] }),
      await makeUser('admin'),
    ];
    for (const o of others) {
      const seen = [
        await getListingForViewer(o.viewer, 'need', saved.id),
        await searchNeeds(o.viewer, searchParamsSchema.parse({ q: tag })),
        (await exportListingsCsv(o.viewer, 'needs', searchParamsSchema.parse({ q: tag }), '')).csv,
        await findPartnersForViewer(o.viewer, 'seed', seed.id),
      ];
      expect(seen[0], o.viewer.role).toBeNull();
      expect(leaks(seen), o.viewer.role).toEqual([]);
    }
  });
});
