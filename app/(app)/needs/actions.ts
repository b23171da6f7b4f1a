'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/safe-action';
import { renewListing, transitionListing } from '@/lib/listings/lifecycle';
import { saveNeed } from '@/lib/listings/needs-data';
import { closeListingSchema, listingRefSchema, needSchema } from '@/lib/listings/validation';
import { z } from '@/lib/validation/messages';

export const saveNeedAction = authedAction('needs.create', needSchema, async (viewer, input, { ip }) => {
  const saved = await saveNeed(viewer, input, ip);
  revalidatePath('/needs', 'layout');
  return saved;
});

const ownerTransition = listingRefSchema
  .extend({ kind: z.literal('need'), transition: z.enum(['submit', 'withdraw', 'archive', 'reopen']) })
  .strict();

export const transitionNeedAction = authedAction('needs.create', ownerTransition, async (viewer, input, { ip }) => {
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
