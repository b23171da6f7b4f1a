'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/safe-action';
import { assignCoordinator, createCluster, unassignCoordinator, updateCluster } from '@/lib/admin/clusters';
import { coordinatorAssignmentSchema, createClusterSchema, updateClusterSchema } from '@/lib/admin/validation';

export const createClusterAction = authedAction(
  'admin.clusters',
  createClusterSchema,
  async (viewer, input, { ip }) => {
    const result = await createCluster(viewer, input, ip);
    revalidatePath('/admin', 'layout');
    return result;
  },
);

export const updateClusterAction = authedAction(
  'admin.clusters',
  updateClusterSchema,
  async (viewer, input, { ip }) => {
    await updateCluster(viewer, input, ip);
    revalidatePath('/admin', 'layout');
  },
);

export const assignCoordinatorAction = authedAction(
  'admin.coordinators',
  coordinatorAssignmentSchema,
  async (viewer, input, { ip }) => {
    await assignCoordinator(viewer, input, ip);
    revalidatePath('/admin', 'layout');
  },
);

export const unassignCoordinatorAction = authedAction(
  'admin.coordinators',
  coordinatorAssignmentSchema,
  async (viewer, input, { ip }) => {
    await unassignCoordinator(viewer, input, ip);
    revalidatePath('/admin', 'layout');
  },
);
