import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { organisations, users } from '@/db/schema/accounts';
import { matchIntroductions } from '@/db/schema/introductions';
import { listingFollows, needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import { expressInterest } from '@/lib/introductions/create';
import { getMatchForViewer } from '@/lib/introductions/data';
import { listCoordinatorQueue } from '@/lib/introductions/queue';
import {
  interestFormContext,
  interestSummaryForOwner,
  listInterestsOnListing,
} from '@/lib/introductions/interest-data';
import { transitionMatch } from '@/lib/introductions/transition';
import { followListing, listFollowed, unfollowListing, visitFollowed } from '@/lib/listings/follows';
import { reviewListing } from '@/lib/listings/moderation';
import { getListingForEdit, saveListing } from '@/lib/listings/data';
import { seedSchema } from '@/lib/listings/validation';
import { listOutcomes, recordOutcome } from '@/lib/programme/outcomes';
import { makeCluster, makeUser, unique } from '../support/factories';

// Issue 15: interest asked from where people decide, linked to the asker's own need, seen by the owner only as
// DESIGN §4 allows before both accept.

async function listing(kind: 'need' | 'seed', owner: { user: { id: string; organisationId: string } }, title?: string) {
  const db = await getDb();
  const table = kind === 'need' ? needs : seeds;
  const [row] = await db
    .insert(table)
    .values({
      organisationId: owner.user.organisationId,
      createdBy: owner.user.id,
      contactUserId: owner.user.id,
      language: 'en',
      title: title ?? `${kind} ${unique()}`,
      summary: `summary of ${kind}`,
      domain: 'manufacturing',
      status: 'open',
      publishedAt: new Date(),
    })
    .returning({ id: table.id });
  return row.id;
}

/** The asker's people and organisation name carry sentinels; the owner must not see them before both accept. */
async function world() {
  const db = await getDb();
  const cluster = await makeCluster();
  const coordinator = await makeUser('coordinator', { coordinates: [cluster.id] });
  const sme = await makeUser('sme', { clusterIds: [cluster.id] });
  const researcher = await makeUser('researcher', { clusterIds: [cluster.id] });
  const tag = unique('SENTINEL');
  const sentinels = {
    orgJa: `${tag}-組織名`,
    orgEn: `${tag}-ORGNAME`,
    person: `${tag}-PERSON`,
    email: `${tag.toLowerCase()}@sentinel.example`,
    phone: `${tag}-PHONE`,
  };
  await db
    .update(organisations)
    .set({ nameJa: sentinels.orgJa, nameEn: sentinels.orgEn, prefecture: 'Gifu', employeeBand: '10-49' })
    .where(eq(organisations.id, sme.user.organisationId));
  await db
    .update(users)
    .set({ name: sentinels.person, email: sentinels.email, phone: sentinels.phone })
    .where(eq(users.id, sme.user.id));
  const needId = await listing('need', sme, `Need ${tag}-VIA`);
  const seedId = await listing('seed', researcher);
  const [engine] = await db
    .insert(matches)
    .values({ kind: 'engine', needId, seedId, clusterId: cluster.id, score: 0.7 })
    .returning();
  return { cluster, coordinator, sme, researcher, needId, seedId, engine, sentinels };
}

const leaks = (value: unknown, sentinels: Record<string, string>) => {
  const text = JSON.stringify(value);
  return Object.values(sentinels).filter((s) => text.includes(s));
};

const answers = { offer: 'Machining lines', want: 'A licence for the sensor', timing: 'Next spring' };

describe('interest from a match, linked to the need that found it', () => {
  it('the form names the listing and offers the asker’s own needs, pre-filled from them', async () => {
    const w = await world();
    const ctx = await interestFormContext(w.sme.viewer, 'seed', w.seedId);
    expect(ctx?.listing.id).toBe(w.seedId);
    expect(ctx?.mine).toContainEqual(
      expect.objectContaining({ id: w.needId, want: 'summary of need', offer: '', timing: '' }),
    );
    // not for one's own listing
    expect(await interestFormContext(w.sme.viewer, 'need', w.needId)).toBeNull();
  });

  it('keeps the asker’s need and the engine’s match with the interest, through approval to introduction', async () => {
    const db = await getDb();
    const w = await world();
    const { matchId, kind } = await expressInterest(db, w.sme.viewer, {
      listingKind: 'seed',
      listingId: w.seedId,
      viaListingId: w.needId,
      ...answers,
    });
    expect(kind).toBe('interest');
    const [intro] = await db.select().from(matchIntroductions).where(eq(matchIntroductions.matchId, matchId));
    expect(intro).toMatchObject({ viaNeedId: w.needId, sourceMatchId: w.engine.id, showOrganisation: false });

    // the coordinator's card: who asks, what for, the linked need — without opening anything
    const queue = await listCoordinatorQueue(w.coordinator.viewer, { kind: 'interest' });
    const row = queue.items.find((i) => i.id === matchId);
    expect(row?.requester).toMatchObject({ kind: 'sme', prefecture: 'Gifu', employeeBand: '10-49' });
    expect(row?.want).toBe(answers.want);
    expect(row?.viaNeed).toMatchObject({ id: w.needId });

    // the owner sees the interest waiting for the coordinator, counted on the listing and on their home
    let onSeed = await listInterestsOnListing(w.researcher.viewer, 'seed', w.seedId);
    expect(onSeed?.interestedCount).toBe(1);
    expect(onSeed?.items[0]).toMatchObject({
      state: 'waiting_for_coordinator',
      href: null,
      organisation: { kind: 'sme', prefecture: 'Gifu', employeeBand: '10-49', name: null },
    });
    const home = await interestSummaryForOwner(w.researcher.viewer);
    expect(home.listings).toContainEqual(expect.objectContaining({ id: w.seedId, interested: 1, awaitingYou: 0 }));

    await transitionMatch(db, w.coordinator.viewer, matchId, { type: 'approve', note: 'good fit' });
    onSeed = await listInterestsOnListing(w.researcher.viewer, 'seed', w.seedId);
    expect(onSeed?.items[0]).toMatchObject({ state: 'awaiting_you', href: `/introductions/${matchId}` });
    expect((await interestSummaryForOwner(w.researcher.viewer)).listings).toContainEqual(
      expect.objectContaining({ id: w.seedId, awaitingYou: 1 }),
    );
    const ownerView = await getMatchForViewer(w.researcher.viewer, matchId);
    expect(ownerView?.via).toMatchObject({ kind: 'need', id: w.needId });
    expect(ownerView?.requester).toMatchObject({ kind: 'sme', prefecture: 'Gifu', name: null });

    await transitionMatch(db, w.researcher.viewer, matchId, { type: 'accept' });
    expect((await listInterestsOnListing(w.researcher.viewer, 'seed', w.seedId))?.items[0].state).toBe('awaiting_them');
    await transitionMatch(db, w.sme.viewer, matchId, { type: 'accept' });
    onSeed = await listInterestsOnListing(w.researcher.viewer, 'seed', w.seedId);
    expect(onSeed?.items[0].state).toBe('introduced');
    expect(onSeed?.items[0].organisation.name?.en).toBe(w.sentinels.orgEn);
    const introduced = await getMatchForViewer(w.researcher.viewer, matchId);
    expect(introduced?.status).toBe('introduced');
    expect(introduced?.via?.id).toBe(w.needId);
    expect(introduced?.contacts?.requester?.email).toBe(w.sentinels.email);
  });

  it('links only to the asker’s own listing', async () => {
    const db = await getDb();
    const w = await world();
    const stranger = await makeUser('sme', { clusterIds: [w.cluster.id] });
    const theirs = await listing('need', stranger);
    await expect(
      expressInterest(db, w.sme.viewer, { listingKind: 'seed', listingId: w.seedId, viaListingId: theirs, ...answers }),
    ).rejects.toMatchObject({ code: 'invalid', fieldErrors: { viaListingId: ['introductions.errors.via_not_yours'] } });
    expect(await db.select().from(matches).where(eq(matches.seedId, w.seedId))).toHaveLength(1); // the engine's only
  });

  it('a declined interest is shown as such and no longer counted', async () => {
    const db = await getDb();
    const w = await world();
    const { matchId } = await expressInterest(db, w.sme.viewer, {
      listingKind: 'seed',
      listingId: w.seedId,
      ...answers,
    });
    await transitionMatch(db, w.coordinator.viewer, matchId, { type: 'approve' });
    await transitionMatch(db, w.researcher.viewer, matchId, { type: 'decline', reason: 'not_our_field' });
    const onSeed = await listInterestsOnListing(w.researcher.viewer, 'seed', w.seedId);
    expect(onSeed?.interestedCount).toBe(0);
    expect(onSeed?.items[0].state).toBe('declined');
  });
});

describe('what reaches the owner before both accept (sentinels, every role)', () => {
  it('no name, person or contact of the asker until introduced; the name only when the asker chose to show it', async () => {
    const db = await getDb();
    const w = await world();
    const { matchId } = await expressInterest(db, w.sme.viewer, {
      listingKind: 'seed',
      listingId: w.seedId,
      viaListingId: w.needId,
      ...answers,
    });
    const ownerOutputs = async () => [
      await listInterestsOnListing(w.researcher.viewer, 'seed', w.seedId),
      await interestSummaryForOwner(w.researcher.viewer),
      await getMatchForViewer(w.researcher.viewer, matchId),
    ];
    expect(leaks(await ownerOutputs(), w.sentinels)).toEqual([]);
    await transitionMatch(db, w.coordinator.viewer, matchId, { type: 'approve' });
    expect(leaks(await ownerOutputs(), w.sentinels)).toEqual([]);
    await transitionMatch(db, w.researcher.viewer, matchId, { type: 'accept' });
    expect(leaks(await ownerOutputs(), w.sentinels)).toEqual([]);

    // every other role: nothing about this interest at all
    const others = [
      await makeUser('sme', { clusterIds: [w.cluster.id] }),
      await makeUser('researcher', { clusterIds: [w.cluster.id] }),
      await makeUser('trading', { clusterIds: [w.cluster.id] }),
      await makeUser('lender', { clusterIds: [w.cluster.id] }),
      await makeUser('coordinator', { coordinates: [(await makeCluster()).id] }),
      await makeUser('admin'),
    ];
    for (const o of others) {
      expect(await listInterestsOnListing(o.viewer, 'seed', w.seedId)).toBeNull();
      expect(await getMatchForViewer(o.viewer, matchId)).toBeNull();
      expect(leaks(await interestSummaryForOwner(o.viewer), w.sentinels)).toEqual([]);
    }
    // the cluster's coordinator brokers it and sees who asks
    expect(JSON.stringify(await getMatchForViewer(w.coordinator.viewer, matchId))).toContain(w.sentinels.orgEn);

    // once both accepted the owner learns who it is
    await transitionMatch(db, w.sme.viewer, matchId, { type: 'accept' });
    expect(leaks(await ownerOutputs(), w.sentinels)).toEqual(
      expect.arrayContaining([w.sentinels.orgEn, w.sentinels.email]),
    );
  });

  it('an asker who shows their name shows the organisation, never the person', async () => {
    const db = await getDb();
    const w = await world();
    const { matchId } = await expressInterest(db, w.sme.viewer, {
      listingKind: 'seed',
      listingId: w.seedId,
      showOrganisation: true,
      ...answers,
    });
    await transitionMatch(db, w.coordinator.viewer, matchId, { type: 'approve' });
    const outputs = [
      await listInterestsOnListing(w.researcher.viewer, 'seed', w.seedId),
      await getMatchForViewer(w.researcher.viewer, matchId),
    ];
    expect(leaks(outputs, w.sentinels).sort()).toEqual([w.sentinels.orgEn, w.sentinels.orgJa].sort());
  });

  it('a private need the interest came from is not named to the owner before introduction', async () => {
    const db = await getDb();
    const w = await world();
    await db.update(needs).set({ visibility: 'private' }).where(eq(needs.id, w.needId));
    const { matchId } = await expressInterest(db, w.sme.viewer, {
      listingKind: 'seed',
      listingId: w.seedId,
      viaListingId: w.needId,
      ...answers,
    });
    await transitionMatch(db, w.coordinator.viewer, matchId, { type: 'approve' });
    const view = await getMatchForViewer(w.researcher.viewer, matchId);
    expect(view?.via).toBeNull();
    expect(JSON.stringify(view)).not.toContain('-VIA');
    expect((await getMatchForViewer(w.coordinator.viewer, matchId))?.via?.id).toBe(w.needId);
  });
});

describe('a trading firm’s sales-channel interest', () => {
  it('must say what, where and through which channel, and keeps it for the coordinator and the owner', async () => {
    const db = await getDb();
    const w = await world();
    const trader = await makeUser('trading', { clusterIds: [w.cluster.id] });
    await expect(
      expressInterest(db, trader.viewer, { listingKind: 'seed', listingId: w.seedId, ...answers }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fieldErrors: {
        channelProduct: ['validation.required'],
        channelTerritories: ['validation.required'],
        channelKinds: ['validation.required'],
      },
    });
    const { matchId, kind } = await expressInterest(db, trader.viewer, {
      listingKind: 'seed',
      listingId: w.seedId,
      ...answers,
      channelProduct: 'Weld inspection sensor',
      channelTerritories: ['pref:Aichi', 'region:kinki', 'country:TH'],
      channelKinds: ['distributor', 'export'],
      channelVolumes: '500 units a year',
      channelTerms: 'Exclusive in Thailand for 3 years',
    });
    expect(kind).toBe('sales_channel');
    const row = (await listCoordinatorQueue(w.coordinator.viewer, { kind: 'sales_channel' })).items.find(
      (i) => i.id === matchId,
    );
    expect(row?.channel).toMatchObject({
      product: 'Weld inspection sensor',
      territories: ['pref:Aichi', 'region:kinki', 'country:TH'],
      kinds: ['distributor', 'export'],
    });
    await transitionMatch(db, w.coordinator.viewer, matchId, { type: 'approve' });
    const ownerView = await getMatchForViewer(w.researcher.viewer, matchId);
    expect(ownerView?.channel).toMatchObject({
      volumes: '500 units a year',
      terms: 'Exclusive in Thailand for 3 years',
    });
    expect(ownerView?.requester).toMatchObject({ kind: 'trading_firm', name: null });
    expect((await listInterestsOnListing(w.researcher.viewer, 'seed', w.seedId))?.items[0]).toMatchObject({
      kind: 'sales_channel',
      state: 'awaiting_you',
    });
  });
});

describe('a trading firm follows listings and records its first order', () => {
  it('follows what it may browse (not its own), sees changes since its last visit, and unfollows', async () => {
    const db = await getDb();
    const w = await world();
    const trader = await makeUser('trading', { clusterIds: [w.cluster.id] });
    await followListing(trader.viewer, 'seed', w.seedId);
    await followListing(trader.viewer, 'seed', w.seedId); // twice is once
    let list = await listFollowed(trader.viewer);
    expect(list).toEqual([expect.objectContaining({ id: w.seedId, kind: 'seed', changed: false })]);

    // the owner edits it after the trader's last visit: changed until the trader opens it again
    await db
      .update(listingFollows)
      .set({ lastSeenAt: new Date(Date.now() - 3_600_000) })
      .where(eq(listingFollows.listingId, w.seedId));
    await db
      .update(seeds)
      .set({ summary: 'now with a Thai partner', updatedAt: new Date() })
      .where(eq(seeds.id, w.seedId));
    list = await listFollowed(trader.viewer);
    expect(list[0].changed).toBe(true);
    expect(await visitFollowed(trader.viewer, w.seedId)).toBe(true);
    expect((await listFollowed(trader.viewer))[0].changed).toBe(false);

    // a listing that turns private leaves the list; own listings and unknown ones cannot be followed
    await db.update(seeds).set({ visibility: 'private' }).where(eq(seeds.id, w.seedId));
    expect(await listFollowed(trader.viewer)).toEqual([]);
    await expect(followListing(trader.viewer, 'need', crypto.randomUUID())).rejects.toMatchObject({
      code: 'not_found',
    });
    const ownNeed = await listing('need', w.sme);
    await expect(followListing(w.sme.viewer, 'need', ownNeed)).rejects.toMatchObject({
      code: 'invalid',
      messageKey: 'listings.follow.own_listing',
    });
    await unfollowListing(trader.viewer, w.seedId);
    expect(await visitFollowed(trader.viewer, w.seedId)).toBe(false);
  });

  it('says which parts the owners edited since the last visit', async () => {
    const cluster = await makeCluster();
    const coordinator = await makeUser('coordinator', { coordinates: [cluster.id] });
    const researcher = await makeUser('researcher', { clusterIds: [cluster.id] });
    const trader = await makeUser('trading', { clusterIds: [cluster.id] });
    const publish = (saved: { id: string; version: number }) =>
      reviewListing(coordinator.viewer, {
        kind: 'seed',
        id: saved.id,
        version: saved.version,
        decision: 'publish',
        comment: '',
      });
    const edit = async (id: string, change: Record<string, unknown>) => {
      const current = await getListingForEdit(researcher.viewer, 'seed', id);
      await publish(
        await saveListing(
          researcher.viewer,
          'seed',
          seedSchema.parse({ ...current?.values, intent: 'submit', ...change }),
        ),
      );
    };
    const first = await saveListing(
      researcher.viewer,
      'seed',
      seedSchema.parse({
        intent: 'submit',
        language: 'en',
        title: `Follow me ${unique()}`,
        summary: 'A sensor',
        domain: 'manufacturing',
        visibility: 'members',
        royaltyMinPct: '2',
      }),
    );
    await publish(first);
    await followListing(trader.viewer, 'seed', first.id);

    // an edit seen (the trader opened the seed after it) is no news
    await edit(first.id, { title: `Renamed ${unique()}` });
    expect((await listFollowed(trader.viewer))[0]).toMatchObject({ changed: true, changedParts: ['title'] });
    await visitFollowed(trader.viewer, first.id);
    expect((await listFollowed(trader.viewer))[0]).toMatchObject({ changed: false, changedParts: [] });

    // two edits since: the parts of both, each once, in the listing's order
    await edit(first.id, { royaltyMaxPct: '4' });
    await edit(first.id, { summary: 'A sensor, now tested in Thailand', royaltyMinPct: '1.5' });
    expect((await listFollowed(trader.viewer))[0]).toMatchObject({
      changed: true,
      changedParts: ['summary', 'licensingTerms'],
    });
  });

  it('from sales-channel interest through introduction to a first order the programme counts', async () => {
    const db = await getDb();
    const w = await world();
    const trader = await makeUser('trading', { clusterIds: [w.cluster.id] });
    const { matchId } = await expressInterest(db, trader.viewer, {
      listingKind: 'seed',
      listingId: w.seedId,
      ...answers,
      channelProduct: 'Weld inspection sensor',
      channelTerritories: ['country:TH'],
      channelKinds: ['distributor'],
    });
    await transitionMatch(db, w.coordinator.viewer, matchId, { type: 'approve' });
    await transitionMatch(db, trader.viewer, matchId, { type: 'accept' });
    await transitionMatch(db, w.researcher.viewer, matchId, { type: 'accept' });
    await recordOutcome(db, trader.viewer, matchId, {
      kind: 'first_sale',
      occurredOn: '2026-11-30',
      amountJpy: 4_800_000,
    });
    expect(await listOutcomes(db, w.researcher.viewer, matchId)).toContainEqual(
      expect.objectContaining({ kind: 'first_sale', amountJpy: 4_800_000 }),
    );
  });
});
