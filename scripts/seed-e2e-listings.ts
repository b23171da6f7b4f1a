import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema/accounts';
import { needs, seeds } from '@/db/schema/listings';
import type { Viewer } from '@/lib/auth/policy';
import { loadViewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { proposeManualMatch } from '@/lib/introductions/create';
import { saveListing } from '@/lib/listings/data';
import { blankValues } from '@/lib/listings/kinds';
import { transitionListing } from '@/lib/listings/lifecycle';
import { needSchema, seedSchema } from '@/lib/listings/validation';
import { INTEREST_JOURNEY, PROPOSED_PAIRS, SALES_CHANNEL_SEED } from '../e2e/support/listings-fixture';

// The state of e2e/support/listings-fixture.ts (imported by scripts/seed-e2e.ts after the demo seed, with lib's
// server-only modules allowed), made through the functions the app's actions call: a member's form saved
// and submitted (saveListing, from the form's blank values), the coordinator's publish from the review
// queue (transitionListing, which queues the listing's re-match as the page does: the server's worker
// indexes it when it starts), the coordinator's proposal by hand (proposeManualMatch). Idempotent.

async function viewerOf(db: Db, email: string): Promise<Viewer> {
  const [user] = await db
    .select({ id: users.id, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, email));
  const viewer = user && (await loadViewer(user.id, user.sessionVersion));
  if (!viewer) throw new Error(`seed the demo first: ${email} is missing`);
  return viewer;
}

/** Posts a listing as `owner` (sent to review), then publishes it as `coordinator`; skipped if its title exists. */
async function publish(
  db: Db,
  owner: Viewer,
  coordinator: Viewer,
  listing: { kind: 'need'; fields: Record<string, unknown> } | { kind: 'seed'; fields: Record<string, unknown> },
) {
  const table = listing.kind === 'need' ? needs : seeds;
  const [exists] = await db
    .select({ id: table.id })
    .from(table)
    .where(eq(table.title, String(listing.fields.title)));
  if (exists) return;
  const form = { ...blankValues(listing.kind, 'ja'), ...listing.fields, intent: 'submit' };
  const saved =
    listing.kind === 'need'
      ? await saveListing(owner, 'need', needSchema.parse(form))
      : await saveListing(owner, 'seed', seedSchema.parse(form));
  await transitionListing(coordinator, { kind: listing.kind, id: saved.id, version: saved.version }, 'publish');
}

export async function seedListingsFixture(db: Db): Promise<void> {
  const [sme, researcher, coordinator] = await Promise.all(
    ['sme@demo.test', 'researcher@demo.test', 'coordinator@demo.test'].map((email) => viewerOf(db, email)),
  );
  const { need, seed } = INTEREST_JOURNEY;
  // the seed first, as the spec posted them: the need's re-match then finds it indexed
  await publish(db, researcher, coordinator, { kind: 'seed', fields: { ...seed } });
  await publish(db, sme, coordinator, { kind: 'need', fields: { ...need } });
  const { word: _word, ...channelSeed } = SALES_CHANNEL_SEED;
  await publish(db, researcher, coordinator, { kind: 'seed', fields: channelSeed });

  for (const pair of Object.values(PROPOSED_PAIRS)) {
    const [n] = await db.select({ id: needs.id }).from(needs).where(eq(needs.title, pair.need));
    const [s] = await db.select({ id: seeds.id }).from(seeds).where(eq(seeds.title, pair.seed));
    if (!n || !s) throw new Error(`a demo listing of ${pair.need} / ${pair.seed} is missing`);
    try {
      await proposeManualMatch(db, coordinator, { needId: n.id, seedId: s.id });
    } catch (error) {
      // the engine proposed the pair already (scripts/seed/demo-listings.ts), or an earlier seed did
      if (!(error instanceof AppError && error.code === 'conflict')) throw error;
    }
  }
}
