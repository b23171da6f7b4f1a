'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/safe-action';
import { renewListing, transitionListing } from '@/lib/listings/lifecycle';
import { saveSeed } from '@/lib/listings/seeds-data';
import { closeListingSchema, listingRefSchema, seedSchema } from '@/lib/listings/validation';
import { z } from '@/lib/validation/messages';

export const saveSeedAction = authedAction('seeds.create', seedSchema, async (viewer, input, { ip }) => {
  const saved = await saveSeed(viewer, input, ip);
  revalidatePath('/seeds', 'layout');
  return saved;
});

const ownerTransition = listingRefSchema
  .extend({ kind: z.literal('seed'), transition: z.enum(['submit', 'withdraw', 'archive', 'reopen']) })
  .strict();

export const transitionSeedAction = authedAction('seeds.create', ownerTransition, async (viewer, input, { ip }) => {
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
