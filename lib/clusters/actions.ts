'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/safe-action';
import { assignCoordinator, createCluster, unassignCoordinator, updateCluster } from './data';
import { coordinatorAssignmentSchema, createClusterSchema, updateClusterSchema } from './validation';

/** The pages showing what these actions change (organisation forms offer the clusters). */
function refreshPages() {
  for (const path of ['/clusters', '/organisations']) revalidatePath(path, 'layout');
}

export const createClusterAction = authedAction(
  'admin.clusters',
  createClusterSchema,
  async (viewer, input, { ip }) => {
    const result = await createCluster(viewer, input, ip);
    refreshPages();
    return result;
  },
);

export const updateClusterAction = authedAction(
  'admin.clusters',
  updateClusterSchema,
  async (viewer, input, { ip }) => {
    await updateCluster(viewer, input, ip);
    refreshPages();
  },
);

export const assignCoordinatorAction = authedAction(
  'admin.coordinators',
  coordinatorAssignmentSchema,
  async (viewer, input, { ip }) => {
    await assignCoordinator(viewer, input, ip);
    refreshPages();
  },
);

export const unassignCoordinatorAction = authedAction(
  'admin.coordinators',
  coordinatorAssignmentSchema,
  async (viewer, input, { ip }) => {
    await unassignCoordinator(viewer, input, ip);
    refreshPages();
  },
);
