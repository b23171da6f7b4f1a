'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/safe-action';
import { z } from '@/lib/validation/messages';
import { followListing, unfollowListing } from './follows';
import { renewListing, transitionListing } from './lifecycle';
import { reviewListing } from './moderation';
import { saveListing } from './data';
import { closeListingSchema, listingRefSchema, needSchema, reviewListingSchema, seedSchema } from './validation';

export const saveNeedAction = authedAction('needs.create', needSchema, async (viewer, input, { ip }) => {
  const saved = await saveListing(viewer, 'need', input, ip);
  revalidatePath('/needs', 'layout');
  return saved;
});

const ownerNeedTransition = listingRefSchema
  .extend({ kind: z.literal('need'), transition: z.enum(['submit', 'withdraw', 'archive', 'reopen']) })
  .strict();

export const transitionNeedAction = authedAction('needs.create', ownerNeedTransition, async (viewer, input, { ip }) => {
  const result = await transitionListing(viewer, input, input.transition, { ip });
  revalidatePath('/needs', 'layout');
  return result;
});

export const closeNeedAction = authedAction(
  'needs.create',
  closeListingSchema.extend({ kind: z.literal('need') }),
  async (viewer, input, { ip }) => {
    const result = await transitionListing(viewer, input, 'close', {
      closedReason: input.note ? `${input.reason}: ${input.note}` : input.reason,
      ip,
    });
    revalidatePath('/needs', 'layout');
    return result;
  },
);

export const renewNeedAction = authedAction(
  'needs.create',
  listingRefSchema.extend({ kind: z.literal('need') }),
  async (viewer, input, { ip }) => {
    const result = await renewListing(viewer, input, ip);
    revalidatePath('/needs', 'layout');
    return result;
  },
);

export const saveSeedAction = authedAction('seeds.create', seedSchema, async (viewer, input, { ip }) => {
  const saved = await saveListing(viewer, 'seed', input, ip);
  revalidatePath('/seeds', 'layout');
  return saved;
});

const ownerSeedTransition = listingRefSchema
  .extend({ kind: z.literal('seed'), transition: z.enum(['submit', 'withdraw', 'archive', 'reopen']) })
  .strict();

export const transitionSeedAction = authedAction('seeds.create', ownerSeedTransition, async (viewer, input, { ip }) => {
  const result = await transitionListing(viewer, input, input.transition, { ip });
  revalidatePath('/seeds', 'layout');
  return result;
});

export const closeSeedAction = authedAction(
  'seeds.create',
  closeListingSchema.extend({ kind: z.literal('seed') }),
  async (viewer, input, { ip }) => {
    const result = await transitionListing(viewer, input, 'close', {
      closedReason: input.note ? `${input.reason}: ${input.note}` : input.reason,
      ip,
    });
    revalidatePath('/seeds', 'layout');
    return result;
  },
);

export const renewSeedAction = authedAction(
  'seeds.create',
  listingRefSchema.extend({ kind: z.literal('seed') }),
  async (viewer, input, { ip }) => {
    const result = await renewListing(viewer, input, ip);
    revalidatePath('/seeds', 'layout');
    return result;
  },
);

export const reviewListingAction = authedAction(
  'listings.moderate',
  reviewListingSchema,
  async (viewer, input, { ip }) => {
    const result = await reviewListing(viewer, input, ip);
    revalidatePath('/listings/review');
    revalidatePath(input.kind === 'need' ? '/needs' : '/seeds', 'layout');
    return result;
  },
);

const followSchema = z.object({ kind: z.enum(['need', 'seed']), id: z.uuid() }).strict();

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
