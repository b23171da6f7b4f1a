import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { matchEvents, matchIntroductions } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import { organisationClusters } from '@/db/schema/accounts';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { transactionWithMail } from '@/lib/mail/transaction';
import { enqueueEmail } from '@/lib/mail/outbox';
import { browsableSql } from '@/lib/listings/access';
import { notify } from '@/lib/notifications/notify';
import { coordinatorsOf, loadMatchContext } from './context';
import { salesChannelMissing } from './rules';
import type { SalesChannelKind } from '@/db/vocabulary/introductions';

/**
 * A coordinator pairs a need and a seed by hand. Both listings must be live and visible to the coordinator
 * (a private listing only to its own clusters' coordinators), at least one of them in a cluster the coordinator
 * coordinates, and the match is filed under that cluster (one both listings share when there is one).
 */
export async function proposeManualMatch(
  db: Db,
  viewer: Viewer,
  input: { needId: string; seedId: string; note?: string },
  ip: string | null = null,
) {
  return transactionWithMail(db, async (tx) => {
    const clusterIds = viewer.role === 'coordinator' ? viewer.coordinatorClusterIds : [];
    if (!clusterIds.length) throw new AppError('forbidden');
    const [need] = await tx
      .select({ id: needs.id, org: needs.organisationId })
      .from(needs)
      .where(and(eq(needs.id, input.needId), browsableSql(needs, viewer)));
    const [seed] = await tx
      .select({ id: seeds.id, org: seeds.organisationId })
      .from(seeds)
      .where(and(eq(seeds.id, input.seedId), browsableSql(seeds, viewer)));
    if (!need || !seed) throw new AppError('not_found');
    const clusterId = await clusterOfPair(tx, need.org, seed.org, clusterIds);
    if (!clusterId) throw new AppError('not_found');
    if (need.org === seed.org) throw new AppError('invalid', 'introductions.errors.same_organisation');
    const [existing] = await tx
      .select({ id: matches.id })
      .from(matches)
      .where(
        and(eq(matches.needId, need.id), eq(matches.seedId, seed.id), inArray(matches.kind, ['engine', 'manual'])),
      );
    if (existing) throw new AppError('conflict', 'introductions.errors.pair_exists');
    const [match] = await tx
      .insert(matches)
      .values({ kind: 'manual', needId: need.id, seedId: seed.id, clusterId, status: 'proposed' })
      .returning({ id: matches.id });
    await tx
      .insert(matchIntroductions)
      .values({ matchId: match.id, createdBy: viewer.userId, coordinatorNote: input.note?.trim() || null });
    await tx.insert(matchEvents).values({
      matchId: match.id,
      type: 'propose',
      actorId: viewer.userId,
      actorRole: 'coordinator',
      toStatus: 'proposed',
      note: input.note?.trim() || null,
    });
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'match.propose',
      subjectType: 'match',
      subjectId: match.id,
      details: { needId: need.id, seedId: seed.id },
      ip,
    });
    return { matchId: match.id };
  });
}

/** The coordinated cluster a pair belongs to: one both organisations share first, else the need's, else the seed's. */
async function clusterOfPair(tx: Db, needOrg: string, seedOrg: string, coordinated: string[]) {
  const rows = await tx
    .select({ clusterId: organisationClusters.clusterId, organisationId: organisationClusters.organisationId })
    .from(organisationClusters)
    .where(
      and(
        inArray(organisationClusters.organisationId, [needOrg, seedOrg]),
        inArray(organisationClusters.clusterId, coordinated),
      ),
    )
    .orderBy(organisationClusters.clusterId);
  const of = (org: string) => new Set(rows.filter((r) => r.organisationId === org).map((r) => r.clusterId));
  const needSide = of(needOrg);
  const seedSide = of(seedOrg);
  return [...needSide].find((id) => seedSide.has(id)) ?? [...needSide][0] ?? [...seedSide][0] ?? null;
}

export type InterestInput = {
  listingKind: 'need' | 'seed';
  listingId: string;
  viaListingId?: string;
  offer: string;
  want: string;
  timing: string;
  showOrganisation?: boolean;
  channelProduct?: string;
  channelTerritories?: string[];
  channelKinds?: SalesChannelKind[];
  channelVolumes?: string;
  channelTerms?: string;
};

/**
 * A verified member asks to be introduced to a listing they can see: a match of kind
 * `interest` (`sales_channel` for a trading firm, which must say what, where and through which channel),
 * proposed to the listing's coordinators. When asked from "Find partners" it is linked to the asker's own
 * listing that found this one (and to the engine's match of that pair), so the introduction keeps its context.
 */
export async function expressInterest(db: Db, viewer: Viewer, input: InterestInput, ip: string | null = null) {
  const kind = viewer.organisationKind === 'trading_firm' ? 'sales_channel' : 'interest';
  if (kind === 'sales_channel') {
    const missing = salesChannelMissing(input);
    if (missing.length)
      throw new AppError(
        'invalid',
        'introductions.errors.sales_channel_incomplete',
        Object.fromEntries(missing.map((f) => [f, ['validation.required']])),
      );
  }
  return transactionWithMail(db, async (tx) => {
    const table = input.listingKind === 'need' ? needs : seeds;
    const [listing] = await tx
      .select({
        id: table.id,
        organisationId: table.organisationId,
        status: table.status,
        visibility: table.visibility,
      })
      .from(table)
      .where(
        and(
          eq(table.id, input.listingId),
          eq(table.status, 'open'),
          sql`${table.visibility} <> 'private'`,
          sql`${table.expiresAt} > now()`,
        ),
      );
    if (!listing) throw new AppError('not_found');
    if (listing.organisationId === viewer.organisationId)
      throw new AppError('invalid', 'introductions.errors.own_listing');
    // the asker's own listing of the other kind: theirs, and not archived
    const viaTable = input.listingKind === 'need' ? seeds : needs;
    let viaId: string | null = null;
    if (input.viaListingId) {
      const [via] = await tx
        .select({ id: viaTable.id })
        .from(viaTable)
        .where(
          and(
            eq(viaTable.id, input.viaListingId),
            eq(viaTable.organisationId, viewer.organisationId),
            sql`${viaTable.status} <> 'archived'`,
          ),
        );
      if (!via)
        throw new AppError('invalid', 'introductions.errors.via_not_yours', {
          viaListingId: ['introductions.errors.via_not_yours'],
        });
      viaId = via.id;
    }
    const ref = input.listingKind === 'need' ? matches.needId : matches.seedId;
    const [open] = await tx
      .select({ id: matches.id })
      .from(matches)
      .where(
        and(
          eq(ref, listing.id),
          eq(matches.requesterOrganisationId, viewer.organisationId),
          inArray(matches.status, ['proposed', 'approved', 'introduced']),
        ),
      );
    if (open) throw new AppError('conflict', 'introductions.errors.interest_exists');
    const pair = viaId
      ? input.listingKind === 'seed'
        ? { needId: viaId, seedId: listing.id }
        : { needId: listing.id, seedId: viaId }
      : null;
    const [source] = pair
      ? await tx
          .select({ id: matches.id })
          .from(matches)
          .where(
            and(
              eq(matches.needId, pair.needId),
              eq(matches.seedId, pair.seedId),
              inArray(matches.kind, ['engine', 'manual']),
            ),
          )
          .limit(1)
      : [];
    const [cluster] = await tx
      .select({ id: organisationClusters.clusterId })
      .from(organisationClusters)
      .where(eq(organisationClusters.organisationId, listing.organisationId))
      .limit(1);
    const [match] = await tx
      .insert(matches)
      .values({
        kind,
        needId: input.listingKind === 'need' ? listing.id : null,
        seedId: input.listingKind === 'seed' ? listing.id : null,
        requesterOrganisationId: viewer.organisationId,
        clusterId: cluster?.id ?? null,
        status: 'proposed',
      })
      .returning({ id: matches.id });
    const channel = kind === 'sales_channel';
    await tx.insert(matchIntroductions).values({
      matchId: match.id,
      requesterUserId: viewer.userId,
      createdBy: viewer.userId,
      interestOffer: input.offer.trim(),
      interestWant: input.want.trim(),
      interestTiming: input.timing.trim(),
      viaNeedId: input.listingKind === 'seed' ? viaId : null,
      viaSeedId: input.listingKind === 'need' ? viaId : null,
      sourceMatchId: source?.id ?? null,
      showOrganisation: input.showOrganisation ?? false,
      channelProduct: channel ? input.channelProduct?.trim() || null : null,
      channelTerritories: channel ? [...new Set(input.channelTerritories ?? [])] : [],
      channelKinds: channel ? [...new Set(input.channelKinds ?? [])] : [],
      channelVolumes: channel ? input.channelVolumes?.trim() || null : null,
      channelTerms: channel ? input.channelTerms?.trim() || null : null,
    });
    await tx.insert(matchEvents).values({
      matchId: match.id,
      type: 'interest',
      actorId: viewer.userId,
      actorRole: 'requester',
      toStatus: 'proposed',
    });
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'match.interest',
      subjectType: 'match',
      subjectId: match.id,
      details: { kind, listingKind: input.listingKind, listingId: listing.id, viaListingId: viaId },
      ip,
    });
    const ctx = (await loadMatchContext(tx, match.id))!;
    const title = (ctx.need ?? ctx.seed)?.title ?? '';
    for (const userId of await coordinatorsOf(tx, ctx)) {
      await notify(tx, {
        userId,
        kind: 'interest_received',
        params: { listing: title, matchId: match.id },
        href: '/introductions/queue',
      });
      await enqueueEmail(tx, {
        to: { userId },
        category: 'introductions',
        template: 'interest_received',
        params: { listing: title },
      });
    }
    return { matchId: match.id, kind };
  });
}
