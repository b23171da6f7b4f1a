import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { needs, seeds } from '@/db/schema/listings';
import type { Viewer } from '@/lib/auth/policy';
import { stopJobs } from '@/lib/jobs';
import { saveListing } from '@/lib/listings/data';
import { needSchema, seedSchema } from '@/lib/listings/validation';
import { prepareRematch } from '@/lib/matching/jobs';
import { makeUser } from '../support/factories';

// The owner's steps on a listing are one action per step for both kinds, with a permission per kind
// (lib/listings/actions.ts). The authorisation matrix checks the policy's answer for each kind; this
// checks that the action asks the policy about the kind its input names. The test decides who is
// signed in; there is no request, so no headers and nothing to revalidate (recorded instead).
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock('@/lib/auth/session', () => ({ getViewer: async () => session.viewer }));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
vi.mock('next/cache', () => ({ revalidatePath: (path: string) => revalidated.push(path) }));

const { closeListingAction, renewListingAction, transitionListingAction } = await import('@/lib/listings/actions');

beforeAll(() => prepareRematch(), 120_000);
afterAll(() => stopJobs());

let sme: Awaited<ReturnType<typeof makeUser>>;
let researcher: Awaited<ReturnType<typeof makeUser>>;
let need: { id: string; version: number };
let seed: { id: string; version: number };

beforeEach(async () => {
  revalidated.length = 0;
  sme = await makeUser('sme');
  researcher = await makeUser('researcher');
  const common = {
    intent: 'draft',
    language: 'en',
    summary: 'A summary.',
    domain: 'manufacturing',
    keywords: ['x'],
    visibility: 'members',
  };
  const ref = ({ id, version }: { id: string; version: number }) => ({ id, version });
  need = ref(await saveListing(sme.viewer, 'need', needSchema.parse({ ...common, title: 'A need' }), null));
  seed = ref(await saveListing(researcher.viewer, 'seed', seedSchema.parse({ ...common, title: 'A seed' }), null));
});

const statusOf = async (kind: 'need' | 'seed', id: string) => {
  const t = kind === 'need' ? needs : seeds;
  const [row] = await (await getDb()).select({ status: t.status }).from(t).where(eq(t.id, id));
  return row.status;
};

describe('owner actions on listings, one per step for both kinds', () => {
  it("runs a step for a viewer who holds the permission of the input's kind, and refreshes that kind's pages", async () => {
    session.viewer = sme.viewer;
    const submitted = await transitionListingAction({ kind: 'need', ...need, transition: 'submit' });
    expect(submitted).toMatchObject({ ok: true, data: { status: 'pending_review' } });
    expect(await statusOf('need', need.id)).toBe('pending_review');
    expect(revalidated).toEqual(['/needs']);

    session.viewer = researcher.viewer;
    const seedSubmitted = await transitionListingAction({ kind: 'seed', ...seed, transition: 'submit' });
    expect(seedSubmitted).toMatchObject({ ok: true, data: { status: 'pending_review' } });
    expect(revalidated).toEqual(['/needs', '/seeds']);
  });

  it("refuses a viewer who holds the other kind's permission only, before looking the listing up", async () => {
    session.viewer = sme.viewer; // may post needs, not seeds
    for (const result of [
      await transitionListingAction({ kind: 'seed', ...seed, transition: 'submit' }),
      await closeListingAction({ kind: 'seed', ...seed, reason: 'partner_found' }),
      await renewListingAction({ kind: 'seed', ...seed }),
    ]) {
      expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    }
    session.viewer = researcher.viewer; // may post seeds, not needs
    expect(await transitionListingAction({ kind: 'need', ...need, transition: 'submit' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await statusOf('need', need.id)).toBe('draft');
    expect(await statusOf('seed', seed.id)).toBe('draft');
    expect(revalidated).toEqual([]);
  });

  it('refuses a viewer who holds neither permission before reading the input, and asks a stranger to sign in', async () => {
    session.viewer = (await makeUser('lender')).viewer;
    expect(await transitionListingAction({ nonsense: true })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await closeListingAction({ kind: 'need', ...need, reason: 'partner_found' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    session.viewer = null;
    expect(await renewListingAction({ kind: 'need', ...need })).toMatchObject({ ok: false, code: 'unauthorized' });
  });

  it('still reads the input for a permitted viewer: an unknown kind is invalid, another owner’s listing not found', async () => {
    session.viewer = sme.viewer;
    expect(await transitionListingAction({ kind: 'idea', ...need, transition: 'submit' })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    const other = await makeUser('sme');
    session.viewer = other.viewer;
    expect(await transitionListingAction({ kind: 'need', ...need, transition: 'submit' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});
