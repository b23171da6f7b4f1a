import { clusterPhases, domains } from '@/db/vocabulary/clusters';
import { z } from '@/lib/validation/messages';

const id = z.uuid();
const name = z.string().trim().min(1).max(200);

const clusterFields = {
  slug: z
    .string()
    .trim()
    .min(2)
    .max(60)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'admin.errors.slugFormat'),
  nameJa: name,
  nameEn: name,
  regionJa: z.string().trim().min(1).max(100),
  regionEn: z.string().trim().min(1).max(100),
  domains: z.array(z.enum(domains)).min(1).max(domains.length),
  phase: z.enum(clusterPhases),
};

export const createClusterSchema = z.object(clusterFields).strict();
export type CreateClusterInput = z.infer<typeof createClusterSchema>;

/** version: the row's updated_at as the database printed it; the edit succeeds only if nobody saved in between. */
export const updateClusterSchema = z
  .object({ clusterId: id, version: z.string().min(1).max(64), ...clusterFields })
  .strict();
export type UpdateClusterInput = z.infer<typeof updateClusterSchema>;

export const coordinatorAssignmentSchema = z.object({ clusterId: id, userId: id }).strict();
export type CoordinatorAssignmentInput = z.infer<typeof coordinatorAssignmentSchema>;
