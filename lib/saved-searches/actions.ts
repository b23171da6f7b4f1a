'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { authedAction } from '@/lib/actions/safe-action';
import { createSavedSearch, deleteSavedSearch, setSavedSearchFrequency } from './data';
import { createSavedSearchSchema, deleteSavedSearchSchema, updateSavedSearchSchema } from './validation';

export const saveSearchAction = authedAction('savedSearches.manage', createSavedSearchSchema, async (viewer, input) => {
  const row = await createSavedSearch(await getDb(), viewer, input);
  revalidatePath('/account/searches');
  return { id: row.id };
});

export const updateSavedSearchAction = authedAction(
  'savedSearches.manage',
  updateSavedSearchSchema,
  async (viewer, input) => {
    await setSavedSearchFrequency(await getDb(), viewer, input.id, input.frequency);
    revalidatePath('/account/searches');
  },
);

export const deleteSavedSearchAction = authedAction(
  'savedSearches.manage',
  deleteSavedSearchSchema,
  async (viewer, input) => {
    await deleteSavedSearch(await getDb(), viewer, input.id);
    revalidatePath('/account/searches');
  },
);
