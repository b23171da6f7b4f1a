import 'server-only';
import { and, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditLogs, organisations, users } from '@/db/schema/accounts';
import { matches } from '@/db/schema/matching';
import type { Viewer } from '@/lib/auth/policy';
import { manageableSql } from './access';
import { tableOf } from './access';
import type { Field } from './disclosure-rules';
import type { OrganisationKind } from '@/db/vocabulary/accounts';
import type { ListingKind } from '@/db/vocabulary/listings';

/** The newest reveals shown; older ones stay in the audit log. */
export const REVEALS_SHOWN = 200;

export type RevealWho =
  | { show: 'person'; organisationJa: string; organisationEn: string; person: string | null }
  | { show: 'organisation'; organisationJa: string; organisationEn: string }
  | { show: 'kind'; kind: OrganisationKind };

/**
 * How much of the viewer behind a reveal the listing's owner may know (DESIGN §4, the same rule
 * the other way round): the person when they are a coordinator of the cluster or their
 * organisation was introduced to the listing (people are disclosed to each other then); the
 * organisation once the listing's side accepted its expression of interest; otherwise only the
 * kind of organisation (a member saw what the owner opened to all members).
 */
export function whoMayBeShown(via: 'listing' | 'introduction', access: unknown, relation: unknown) {
  if (via === 'introduction' || access === 'coordinator' || relation === 'introduced' || relation === 'nda')
    return 'person' as const;
  if (relation === 'interest_accepted') return 'organisation' as const;
  return 'kind' as const;
}

/**
 * "Who saw my data": the reveals of a listing's staged fields and contacts to people outside its
 * organisation, newest first, from the rows written when they were shown — `listing.disclose` on
 * the listing's page and `match.contacts_viewed` on the page of an introduction of this listing.
 * For those who manage the listing (its organisation, the cluster's coordinators); null for anyone
 * else, as for a listing that does not exist.
 */
export async function listRevealsForOwner(viewer: Viewer, kind: ListingKind, id: string) {
  const db = await getDb();
  const t = tableOf(kind);
  const [listing] = await db
    .select({ id: t.id, title: t.title, organisationId: t.organisationId })
    .from(t)
    .where(and(eq(t.id, id), manageableSql(t, viewer)));
  if (!listing) return null;
  const matchIds = db
    .select({ id: sql<string>`${matches.id}::text` })
    .from(matches)
    .where(eq(kind === 'need' ? matches.needId : matches.seedId, id));
  const rows = await db
    .select({
      id: auditLogs.id,
      action: auditLogs.action,
      details: auditLogs.details,
      at: auditLogs.createdAt,
      personName: users.name,
      personDeleted: users.deletedAt,
      organisationJa: organisations.nameJa,
      organisationEn: organisations.nameEn,
      organisationKind: organisations.kind,
    })
    .from(auditLogs)
    .innerJoin(users, eq(users.id, auditLogs.actorId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        or(
          and(eq(auditLogs.action, 'listing.disclose'), eq(auditLogs.subjectType, kind), eq(auditLogs.subjectId, id)),
          and(
            eq(auditLogs.action, 'match.contacts_viewed'),
            eq(auditLogs.subjectType, 'match'),
            inArray(auditLogs.subjectId, matchIds),
          ),
        ),
        ne(users.organisationId, listing.organisationId),
      ),
    )
    .orderBy(desc(auditLogs.createdAt), desc(auditLogs.id))
    .limit(REVEALS_SHOWN);

  const reveals = rows.map((r) => {
    const via = r.action === 'match.contacts_viewed' ? ('introduction' as const) : ('listing' as const);
    const fields: Field[] =
      via === 'introduction' ? ['contacts'] : Array.isArray(r.details.fields) ? (r.details.fields as Field[]) : [];
    const show = whoMayBeShown(via, r.details.access, r.details.relation);
    const who: RevealWho =
      show === 'person'
        ? {
            show,
            organisationJa: r.organisationJa,
            organisationEn: r.organisationEn,
            person: r.personDeleted ? null : r.personName,
          }
        : show === 'organisation'
          ? { show, organisationJa: r.organisationJa, organisationEn: r.organisationEn }
          : { show, kind: r.organisationKind };
    return { id: r.id, at: r.at, via, fields, who };
  });
  return { listing: { id: listing.id, title: listing.title, kind }, reveals };
}
