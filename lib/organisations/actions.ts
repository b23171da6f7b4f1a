'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/safe-action';
import { updateOrganisation, verifyOrganisation } from './data';
import { organisationIdSchema, updateOrganisationSchema } from './validation';

/** The pages showing what these actions change (member lists and the office's home count organisations). */
function refreshPages() {
  for (const path of ['/organisations', '/users', '/home']) revalidatePath(path, 'layout');
}

export const verifyOrganisationAction = authedAction(
  'admin.organisations',
  organisationIdSchema,
  async (viewer, input, { ip }) => {
    const result = await verifyOrganisation(viewer, input.organisationId, ip);
    refreshPages();
    return result;
  },
);

export const updateOrganisationAction = authedAction(
  'admin.organisations',
  updateOrganisationSchema,
  async (viewer, input, { ip }) => {
    await updateOrganisation(viewer, input, ip);
    refreshPages();
  },
);
