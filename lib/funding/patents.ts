import 'server-only';
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { organisations } from '@/db/schema/accounts';
import { fundingPatents } from '@/db/schema/funding';
import { ipRecords, needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import type { PatentInput } from './validation';

// The patents a proposal may rest on: the SME's own (entered in the proposal), or the IP records
// of a seed it was introduced to (the introduction the proposal comes from, whose partner consents).

/** Introduced (or closed after introduction) matches joining the viewer's organisation, as the need side or the requester, to a seed. */
function introducedToSeedSql(viewer: Viewer): SQL {
  return and(
    inArray(matches.status, ['introduced', 'closed']),
    sql`${matches.seedId} is not null`,
    or(
      eq(matches.requesterOrganisationId, viewer.organisationId),
      sql`exists (select 1 from ${needs} where ${needs.id} = ${matches.needId} and ${needs.organisationId} = ${viewer.organisationId})`,
    ),
  )!;
}

/** The introductions a new proposal may come from: the seed, its organisation (the partner). */
export async function listFundableIntroductions(db: Db, viewer: Viewer) {
  return db
    .select({
      matchId: matches.id,
      seedId: seeds.id,
      seedTitle: seeds.title,
      partnerOrganisationId: seeds.organisationId,
      partnerNameJa: organisations.nameJa,
      partnerNameEn: organisations.nameEn,
    })
    .from(matches)
    .innerJoin(seeds, eq(seeds.id, matches.seedId))
    .innerJoin(organisations, eq(organisations.id, seeds.organisationId))
    .where(introducedToSeedSql(viewer))
    .orderBy(asc(seeds.title))
    .limit(100);
}

/** The introduction (and so the partner) a proposal may be built on, or an invalid-input error. */
export async function requireFundableIntroduction(db: Db, viewer: Viewer, matchId: string) {
  const [row] = await db
    .select({ matchId: matches.id, partnerOrganisationId: seeds.organisationId })
    .from(matches)
    .innerJoin(seeds, eq(seeds.id, matches.seedId))
    .where(and(eq(matches.id, matchId), introducedToSeedSql(viewer)));
  if (!row) throw new AppError('invalid', 'errors.invalid', { matchId: ['funding.errors.introduction_not_found'] });
  return row;
}

/** The IP records the SME may offer through the proposal's introduction (none without one). */
export async function listOfferableIpRecords(db: Db, viewer: Viewer, matchId: string | null) {
  if (!matchId) return [];
  return db
    .select({
      id: ipRecords.id,
      seedId: seeds.id,
      seedTitle: seeds.title,
      number: ipRecords.number,
      title: ipRecords.title,
      jurisdiction: ipRecords.jurisdiction,
      status: ipRecords.status,
      filedOn: ipRecords.filedOn,
      grantedOn: ipRecords.grantedOn,
    })
    .from(ipRecords)
    .innerJoin(seeds, eq(seeds.id, ipRecords.seedId))
    .innerJoin(matches, eq(matches.seedId, seeds.id))
    .where(and(eq(matches.id, matchId), introducedToSeedSql(viewer)))
    .orderBy(asc(ipRecords.createdAt), asc(ipRecords.id));
}

/**
 * Replaces a draft's patents with `input` (inside the save's transaction). A seed's record is
 * copied from the seed; one the SME has no right to reference (not of the proposal's
 * introduction, or the introduction no longer stands) refuses the whole save.
 */
export async function replacePatents(
  tx: Db,
  viewer: Viewer,
  proposal: { id: string; matchId: string | null },
  input: PatentInput[],
): Promise<void> {
  const wanted = input.flatMap((p) => (p.source === 'seed' ? [p.ipRecordId] : []));
  const offerable = wanted.length ? await listOfferableIpRecords(tx, viewer, proposal.matchId) : [];
  const byId = new Map(offerable.map((r) => [r.id, r]));
  const refused = input.flatMap((p, i) => (p.source === 'seed' && !byId.has(p.ipRecordId) ? [i] : []));
  if (refused.length)
    throw new AppError(
      'invalid',
      'funding.errors.patent_not_yours',
      Object.fromEntries(refused.map((i) => [`patents.${i}`, ['funding.errors.patent_not_yours']])),
    );
  await tx.delete(fundingPatents).where(eq(fundingPatents.proposalId, proposal.id));
  if (!input.length) return;
  await tx.insert(fundingPatents).values(
    input.map((p, position) => {
      if (p.source === 'seed') {
        const r = byId.get(p.ipRecordId)!;
        return {
          proposalId: proposal.id,
          position,
          source: 'seed' as const,
          seedId: r.seedId,
          ipRecordId: r.id,
          number: r.number,
          title: r.title,
          jurisdiction: r.jurisdiction,
          status: r.status,
          filedOn: r.filedOn,
          grantedOn: r.grantedOn,
          expiresOn: null,
          right: p.right,
        };
      }
      return {
        proposalId: proposal.id,
        position,
        source: 'own' as const,
        number: p.number || null,
        title: p.title,
        jurisdiction: p.jurisdiction.toUpperCase(),
        status: p.status,
        filedOn: p.filedOn || null,
        grantedOn: p.grantedOn || null,
        expiresOn: p.expiresOn || null,
        right: p.right,
      };
    }),
  );
}

/** A proposal's patents in their order (as the form and the evaluation sheet show them). */
export async function listProposalPatents(db: Db, proposalId: string) {
  return db
    .select({
      id: fundingPatents.id,
      source: fundingPatents.source,
      seedId: fundingPatents.seedId,
      ipRecordId: fundingPatents.ipRecordId,
      number: fundingPatents.number,
      title: fundingPatents.title,
      jurisdiction: fundingPatents.jurisdiction,
      status: fundingPatents.status,
      filedOn: fundingPatents.filedOn,
      grantedOn: fundingPatents.grantedOn,
      expiresOn: fundingPatents.expiresOn,
      right: fundingPatents.right,
    })
    .from(fundingPatents)
    .where(eq(fundingPatents.proposalId, proposalId))
    .orderBy(asc(fundingPatents.position));
}
