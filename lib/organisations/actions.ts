'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/safe-action';
import { updateOrganisation, verifyOrganisation } from '@/lib/admin/organisations';
import { organisationIdSchema, updateOrganisationSchema } from '@/lib/admin/validation';

export const verifyOrganisationAction = authedAction(
  'admin.organisations',
  organisationIdSchema,
  async (viewer, input, { ip }) => {
    const result = await verifyOrganisation(viewer, input.organisationId, ip);
    revalidatePath('/admin', 'layout');
    return result;
  },
);

export const updateOrganisationAction = authedAction(
  'admin.organisations',
  updateOrganisationSchema,
  async (viewer, input, { ip }) => {
    await updateOrganisation(viewer, input, ip);
    revalidatePath('/admin', 'layout');
  },
);
