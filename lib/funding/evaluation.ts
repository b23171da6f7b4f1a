import 'server-only';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db';
import { fundingEvaluations, fundingPatents, fundingShares, fundingValuations } from '@/db/schema/funding';
import { matchOutcomes } from '@/db/schema/programme';
import { seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import type { ValuationMethod } from '@/db/vocabulary/funding';
import { collateralCoverage } from './rules';
import { getProposalForViewer } from './view';

// The IP evaluation sheet, on the structure of the JPO's IP business evaluation reports: per
// patent its legal standing and the partnership behind it, the lender's own valuation, and the
// collateral coverage. The lender's inputs are its own: no other lender, nor the SME, sees them.

/** The viewer's institution's share of a proposal (not withdrawn), or null. */
async function ownShare(db: Db, viewer: Viewer, proposalId: string) {
  if (viewer.role !== 'lender') return null;
  const [share] = await db
    .select({ id: fundingShares.id, status: fundingShares.status })
    .from(fundingShares)
    .where(
      and(
        eq(fundingShares.proposalId, proposalId),
        eq(fundingShares.lenderOrganisationId, viewer.organisationId),
        ne(fundingShares.status, 'withdrawn'),
      ),
    );
  return share ?? null;
}

export async function getEvaluationSheet(viewer: Viewer, proposalId: string, today = new Date()) {
  const db = await getDb();
  const share = await ownShare(db, viewer, proposalId);
  if (!share) return null;
  const proposal = await getProposalForViewer(viewer, proposalId, today);
  if (!proposal) return null;
  const seedIds = [...new Set(proposal.patents.flatMap((p) => (p.seedId ? [p.seedId] : [])))];
  const [seedRows, outcomes, evaluation, valuations] = await Promise.all([
    seedIds.length
      ? db.select({ id: seeds.id, title: seeds.title, trl: seeds.trl }).from(seeds).where(inArray(seeds.id, seedIds))
      : [],
    proposal.matchId
      ? db
          .select({ kind: matchOutcomes.kind, occurredOn: matchOutcomes.occurredOn })
          .from(matchOutcomes)
          .where(eq(matchOutcomes.matchId, proposal.matchId))
          .orderBy(asc(matchOutcomes.occurredOn))
      : [],
    db.select().from(fundingEvaluations).where(eq(fundingEvaluations.shareId, share.id)),
    db.select().from(fundingValuations).where(eq(fundingValuations.shareId, share.id)),
  ]);
  const [introduction] = proposal.matchId
    ? await db
        .select({ id: matches.id, status: matches.status, createdAt: matches.createdAt })
        .from(matches)
        .where(eq(matches.id, proposal.matchId))
    : [];
  const seedById = new Map(seedRows.map((s) => [s.id, s]));
  const valuationOf = new Map(valuations.map((v) => [v.patentId, v]));
  const rate = evaluation[0]?.advanceRatePercent ?? null;
  const patents = proposal.patents.map((p) => ({
    ...p,
    seed: p.seedId ? (seedById.get(p.seedId) ?? null) : null,
    method: (valuationOf.get(p.id)?.method ?? null) as ValuationMethod | null,
    valueJpy: valuationOf.get(p.id)?.valueJpy ?? null,
  }));
  return {
    proposal,
    shareId: share.id,
    introduction: introduction ?? null,
    outcomes,
    patents,
    advanceRatePercent: rate,
    notes: evaluation[0]?.notes ?? '',
    version: evaluation[0]?.version ?? 0,
    updatedAt: evaluation[0]?.updatedAt ?? null,
    coverage: collateralCoverage(
      patents.map((p) => p.valueJpy),
      rate,
      proposal.amountJpy,
    ),
  };
}

/** Saves the lender's inputs if nobody of its institution saved them since `version` (0: the first save). */
export async function saveEvaluation(
  db: Db,
  viewer: Viewer,
  input: {
    shareId: string;
    version: number;
    advanceRatePercent?: number;
    notes: string;
    valuations: { patentId: string; method: ValuationMethod | ''; valueJpy?: number }[];
  },
  ip: string | null = null,
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const [share] = await tx
      .select({ id: fundingShares.id, proposalId: fundingShares.proposalId })
      .from(fundingShares)
      .where(
        and(
          eq(fundingShares.id, input.shareId),
          eq(fundingShares.lenderOrganisationId, viewer.organisationId),
          ne(fundingShares.status, 'withdrawn'),
        ),
      );
    if (!share || viewer.role !== 'lender') throw new AppError('not_found');
    const patentIds = new Set(
      (
        await tx
          .select({ id: fundingPatents.id })
          .from(fundingPatents)
          .where(eq(fundingPatents.proposalId, share.proposalId))
      ).map((p) => p.id),
    );
    const foreign = input.valuations.findIndex((v) => !patentIds.has(v.patentId));
    if (foreign >= 0)
      throw new AppError('invalid', 'errors.invalid', { [`valuations.${foreign}`]: ['errors.invalid'] });

    const values = {
      advanceRatePercent: input.advanceRatePercent ?? null,
      notes: input.notes,
      updatedBy: viewer.userId,
      updatedAt: new Date(),
    };
    const saved =
      input.version === 0
        ? await tx
            .insert(fundingEvaluations)
            .values({ shareId: share.id, ...values })
            .onConflictDoNothing()
            .returning({ version: fundingEvaluations.version })
        : await tx
            .update(fundingEvaluations)
            .set({ ...values, version: sql`${fundingEvaluations.version} + 1` })
            .where(and(eq(fundingEvaluations.shareId, share.id), eq(fundingEvaluations.version, input.version)))
            .returning({ version: fundingEvaluations.version });
    if (saved.length !== 1) throw new AppError('conflict', 'funding.errors.changed_since');

    await tx.delete(fundingValuations).where(eq(fundingValuations.shareId, share.id));
    const rows = input.valuations
      .filter((v) => v.method || v.valueJpy !== undefined)
      .map((v) => ({
        shareId: share.id,
        patentId: v.patentId,
        method: v.method || null,
        valueJpy: v.valueJpy ?? null,
      }));
    if (rows.length) await tx.insert(fundingValuations).values(rows);
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'funding.evaluate',
      subjectType: 'funding_share',
      subjectId: share.id,
      details: { proposalId: share.proposalId, version: saved[0].version },
      ip,
    });
    return { version: saved[0].version };
  });
}
