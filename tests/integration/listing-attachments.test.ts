import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLogs } from '@/db/schema/accounts';
import { attachments } from '@/db/schema/attachments';
import { seeds } from '@/db/schema/listings';
import { AppError } from '@/lib/errors';
import { recordNda } from '@/lib/introductions/after';
import {
  addListingAttachment,
  listingDocumentsFor,
  openListingAttachment,
  removeListingAttachment,
} from '@/lib/listings/attachments';
import { makeUser } from '../support/factories';
import { pdfBytes, pngBytes } from '../support/funding-world';
import { introducedMatch } from '../support/introduced';

beforeAll(async () => {
  await getDb();
}, 180_000);

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
};

describe("a seed's documents are a staged-disclosure field (default: after an NDA)", () => {
  it('the owner adds them; a member, then the introduced partner, sees only that they exist until an NDA is signed', async () => {
    const db = await getDb();
    const w = await introducedMatch();
    const seed = { kind: 'seed' as const, id: w.seedId };
    const doc = await addListingAttachment(db, w.researcher.viewer, seed, {
      fileName: 'claims.pdf',
      bytes: pdfBytes('SENTINEL-CLAIMS'),
    });
    // refused, storing nothing: a picture renamed .pdf; anyone but the owner organisation
    expect(
      await codeOf(addListingAttachment(db, w.researcher.viewer, seed, { fileName: 'x.pdf', bytes: pngBytes() })),
    ).toBe('invalid');
    expect(await codeOf(addListingAttachment(db, w.sme.viewer, seed, { fileName: 'y.pdf', bytes: pdfBytes() }))).toBe(
      'not_found',
    );
    const stored = await db.select().from(attachments).where(eq(attachments.ownerId, w.seedId));
    expect(stored.map((a) => a.fileName)).toEqual(['claims.pdf']);

    expect(await listingDocumentsFor(db, w.researcher.viewer, seed)).toMatchObject({ shown: true, canEdit: true });
    expect(await listingDocumentsFor(db, w.coordinator.viewer, seed)).toMatchObject({ shown: true, canEdit: false });

    const outsider = await makeUser('sme', { clusterIds: [w.cluster.id] });
    for (const viewer of [outsider.viewer, w.sme.viewer]) {
      const view = await listingDocumentsFor(db, viewer, seed);
      expect(view).toEqual({ shown: false, count: 1, level: 'nda' });
      expect(JSON.stringify(view)).not.toContain('claims.pdf');
      expect(await codeOf(openListingAttachment(db, viewer, seed, doc.id))).toBe('not_found');
    }

    await recordNda(db, w.sme.viewer, w.matchId, { type: 'mutual', status: 'signed', expiresOn: '2099-12-31' });
    const unlocked = await listingDocumentsFor(db, w.sme.viewer, seed);
    expect(unlocked).toMatchObject({ shown: true, canEdit: false, documents: [{ fileName: 'claims.pdf' }] });
    const response = await openListingAttachment(db, w.sme.viewer, seed, doc.id);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(new TextDecoder().decode(await response.arrayBuffer())).toContain('SENTINEL-CLAIMS');
    const reveals = await db
      .select({ details: auditLogs.details })
      .from(auditLogs)
      .where(
        and(
          eq(auditLogs.actorId, w.sme.user.id),
          eq(auditLogs.action, 'listing.disclose'),
          eq(auditLogs.subjectId, w.seedId),
        ),
      );
    expect(reveals.some((r) => JSON.stringify(r.details).includes('claims.pdf'))).toBe(true);
    // the NDA is between these two: the outsider still gets nothing
    expect(await codeOf(openListingAttachment(db, outsider.viewer, seed, doc.id))).toBe('not_found');

    // a level set to "members" shows them to every member; the owner removes them
    await db
      .update(seeds)
      .set({ disclosure: { attachments: 'members' } })
      .where(eq(seeds.id, w.seedId));
    expect(await listingDocumentsFor(db, outsider.viewer, seed)).toMatchObject({ shown: true });
    expect(await codeOf(removeListingAttachment(db, w.sme.viewer, seed, doc.id))).toBe('not_found');
    await removeListingAttachment(db, w.researcher.viewer, seed, doc.id);
    expect(await listingDocumentsFor(db, w.researcher.viewer, seed)).toMatchObject({ shown: true, documents: [] });
  });
});
