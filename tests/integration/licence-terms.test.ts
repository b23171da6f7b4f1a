import { describe, expect, it } from 'vitest';
import { getPublicSeedTeaser, getSeedForEdit, getSeedForViewer, saveSeed } from '@/lib/listings/seeds-data';
import { reviewListing } from '@/lib/listings/moderation';
import { searchSeeds } from '@/lib/listings/search';
import { searchParamsSchema, seedSchema } from '@/lib/listings/validation';
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
      const saved = await saveSeed(researcher.viewer, seedInput(title, overrides));
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

    const view = await getSeedForViewer(sme.viewer, cheap);
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
    const edit = await getSeedForEdit(researcher.viewer, cheap);
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
