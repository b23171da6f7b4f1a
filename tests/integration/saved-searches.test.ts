import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { savedSearches } from '@/db/schema/integrations';
import { needs } from '@/db/schema/listings';
import { outboxEmails } from '@/db/schema/mail';
import { saveListing } from '@/lib/listings/data';
import {
  createSavedSearch,
  deleteSavedSearch,
  listSavedSearches,
  setSavedSearchFrequency,
} from '@/lib/saved-searches/data';
import { runSavedSearchDigests } from '@/lib/saved-searches/run';
import { createSavedSearchSchema } from '@/lib/saved-searches/validation';
import { makeUser } from '../support/factories';

const HOUR = 3_600_000;

async function publishedNeed(viewer: Awaited<ReturnType<typeof makeUser>>['viewer'], title: string, publishedAt: Date) {
  const { id } = await saveListing(viewer, 'need', {
    intent: 'draft',
    language: 'en',
    title,
    summary: 'summary',
    details: '',
    domain: 'manufacturing',
    keywords: [],
    prefecture: '',
    disclosure: {},
    timeline: '',
    partnerKinds: [],
    regionPreference: '',
    visibility: 'members',
    anonymousLabel: '',
  });
  await (await getDb()).update(needs).set({ status: 'open', publishedAt }).where(eq(needs.id, id));
  return id;
}

describe('saved searches', () => {
  it('keeps only browse parameters and refuses bad input', () => {
    const parsed = createSavedSearchSchema.parse({
      kind: 'needs',
      name: ' Machining ',
      query: { q: 'x', domain: 'it', page: '3', evil: 'y', trl: '' },
      frequency: 'daily',
    });
    expect(parsed).toEqual({ kind: 'needs', name: 'Machining', query: { q: 'x', domain: 'it' }, frequency: 'daily' });
    expect(
      createSavedSearchSchema.safeParse({ kind: 'people', name: '', query: {}, frequency: 'hourly' }).success,
    ).toBe(false);
  });

  it('only the owner may change or delete a saved search', async () => {
    const a = await makeUser('trading');
    const b = await makeUser('trading');
    const db = await getDb();
    const { id } = await createSavedSearch(db, a.viewer, {
      kind: 'seeds',
      name: 'mine',
      query: {},
      frequency: 'weekly',
    });
    await expect(setSavedSearchFrequency(db, b.viewer, id, 'never')).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteSavedSearch(db, b.viewer, id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await listSavedSearches(db, b.viewer)).toEqual([]);
    await deleteSavedSearch(db, a.viewer, id);
    expect(await listSavedSearches(db, a.viewer)).toEqual([]);
  });

  it('sends a digest of listings published since the last one, once, through the outbox', async () => {
    const db = await getDb();
    const owner = await makeUser('sme');
    const reader = await makeUser('trading');
    const word = `dgst${Math.random().toString(36).slice(2, 8)}`;
    const now = new Date();
    const { id } = await createSavedSearch(db, reader.viewer, {
      kind: 'needs',
      name: `Digest ${word}`,
      query: { q: word },
      frequency: 'daily',
    });
    await db
      .update(savedSearches)
      .set({ lastDigestAt: new Date(now.getTime() - 25 * HOUR) })
      .where(eq(savedSearches.id, id));
    await publishedNeed(owner.viewer, `Old ${word}`, new Date(now.getTime() - 30 * HOUR));
    const fresh = await publishedNeed(owner.viewer, `Fresh ${word} <script>`, new Date(now.getTime() - 2 * HOUR));

    const first = await runSavedSearchDigests(db, now);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const mails = await db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.toUserId, reader.user.id), eq(outboxEmails.template, 'saved_search_digest')));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain(`Digest ${word}`);
    expect(mails[0].textBody).toContain(`Fresh ${word} <script>`);
    expect(mails[0].textBody).toContain(`/needs/${fresh}`);
    expect(mails[0].textBody).not.toContain(`Old ${word}`);

    // not due again until a day has passed; no second mail
    await runSavedSearchDigests(db, new Date(now.getTime() + HOUR));
    const again = await db.select().from(outboxEmails).where(eq(outboxEmails.toUserId, reader.user.id));
    expect(again).toHaveLength(1);
  });

  it('sends nothing when nothing is new, or when the digest is switched off', async () => {
    const db = await getDb();
    const reader = await makeUser('lender');
    const now = new Date();
    const quiet = await createSavedSearch(db, reader.viewer, {
      kind: 'seeds',
      name: 'quiet',
      query: { q: 'nothingmatchesthisatall' },
      frequency: 'weekly',
    });
    const off = await createSavedSearch(db, reader.viewer, {
      kind: 'needs',
      name: 'off',
      query: {},
      frequency: 'never',
    });
    await db
      .update(savedSearches)
      .set({ lastDigestAt: new Date(now.getTime() - 8 * 24 * HOUR) })
      .where(eq(savedSearches.userId, reader.user.id));
    await runSavedSearchDigests(db, now);
    expect(await db.select().from(outboxEmails).where(eq(outboxEmails.toUserId, reader.user.id))).toHaveLength(0);
    const [q] = await db.select().from(savedSearches).where(eq(savedSearches.id, quiet.id));
    expect(q.lastDigestAt.getTime()).toBe(now.getTime()); // moved on
    const [o] = await db.select().from(savedSearches).where(eq(savedSearches.id, off.id));
    expect(o.lastDigestAt.getTime()).toBeLessThan(now.getTime());
  });
});
