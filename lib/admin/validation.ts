import { canonicalPrefecture } from '@/lib/prefectures';
import { z } from '@/lib/validation/messages';
import { employeeBands, organisationKinds, roles } from '@/db/vocabulary/accounts';
import { clusterPhases, domains } from '@/db/vocabulary/clusters';

export const PAGE_SIZE = 20;

const id = z.string().uuid();
/** The row's updated_at as the database printed it: edits succeed only if nobody saved in between. */
const version = z.string().min(1).max(64);
const name = z.string().trim().min(1).max(200);

// ---- list filters (GET forms): bad values fall back to "no filter" instead of failing the page

type SearchParams = Record<string, string | string[] | undefined>;

/** First value of each query parameter, so `?q=a&q=b` cannot confuse a schema. */
export function firstValues(params: SearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

const q = z.string().trim().max(100).catch('');
const page = z.coerce.number().int().min(1).max(100_000).catch(1);
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const yesNo = optional(z.enum(['yes', 'no']));
const day = optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/));

export const organisationFiltersSchema = z.object({
  q,
  kind: optional(z.enum(organisationKinds)),
  verified: yesNo,
  page,
});
export type OrganisationFilters = z.infer<typeof organisationFiltersSchema>;

export const userFiltersSchema = z.object({
  q,
  role: optional(z.enum(roles)),
  disabled: yesNo,
  approval: optional(z.enum(['pending', 'approved'])),
  org: optional(id),
  page,
});
export type UserFilters = z.infer<typeof userFiltersSchema>;

export const auditFiltersSchema = z.object({
  actor: z.string().trim().max(254).catch(''),
  action: z.string().trim().max(100).catch(''),
  subject: z.string().trim().max(50).catch(''),
  from: day,
  to: day,
  page,
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

// ---- actions

export const organisationIdSchema = z.object({ organisationId: id }).strict();

export const updateOrganisationSchema = z
  .object({
    organisationId: id,
    version,
    kind: z.enum(organisationKinds),
    nameJa: name,
    nameEn: name,
    prefecture: z.string().trim().min(1).max(40).transform(canonicalPrefecture),
    website: z.union([z.literal(''), z.string().trim().url().max(300)]),
    employeeBand: z.union([z.literal(''), z.enum(employeeBands)]),
    clusterIds: z.array(id).max(50),
  })
  .strict();
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationSchema>;

export const changeRoleSchema = z
  .object({
    userId: id,
    /** The role the admin saw: if someone changed it meanwhile, the change is refused. */
    currentRole: z.enum(roles),
    role: z.enum(roles),
  })
  .strict();
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const setDisabledSchema = z.object({ userId: id, disabled: z.boolean() }).strict();
export type SetDisabledInput = z.infer<typeof setDisabledSchema>;

export const userIdSchema = z.object({ userId: id }).strict();

const clusterFields = {
  slug: z
    .string()
    .trim()
    .min(2)
    .max(60)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'admin.errors.slugFormat'),
  nameJa: name,
  nameEn: name,
  region: z.string().trim().min(1).max(100),
  domains: z.array(z.enum(domains)).min(1).max(domains.length),
  phase: z.enum(clusterPhases),
};

export const createClusterSchema = z.object(clusterFields).strict();
export type CreateClusterInput = z.infer<typeof createClusterSchema>;

export const updateClusterSchema = z.object({ clusterId: id, version, ...clusterFields }).strict();
export type UpdateClusterInput = z.infer<typeof updateClusterSchema>;

export const coordinatorAssignmentSchema = z.object({ clusterId: id, userId: id }).strict();
export type CoordinatorAssignmentInput = z.infer<typeof coordinatorAssignmentSchema>;
