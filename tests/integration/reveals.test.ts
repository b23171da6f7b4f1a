import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { writeAudit } from '@/lib/audit/write';
import { getMatchForViewer } from '@/lib/introductions/data';
import { getListingForViewer } from '@/lib/listings/data';
import { listRevealsForOwner } from '@/lib/listings/reveals';
import { deleteAccount } from '@/lib/privacy/delete';
import { makeUser, TEST_PASSWORD } from '../support/factories';
import { introducedMatch } from '../support/introduced';

// Issue 18 item 7: "who saw my data" — each listing's owners see the reveals of its staged fields and
// contacts (who, as far as they may know; what; when), read from the reveal rows already written.

// Opening the database (a fresh embedded one applies every migration) is not the first test's time; a
// test that builds an introduced match and deletes an account took 35 s on embedded PGlite at load ~26.
vi.setConfig({ testTimeout: 120_000 });
beforeAll(async () => {
  await getDb();
}, 120_000);

describe('who saw my data', () => {
  it('lists the reveals to outsiders, newest first, with who / what / when; nothing of the owner’s own views', async () => {
    const w = await introducedMatch();
    // the introduced researcher opens the need (contacts shown: a reveal) and the introduction (contacts viewed)
    expect(await getListingForViewer(w.researcher.viewer, 'need', w.needId, '192.0.2.10')).not.toBeNull();
    expect(await getMatchForViewer(w.researcher.viewer, w.matchId)).not.toBeNull();
    // the owner's own views are not reveals
    await getListingForViewer(w.sme.viewer, 'need', w.needId);
    await getMatchForViewer(w.sme.viewer, w.matchId);

    const log = await listRevealsForOwner(w.sme.viewer, 'need', w.needId);
    expect(log?.listing.id).toBe(w.needId);
    expect(log?.reveals.map((r) => [r.via, r.fields])).toEqual([
      ['introduction', ['contacts']],
      ['listing', expect.arrayContaining(['contacts'])],
    ]);
    for (const r of log?.reveals ?? []) {
      // introduced: the owner may know the person, as the researcher knows theirs
      expect(r.who).toMatchObject({ show: 'person', person: w.researcher.user.name });
      expect(r.at).toBeInstanceOf(Date);
    }
  });

  it('names the person, the organisation or only its kind, as far as the owner may know', async () => {
    const db = await getDb();
    const w = await introducedMatch();
    const trading = await makeUser('trading');
    const member = await makeUser('lender');
    const reveal = (actorId: string, access: string, relation: string) =>
      writeAudit(db, {
        actorId,
        action: 'listing.disclose',
        subjectType: 'need',
        subjectId: w.needId,
        details: { fields: ['details'], access, relation },
      });
    await reveal(trading.user.id, 'member', 'interest_accepted');
    await reveal(member.user.id, 'member', 'none');
    await reveal(w.coordinator.user.id, 'coordinator', 'none');

    const log = await listRevealsForOwner(w.sme.viewer, 'need', w.needId);
    const whos = log?.reveals.map((r) => r.who);
    expect(whos).toEqual([
      expect.objectContaining({ show: 'person', person: w.coordinator.user.name }),
      { show: 'kind', kind: 'financial_institution' },
      expect.objectContaining({ show: 'organisation' }),
    ]);
    expect(JSON.stringify(whos)).not.toContain(trading.user.name);
    expect(JSON.stringify(whos)).not.toContain(member.user.name);
  });

  it('is for those who manage the listing: its organisation and the cluster’s coordinators, no one else', async () => {
    const w = await introducedMatch();
    const stranger = await makeUser('sme');
    expect(await listRevealsForOwner(w.coordinator.viewer, 'need', w.needId)).not.toBeNull();
    expect(await listRevealsForOwner(w.researcher.viewer, 'need', w.needId)).toBeNull();
    expect(await listRevealsForOwner(stranger.viewer, 'need', w.needId)).toBeNull();
    expect(await listRevealsForOwner(w.sme.viewer, 'seed', w.seedId)).toBeNull();
  });

  it('shows a viewer who deleted their account as a former member', async () => {
    const w = await introducedMatch();
    await getMatchForViewer(w.researcher.viewer, w.matchId);
    await deleteAccount(w.researcher.viewer, { password: TEST_PASSWORD, confirm: true });
    const log = await listRevealsForOwner(w.sme.viewer, 'need', w.needId);
    expect(log?.reveals[0].who).toMatchObject({ show: 'person', person: null });
  });
});
