'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/safe-action';
import { z } from '@/lib/validation/messages';
import { listingKinds, type ListingKind } from '@/db/vocabulary/listings';
import { followListing, unfollowListing } from './follows';
import { renewListing, transitionListing } from './lifecycle';
import { reviewListing } from './moderation';
import { saveListing } from './data';
import { listingKindInfo } from './kinds';
import { closeListingSchema, listingRefSchema, needSchema, reviewListingSchema, seedSchema } from './validation';

const refreshListings = (kind: ListingKind) => revalidatePath(listingKindInfo[kind].path, 'layout');

export const saveNeedAction = authedAction('needs.create', needSchema, async (viewer, input, { ip }) => {
  const saved = await saveListing(viewer, 'need', input, ip);
  refreshListings('need');
  return saved;
});

export const saveSeedAction = authedAction('seeds.create', seedSchema, async (viewer, input, { ip }) => {
  const saved = await saveListing(viewer, 'seed', input, ip);
  refreshListings('seed');
  return saved;
});

// An owner's (or their cluster coordinator's) steps on a listing, one action each for both kinds.
// What differs by kind: the permission (who posts needs, who posts seeds) and the pages to refresh.
const ownerPermission = { need: 'needs.create', seed: 'seeds.create' } as const;

const ownerTransitionSchema = listingRefSchema
  .extend({ transition: z.enum(['submit', 'withdraw', 'archive', 'reopen']) })
  .strict();

export const transitionListingAction = authedAction(
  ownerPermission,
  ownerTransitionSchema,
  async (viewer, input, { ip }) => {
    const result = await transitionListing(viewer, input, input.transition, { ip });
    refreshListings(input.kind);
    return result;
  },
);

export const closeListingAction = authedAction(ownerPermission, closeListingSchema, async (viewer, input, { ip }) => {
  const result = await transitionListing(viewer, input, 'close', {
    closedReason: input.note ? `${input.reason}: ${input.note}` : input.reason,
    ip,
  });
  refreshListings(input.kind);
  return result;
});

export const renewListingAction = authedAction(ownerPermission, listingRefSchema, async (viewer, input, { ip }) => {
  const result = await renewListing(viewer, input, ip);
  refreshListings(input.kind);
  return result;
});

export const reviewListingAction = authedAction(
  'listings.moderate',
  reviewListingSchema,
  async (viewer, input, { ip }) => {
    const result = await reviewListing(viewer, input, ip);
    revalidatePath('/listings/review');
    refreshListings(input.kind);
    return result;
  },
);

const followSchema = z.object({ kind: z.enum(listingKinds), id: z.uuid() }).strict();

export const followListingAction = authedAction('listings.browse', followSchema, async (viewer, input, { ip }) => {
  const result = await followListing(viewer, input.kind, input.id, ip);
  revalidatePath('/listings/following');
  return result;
});

export const unfollowListingAction = authedAction('listings.browse', followSchema, async (viewer, input) => {
  const result = await unfollowListing(viewer, input.id);
  revalidatePath('/listings/following');
  return result;
});
