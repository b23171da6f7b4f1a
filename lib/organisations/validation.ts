import { employeeBands, organisationKinds } from '@/db/vocabulary/accounts';
import { listParams, optionalParam } from '@/lib/lists/params';
import { canonicalPrefecture } from '@/lib/prefectures';
import { z } from '@/lib/validation/messages';

const id = z.uuid();
const name = z.string().trim().min(1).max(200);

/** ?q=&kind=&verified=&page= of the organisations list. */
export const organisationFiltersSchema = z.object({
  q: listParams.q,
  kind: optionalParam(z.enum(organisationKinds)),
  verified: listParams.yesNo,
  page: listParams.page,
});
export type OrganisationFilters = z.infer<typeof organisationFiltersSchema>;

export const organisationIdSchema = z.object({ organisationId: id }).strict();

export const updateOrganisationSchema = z
  .object({
    organisationId: id,
    /** The row's updated_at as the database printed it: edits succeed only if nobody saved in between. */
    version: z.string().min(1).max(64),
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
