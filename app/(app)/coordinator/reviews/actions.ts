'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/safe-action';
import { reviewListing } from '@/lib/listings/moderation';
import { reviewListingSchema } from '@/lib/listings/validation';

export const reviewListingAction = authedAction(
  'listings.moderate',
  reviewListingSchema,
  async (viewer, input, { ip }) => {
    const result = await reviewListing(viewer, input, ip);
    revalidatePath('/coordinator/reviews');
    revalidatePath(input.kind === 'need' ? '/needs' : '/seeds', 'layout');
    return result;
  },
);
