import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLogs } from '@/db/schema/accounts';
import { matches } from '@/db/schema/matching';
import { matchOutcomes } from '@/db/schema/programme';
import { transitionMatch } from '@/lib/introductions/transition';
import { listOutcomes, outcomeChoices, recordOutcome } from '@/lib/programme/outcomes';
import { recordOutcomeFor } from '@/lib/programme/record';
import { makeUser } from '../support/factories';
import { introducedMatch, makeListing } from '../support/introduced';

beforeAll(async () => {
  await getDb();
}, 180_000);

describe('outcomes the programme counts', () => {
  it('a university-born venture names its source seed and incubation manager; both are checked', async () => {
    const db = await getDb();
    const w = await introducedMatch();
    const otherManager = await makeUser('coordinator'); // coordinates no cluster of this match
    const strangerSeed = await makeListing('seed', await makeUser('researcher'));

    const choices = await outcomeChoices(db, w.researcher.viewer, w.matchId);
    expect(choices.defaultSeedId).toBe(w.seedId);
    expect(choices.seeds.map((s) => s.id)).toContain(w.seedId);
    expect(choices.seeds.map((s) => s.id)).not.toContain(strangerSeed);
    expect(choices.managers.map((m) => m.id)).toEqual([w.coordinator.user.id]);

    const venture = { kind: 'venture_founded' as const, occurredOn: '2026-03-01', ventureName: 'Nagoya Laser KK' };
    await expect(
      recordOutcome(db, w.researcher.viewer, w.matchId, { ...venture, sourceSeedId: strangerSeed }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fieldErrors: { sourceSeedId: ['outcomes.errors.source_seed_not_theirs'] },
    });
    await expect(
      recordOutcome(db, w.researcher.viewer, w.matchId, {
        ...venture,
        sourceSeedId: w.seedId,
        incubationManagerId: otherManager.user.id,
      }),
    ).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.select().from(matchOutcomes).where(eq(matchOutcomes.matchId, w.matchId))).toHaveLength(0);

    await recordOutcome(db, w.researcher.viewer, w.matchId, {
      ...venture,
      sourceSeedId: w.seedId,
      incubationManagerId: w.coordinator.user.id,
    });
    const [row] = await listOutcomes(db, w.sme.viewer, w.matchId);
    expect(row).toMatchObject({
      kind: 'venture_founded',
      ventureName: 'Nagoya Laser KK',
      incubationManager: w.coordinator.user.name,
    });
    expect(row.sourceSeedTitle).toBeTruthy();
  });

  it('recording with "close" stores the outcome and closes in one transaction; a second close stores nothing', async () => {
    const db = await getDb();
    const w = await introducedMatch();
    await recordOutcome(db, w.sme.viewer, w.matchId, {
      kind: 'first_sale',
      occurredOn: '2026-04-02',
      amountJpy: 1_200_000,
      close: true,
    });
    const [m] = await db.select({ status: matches.status }).from(matches).where(eq(matches.id, w.matchId));
    expect(m.status).toBe('closed');
    const stored = await db.select().from(matchOutcomes).where(eq(matchOutcomes.matchId, w.matchId));
    expect(stored.map((o) => [o.kind, o.amountJpy])).toEqual([['first_sale', 1_200_000]]);

    await expect(
      recordOutcome(db, w.researcher.viewer, w.matchId, {
        kind: 'licence_signed',
        occurredOn: '2026-04-03',
        close: true,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await db.select().from(matchOutcomes).where(eq(matchOutcomes.matchId, w.matchId))).toHaveLength(1);
  });

  it('closing needs no outcome; strangers can neither record nor list outcomes', async () => {
    const db = await getDb();
    const w = await introducedMatch();
    await recordOutcome(db, w.coordinator.viewer, w.matchId, { kind: 'no_deal', occurredOn: '2026-01-05' });
    await transitionMatch(db, w.coordinator.viewer, w.matchId, { type: 'close' });
    expect((await listOutcomes(db, w.sme.viewer, w.matchId)).map((o) => o.kind)).toEqual(['no_deal']);
    const stranger = await makeUser('sme');
    await expect(listOutcomes(db, stranger.viewer, w.matchId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      recordOutcome(db, stranger.viewer, w.matchId, { kind: 'partnership_formed', occurredOn: '2026-01-01' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('another feature records a result without an introduction, credited to an organisation and audited', async () => {
    const db = await getDb();
    const lender = await makeUser('lender');
    const sme = await makeUser('sme');
    const { id } = await db.transaction((tx) =>
      recordOutcomeFor(tx, {
        kind: 'funding_obtained',
        occurredOn: '2026-05-10',
        amountJpy: 30_000_000,
        actorId: lender.user.id,
        organisationId: sme.user.organisationId,
      }),
    );
    const [row] = await db.select().from(matchOutcomes).where(eq(matchOutcomes.id, id));
    expect(row).toMatchObject({ matchId: null, organisationId: sme.user.organisationId, amountJpy: 30_000_000 });
    const audit = await db.select().from(auditLogs).where(eq(auditLogs.subjectId, sme.user.organisationId));
    expect(audit.map((a) => a.action)).toEqual(['match.outcome']);
    await expect(
      db.transaction((tx) =>
        recordOutcomeFor(tx, { kind: 'first_sale', occurredOn: '2026-05-10', actorId: lender.user.id }),
      ),
    ).rejects.toThrow();
  });
});
