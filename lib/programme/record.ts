import type { Db } from '@/db';
import { matchEvents } from '@/db/schema/introductions';
import { matchOutcomes } from '@/db/schema/programme';
import { writeAudit } from '@/lib/audit/write';
import type { OutcomeKind } from '@/db/vocabulary/programme';

// The one way an outcome is recorded (issue 14): by the parties or coordinator of an introduction
// (recordOutcome in ./outcomes.ts), or by another feature when its own workflow reaches a result the programme
// counts (recordOutcomeFor: a lender's approved funding, a trading firm's first order).

export type OutcomeDetails = {
  kind: OutcomeKind;
  /** YYYY-MM-DD, the day it happened (in the recorder's time zone). */
  occurredOn: string;
  note?: string;
  amountJpy?: number | null;
  ventureName?: string;
  sourceSeedId?: string | null;
  incubationManagerId?: string | null;
};

/**
 * Writes one outcome with its timeline event (when it has a match) and audit row, inside the
 * caller's transaction. The caller has already decided that `actorId` may record it; the outcome
 * must be traceable: to a match, or, when there is none, to the organisation credited with it.
 */
export async function recordOutcomeFor(
  tx: Db,
  entry: OutcomeDetails & {
    actorId: string;
    actorRole?: string;
    matchId?: string | null;
    organisationId?: string | null;
    ip?: string | null;
  },
): Promise<{ id: string }> {
  if (!entry.matchId && !entry.organisationId) throw new Error('an outcome needs a match or an organisation');
  const note = entry.note?.trim() || null;
  const [row] = await tx
    .insert(matchOutcomes)
    .values({
      matchId: entry.matchId ?? null,
      organisationId: entry.matchId ? null : (entry.organisationId ?? null),
      kind: entry.kind,
      occurredOn: entry.occurredOn,
      note,
      amountJpy: entry.amountJpy ?? null,
      ventureName: entry.kind === 'venture_founded' ? entry.ventureName?.trim() || null : null,
      sourceSeedId: entry.kind === 'venture_founded' ? (entry.sourceSeedId ?? null) : null,
      incubationManagerId: entry.kind === 'venture_founded' ? (entry.incubationManagerId ?? null) : null,
      recordedBy: entry.actorId,
    })
    .returning({ id: matchOutcomes.id });
  if (entry.matchId) {
    await tx.insert(matchEvents).values({
      matchId: entry.matchId,
      type: 'outcome',
      actorId: entry.actorId,
      actorRole: entry.actorRole ?? 'system',
      note,
      details: { outcome: entry.kind, occurredOn: entry.occurredOn },
    });
  }
  await writeAudit(tx, {
    actorId: entry.actorId,
    action: 'match.outcome',
    subjectType: entry.matchId ? 'match' : 'organisation',
    subjectId: entry.matchId ?? entry.organisationId,
    details: { outcome: entry.kind, outcomeId: row.id },
    ip: entry.ip ?? null,
  });
  return row;
}
