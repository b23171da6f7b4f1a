import 'server-only';
import { and, desc, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations } from '@/db/schema/accounts';
import { matchIntroductions } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import type { Viewer } from '@/lib/auth/policy';
import { browsableSql } from '@/lib/listings/access';
import type { ListingKind } from '@/db/vocabulary/listings';
import { interestStateFor } from './rules';
import { tableOf } from '@/lib/listings/access';

/**
 * What the "I'm interested" form needs: the listing it names (one the viewer may browse, not their own)
 * and the viewer's own listings of the other kind to link it to, each with what pre-fills the answers.
 */
export async function interestFormContext(viewer: Viewer, kind: ListingKind, id: string) {
  const db = await getDb();
  const table = tableOf(kind);
  const [target] = await db
    .select({ id: table.id, title: table.title, language: table.language, organisationId: table.organisationId })
    .from(table)
    .where(and(eq(table.id, id), browsableSql(table, viewer)));
  if (!target || target.organisationId === viewer.organisationId) return null;
  const own =
    kind === 'seed'
      ? await db
          .select({ id: needs.id, title: needs.title, summary: needs.summary, timeline: needs.timeline })
          .from(needs)
          .where(
            and(eq(needs.organisationId, viewer.organisationId), inArray(needs.status, ['open', 'pending_review'])),
          )
          .orderBy(desc(needs.updatedAt))
          .limit(50)
      : await db
          .select({ id: seeds.id, title: seeds.title, summary: seeds.summary, advantages: seeds.advantages })
          .from(seeds)
          .where(
            and(eq(seeds.organisationId, viewer.organisationId), inArray(seeds.status, ['open', 'pending_review'])),
          )
          .orderBy(desc(seeds.updatedAt))
          .limit(50);
  return {
    listing: { kind, id: target.id, title: target.title, language: target.language },
    // a need pre-fills what we want and when; a seed what we offer
    mine: own.map((o) =>
      'timeline' in o
        ? { id: o.id, title: o.title, offer: '', want: o.summary, timing: o.timeline ?? '' }
        : {
            id: o.id,
            title: o.title,
            offer: [o.summary, o.advantages].filter(Boolean).join('\n'),
            want: '',
            timing: '',
          },
    ),
  };
}

/**
 * The interest in one of the viewer's own listings, as its owner may see it before both accept (DESIGN §4):
 * the asking organisation's kind, region and size band, its name only where it chose to show it (or once
 * introduced), the state, and a link once the coordinator passed it on. No people, no contact fields.
 * Null when the listing is not the viewer organisation's.
 */
export async function listInterestsOnListing(viewer: Viewer, kind: ListingKind, id: string) {
  const db = await getDb();
  const table = tableOf(kind);
  const [own] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), eq(table.organisationId, viewer.organisationId)));
  if (!own) return null;
  const ref = kind === 'need' ? matches.needId : matches.seedId;
  const ownerResponse = kind === 'need' ? matchIntroductions.needResponse : matchIntroductions.seedResponse;
  const rows = await db
    .select({
      id: matches.id,
      kind: matches.kind,
      status: matches.status,
      createdAt: matches.createdAt,
      ownerResponse,
      showOrganisation: matchIntroductions.showOrganisation,
      orgKind: organisations.kind,
      prefecture: organisations.prefecture,
      employeeBand: organisations.employeeBand,
      nameJa: organisations.nameJa,
      nameEn: organisations.nameEn,
    })
    .from(matches)
    .innerJoin(matchIntroductions, eq(matchIntroductions.matchId, matches.id))
    .innerJoin(organisations, eq(organisations.id, matches.requesterOrganisationId))
    .where(
      and(
        eq(ref, id),
        isNotNull(matches.requesterOrganisationId),
        inArray(matches.kind, ['interest', 'sales_channel']),
      ),
    )
    .orderBy(desc(matches.createdAt));
  const items = rows.map((r) => {
    const state = interestStateFor(r.status, r.ownerResponse);
    const named = r.showOrganisation || state === 'introduced';
    return {
      id: r.id,
      kind: r.kind,
      state,
      createdAt: r.createdAt,
      organisation: {
        kind: r.orgKind,
        prefecture: r.prefecture,
        employeeBand: r.employeeBand,
        name: named ? { ja: r.nameJa, en: r.nameEn } : null,
      },
      // the match page opens to the owner once the coordinator passed it on
      href:
        state === 'waiting_for_coordinator' || r.status === 'rejected' || r.status === 'withdrawn'
          ? null
          : `/introductions/${r.id}`,
    };
  });
  const active = items.filter((i) => i.state !== 'declined');
  return { items, interestedCount: active.length };
}

/** For the owner's home: per own listing with interest, how many organisations are interested and how many await them. */
export async function interestSummaryForOwner(viewer: Viewer) {
  const db = await getDb();
  const mine = (kind: ListingKind) => {
    const table = tableOf(kind);
    const ref = kind === 'need' ? matches.needId : matches.seedId;
    const ownerResponse = kind === 'need' ? matchIntroductions.needResponse : matchIntroductions.seedResponse;
    return db
      .select({
        id: table.id,
        title: table.title,
        interested:
          sql<number>`count(distinct ${matches.requesterOrganisationId}) filter (where ${matches.status} in ('proposed','approved','introduced','closed'))`.mapWith(
            Number,
          ),
        awaitingYou:
          sql<number>`count(*) filter (where ${matches.status} = 'approved' and coalesce(${ownerResponse}::text, 'pending') = 'pending')`.mapWith(
            Number,
          ),
      })
      .from(table)
      .innerJoin(matches, eq(ref, table.id))
      .innerJoin(matchIntroductions, eq(matchIntroductions.matchId, matches.id))
      .where(
        and(
          eq(table.organisationId, viewer.organisationId),
          inArray(matches.kind, ['interest', 'sales_channel']),
          or(ne(matches.status, 'withdrawn'), isNotNull(matchIntroductions.deadline)),
        ),
      )
      .groupBy(table.id, table.title);
  };
  const [n, s] = await Promise.all([mine('need'), mine('seed')]);
  const listings = [
    ...n.map((r) => ({ ...r, kind: 'need' as const })),
    ...s.map((r) => ({ ...r, kind: 'seed' as const })),
  ].filter((r) => r.interested > 0 || r.awaitingYou > 0);
  return { listings, total: listings.reduce((sum, r) => sum + r.interested, 0) };
}
