import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { ndas } from '@/db/schema/introductions';
import { seeds } from '@/db/schema/listings';
import { recordNda } from '@/lib/introductions/after';
import { getListingForViewer } from '@/lib/listings/data';
import { introducedMatch } from '../support/introduced';

beforeAll(async () => {
  await getDb();
}, 180_000);

const day = (offsetDays: number) => {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return d.toISOString().slice(0, 10);
};

describe('a field kept for after an NDA (DESIGN §4 staged disclosure)', () => {
  it('stays withheld from the introduced partner until an NDA is recorded signed and unexpired, then is revealed', async () => {
    const db = await getDb();
    const w = await introducedMatch();
    await db
      .update(seeds)
      .set({ details: 'SENTINEL-NDA-DETAILS', disclosure: { details: 'nda' } })
      .where(eq(seeds.id, w.seedId));

    // introduced, no NDA: the introduction-level contact is shown, the NDA-level details are not
    const before = await getListingForViewer(w.sme.viewer, 'seed', w.seedId);
    expect(before!.details).toBeNull();
    expect(before!.withheld.details).toBe('nda');
    expect(before!.contact).not.toBeNull();
    expect(JSON.stringify(before)).not.toContain('SENTINEL-NDA-DETAILS');

    // an NDA still in draft unlocks nothing
    const draft = await recordNda(db, w.sme.viewer, w.matchId, { type: 'mutual', status: 'draft' });
    expect((await getListingForViewer(w.sme.viewer, 'seed', w.seedId))!.details).toBeNull();

    // signed, but its term ended yesterday: nothing either
    await db
      .update(ndas)
      .set({ status: 'signed', signedOn: day(-400), expiresOn: day(-1) })
      .where(eq(ndas.id, draft.id));
    expect((await getListingForViewer(w.sme.viewer, 'seed', w.seedId))!.details).toBeNull();

    // signed and running: revealed, with what the introduction already showed
    await recordNda(db, w.sme.viewer, w.matchId, {
      type: 'mutual',
      status: 'signed',
      signedOn: day(-1),
      expiresOn: day(365),
    });
    const after = await getListingForViewer(w.sme.viewer, 'seed', w.seedId);
    expect(after!.details).toBe('SENTINEL-NDA-DETAILS');
    expect(after!.withheld.details).toBeUndefined();
    expect(after!.contact).not.toBeNull();

    // the NDA is between these two parties only: the coordinator sees all anyway, another member still nothing
    const { makeUser } = await import('../support/factories');
    const outsider = await makeUser('sme', { clusterIds: [w.cluster.id] });
    const theirs = await getListingForViewer(outsider.viewer, 'seed', w.seedId);
    expect(theirs!.details).toBeNull();
    expect(JSON.stringify(theirs)).not.toContain('SENTINEL-NDA-DETAILS');
  });
});
