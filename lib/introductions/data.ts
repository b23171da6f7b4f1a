import 'server-only';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db';
import { organisations } from '@/db/schema/accounts';
import { matchEvents, matchIntroductions } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import { writeAudit } from '@/lib/audit/write';
import { loadContact, type Contact } from '@/lib/accounts/contact';
import type { Viewer } from '@/lib/auth/policy';
import {
  actorOf,
  isCoordinatorOf,
  readMatchContext,
  type MatchContext,
  personOfSide,
  responsesOf,
  sidesOfViewer,
  stateOf,
  visibleToParty,
} from './context';
import { availableEvents, contactsRevealed } from './rules';
import { unreadMessageCount } from './after';
import type { Side } from '@/db/vocabulary/introductions';

/** A match as the viewer may see it (the introduction page and its cards in components/introductions). */
export type MatchForViewer = NonNullable<Awaited<ReturnType<typeof getMatchForViewer>>>;

/** Everything the match page shows to this viewer, or null when the viewer may not see the match at all. */
export async function getMatchForViewer(viewer: Viewer, matchId: string, ip: string | null = null) {
  const db = await getDb();
  const ctx = await readMatchContext(db, matchId);
  if (!ctx) return null;
  const actor = actorOf(viewer, ctx);
  if (!actor || actor.kind === 'system') return null;
  const coordinator = isCoordinatorOf(viewer, ctx);
  const mySides = sidesOfViewer(viewer, ctx);
  if (!coordinator && !mySides.some((s) => visibleToParty(ctx, s))) return null;

  const revealed = contactsRevealed(ctx.status);
  const contacts: Partial<Record<Side, Contact | null>> = {};
  if (revealed) {
    for (const side of ctx.sides) contacts[side] = await loadContact(db, personOfSide(ctx, side));
    await writeAudit(db, {
      actorId: viewer.userId,
      action: 'match.contacts_viewed',
      subjectType: 'match',
      subjectId: matchId,
      details: { sides: ctx.sides },
      ip,
    });
  }
  const responses = responsesOf(ctx);
  const intro = ctx.intro;
  const requesterOrg = ctx.requester ? await requesterOrganisation(db, ctx.requester.organisationId) : null;
  const ownRequest = mySides.includes('requester');
  // the asker's organisation: kind, region, size for everyone who sees the match; its name once introduced,
  // to coordinators and itself, or where it chose to show it (DESIGN §4)
  const requester = requesterOrg
    ? {
        kind: requesterOrg.kind,
        prefecture: requesterOrg.prefecture,
        employeeBand: requesterOrg.employeeBand,
        name:
          revealed || coordinator || ownRequest || intro?.showOrganisation
            ? { ja: requesterOrg.nameJa, en: requesterOrg.nameEn }
            : null,
      }
    : null;
  const via = await viaListing(db, intro, revealed || coordinator || ownRequest);
  const events = await db
    .select({
      id: matchEvents.id,
      type: matchEvents.type,
      actorRole: matchEvents.actorRole,
      fromStatus: matchEvents.fromStatus,
      toStatus: matchEvents.toStatus,
      note: matchEvents.note,
      details: matchEvents.details,
      createdAt: matchEvents.createdAt,
    })
    .from(matchEvents)
    .where(eq(matchEvents.matchId, matchId))
    .orderBy(asc(matchEvents.createdAt), asc(matchEvents.id));
  // Parties see the decline reason as advice; its free text and the interest answers only where they concern them.
  const declinedBy = events.find((e) => e.type === 'decline')?.actorRole as Side | undefined;
  return {
    id: ctx.id,
    kind: ctx.kind,
    status: ctx.status,
    version: ctx.version,
    score: coordinator ? ctx.score : null,
    reasons: coordinator ? ctx.reasons : [],
    sides: ctx.sides,
    mySides,
    coordinator,
    responses,
    deadline: intro?.deadline ?? null,
    coordinatorNote: ctx.status === 'proposed' && !coordinator ? null : (intro?.coordinatorNote ?? null),
    need: ctx.need ? { id: ctx.need.id, title: ctx.need.title } : null,
    seed: ctx.seed ? { id: ctx.seed.id, title: ctx.seed.title } : null,
    interest: intro?.interestOffer
      ? { offer: intro.interestOffer, want: intro.interestWant ?? '', timing: intro.interestTiming ?? '' }
      : null,
    requester,
    via,
    channel:
      ctx.kind === 'sales_channel' && intro
        ? {
            product: intro.channelProduct ?? '',
            territories: intro.channelTerritories,
            kinds: intro.channelKinds,
            volumes: intro.channelVolumes ?? '',
            terms: intro.channelTerms ?? '',
          }
        : null,
    decline: intro?.declineReason
      ? {
          reason: intro.declineReason,
          text: coordinator || (declinedBy && mySides.includes(declinedBy)) ? intro.declineText : null,
          bySide: declinedBy ?? null,
        }
      : null,
    contacts: revealed ? contacts : null,
    events: events.map((e) => ({
      ...e,
      note: coordinator || e.type !== 'decline' || mySides.includes(e.actorRole as Side) ? e.note : null,
    })),
    available: availableEvents(stateOf(ctx), actor, new Date()),
    unread: revealed ? await unreadMessageCount(db, viewer, matchId) : 0,
  };
}

async function requesterOrganisation(db: Db, organisationId: string) {
  const [row] = await db
    .select({
      kind: organisations.kind,
      prefecture: organisations.prefecture,
      employeeBand: organisations.employeeBand,
      nameJa: organisations.nameJa,
      nameEn: organisations.nameEn,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row ?? null;
}

/**
 * The asker's own listing an interest was sent for (from "Find partners"). Its title reaches the other side only
 * where members may read it anyway (open, not private) or once introduced; coordinators and the asker always.
 */
async function viaListing(db: Db, intro: MatchContext['intro'], privileged: boolean) {
  const kind = intro?.viaNeedId ? 'need' : intro?.viaSeedId ? 'seed' : null;
  if (!intro || !kind) return null;
  const table = kind === 'need' ? needs : seeds;
  const [row] = await db
    .select({ id: table.id, title: table.title, visibility: table.visibility, status: table.status })
    .from(table)
    .where(eq(table.id, (kind === 'need' ? intro.viaNeedId : intro.viaSeedId)!));
  if (!row) return null;
  if (!privileged && (row.visibility === 'private' || row.status !== 'open')) return null;
  return { kind, id: row.id, title: row.title, sourceMatchId: privileged ? intro.sourceMatchId : null } as const;
}

/** The matches the viewer's organisation takes part in and may see (requests, introductions). */
export async function listMyIntroductions(viewer: Viewer) {
  const db = await getDb();
  const mine = or(
    eq(matches.requesterOrganisationId, viewer.organisationId),
    and(
      inArray(matches.status, ['approved', 'introduced', 'declined', 'expired', 'closed']),
      or(
        sql`exists (select 1 from ${needs} where ${needs.id} = ${matches.needId} and ${needs.organisationId} = ${viewer.organisationId})`,
        sql`exists (select 1 from ${seeds} where ${seeds.id} = ${matches.seedId} and ${seeds.organisationId} = ${viewer.organisationId})`,
      ),
    ),
  );
  return db
    .select({
      id: matches.id,
      kind: matches.kind,
      status: matches.status,
      updatedAt: matches.updatedAt,
      needTitle: needs.title,
      seedTitle: seeds.title,
      deadline: matchIntroductions.deadline,
    })
    .from(matches)
    .leftJoin(needs, eq(needs.id, matches.needId))
    .leftJoin(seeds, eq(seeds.id, matches.seedId))
    .leftJoin(matchIntroductions, eq(matchIntroductions.matchId, matches.id))
    .where(mine)
    .orderBy(desc(matches.updatedAt))
    .limit(100);
}
