import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { coordinatorClusters, organisationClusters, users } from '@/db/schema/accounts';
import { seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import type { Locale } from '@/db/vocabulary/accounts';

/** Someone to tell, with the language their notice and mail are written in. */
export type Recipient = { id: string; locale: Locale };
const recipient = { id: users.id, locale: users.locale };

// Who hears of a proposal's steps (in-app notice and mail, each in the recipient's language).

const active = and(eq(users.disabled, false), eq(users.approved, true));

/** Every active lender of an institution: any of them may pick the proposal up. */
export async function lenderUsersOf(db: Db, organisationId: string): Promise<Recipient[]> {
  return db
    .select(recipient)
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.role, 'lender'), active));
}

/** The proposal's author, and the other SME members of the organisation. */
export async function smeUsersOf(db: Db, organisationId: string): Promise<Recipient[]> {
  return db
    .select(recipient)
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.role, 'sme'), active));
}

/** The partner's person for a proposal from an introduction: the contact person of the introduction's seed. */
export async function partnerPersonOf(db: Db, matchId: string): Promise<Recipient[]> {
  return db
    .select(recipient)
    .from(matches)
    .innerJoin(seeds, eq(seeds.id, matches.seedId))
    .innerJoin(users, eq(users.id, sql`coalesce(${seeds.contactUserId}, ${seeds.createdBy})`))
    .where(and(eq(matches.id, matchId), active));
}

/** Coordinators of the clusters an organisation belongs to. */
export async function coordinatorsOfOrganisation(db: Db, organisationId: string): Promise<Recipient[]> {
  return db
    .selectDistinct(recipient)
    .from(coordinatorClusters)
    .innerJoin(organisationClusters, eq(organisationClusters.clusterId, coordinatorClusters.clusterId))
    .innerJoin(users, eq(users.id, coordinatorClusters.userId))
    .where(and(eq(organisationClusters.organisationId, organisationId), active));
}
