import { needSchema, searchParamsSchema, seedSchema } from '@/lib/listings/validation';
import type { Permission } from '@/lib/auth/policy';
import { z } from '@/lib/validation/messages';

/**
 * The /api/v1 operations in one table: the route handlers take their schemas from here and
 * the OpenAPI document (lib/api/openapi.ts) is generated from it, so the two cannot drift.
 */
export const idParams = z.object({ id: z.uuid() });

const noEnvelope = (v: { id?: unknown; version?: unknown }, ctx: z.RefinementCtx) => {
  if (v.id !== undefined) ctx.addIssue({ code: 'custom', path: ['id'], message: 'validation.unknown_field' });
  if (v.version !== undefined) ctx.addIssue({ code: 'custom', path: ['version'], message: 'validation.unknown_field' });
};
/** POST bodies: the form's schema, without id/version (those make it an update). */
export const createNeedBody = needSchema.superRefine(noEnvelope);
export const createSeedBody = seedSchema.superRefine(noEnvelope);

/**
 * PATCH bodies: `version` (optimistic lock, from GET … manage.version) plus any fields of the
 * POST body; the merged listing is validated with the full schema.
 */
export const patchBody = z.looseObject({
  version: z.number().int().min(1),
  intent: z.enum(['draft', 'submit']).optional(),
});

export type Operation = {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  operationId: string;
  summary: string;
  permission: Permission;
  params?: typeof idParams;
  query?: z.ZodType;
  body?: z.ZodType;
  /** For PATCH: the full schema whose fields may be sent (all optional but version). */
  patchOf?: z.ZodType;
  success: { status: 200 | 201; schema: 'needList' | 'seedList' | 'need' | 'seed' };
  errors: number[];
};

export const operations = {
  listNeeds: {
    method: 'GET',
    path: '/needs',
    operationId: 'listNeeds',
    summary: 'Search open needs (same search and filters as the browse page)',
    permission: 'listings.browse',
    query: searchParamsSchema,
    success: { status: 200, schema: 'needList' },
    errors: [400, 401, 403, 429],
  },
  createNeed: {
    method: 'POST',
    path: '/needs',
    operationId: 'createNeed',
    summary: "Create a need of the token user's organisation (draft, or submitted for review)",
    permission: 'needs.create',
    body: createNeedBody,
    success: { status: 201, schema: 'need' },
    errors: [400, 401, 403, 413, 429],
  },
  getNeed: {
    method: 'GET',
    path: '/needs/{id}',
    operationId: 'getNeed',
    summary: 'One need, with the fields the token user may see',
    permission: 'listings.browse',
    params: idParams,
    success: { status: 200, schema: 'need' },
    errors: [401, 403, 404, 429],
  },
  updateNeed: {
    method: 'PATCH',
    path: '/needs/{id}',
    operationId: 'updateNeed',
    summary: 'Change fields of a need of your organisation (edits of published needs go to review)',
    permission: 'api.access',
    params: idParams,
    body: patchBody,
    patchOf: needSchema,
    success: { status: 200, schema: 'need' },
    errors: [400, 401, 403, 404, 409, 413, 429],
  },
  listSeeds: {
    method: 'GET',
    path: '/seeds',
    operationId: 'listSeeds',
    summary: 'Search open seeds (same search and filters as the browse page)',
    permission: 'listings.browse',
    query: searchParamsSchema,
    success: { status: 200, schema: 'seedList' },
    errors: [400, 401, 403, 429],
  },
  createSeed: {
    method: 'POST',
    path: '/seeds',
    operationId: 'createSeed',
    summary: "Create a seed of the token user's organisation (draft, or submitted for review)",
    permission: 'seeds.create',
    body: createSeedBody,
    success: { status: 201, schema: 'seed' },
    errors: [400, 401, 403, 413, 429],
  },
  getSeed: {
    method: 'GET',
    path: '/seeds/{id}',
    operationId: 'getSeed',
    summary: 'One seed, with the fields the token user may see',
    permission: 'listings.browse',
    params: idParams,
    success: { status: 200, schema: 'seed' },
    errors: [401, 403, 404, 429],
  },
  updateSeed: {
    method: 'PATCH',
    path: '/seeds/{id}',
    operationId: 'updateSeed',
    summary: 'Change fields of a seed of your organisation (edits of published seeds go to review)',
    permission: 'api.access',
    params: idParams,
    body: patchBody,
    patchOf: seedSchema,
    success: { status: 200, schema: 'seed' },
    errors: [400, 401, 403, 404, 409, 413, 429],
  },
} satisfies Record<string, Operation>;
