import 'server-only';
import { AppError } from '@/lib/errors';
import { getListingForEdit, getListingForViewer, saveListing } from '@/lib/listings/data';
import { searchNeeds, searchSeeds } from '@/lib/listings/search';
import type { ByKind } from '@/lib/listings/kind-data';
import { needSchema, seedSchema, type SearchParams } from '@/lib/listings/validation';
import type { ZodType } from 'zod';
import { fieldErrorsOf } from '@/lib/validation/messages';
import type { Viewer } from '@/lib/auth/policy';
import type { z } from '@/lib/validation/messages';
import type { patchBody } from './v1';

type Kind = 'needs' | 'seeds';
const kindOf = { needs: 'need', seeds: 'seed' } as const;
type Patch = z.infer<typeof patchBody>;

/** The merged listing as its kind's schema reads it, or the fields' errors (a 400 with every field). */
function valid<T>(schema: ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('invalid', 'errors.invalid', fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** The listings behind /api/v1, through lib/listings (the same functions as the pages). */
export const apiListings = {
  async search(viewer: Viewer, kind: Kind, query: SearchParams) {
    return kind === 'needs' ? searchNeeds(viewer, query) : searchSeeds(viewer, query);
  },

  async get(viewer: Viewer, kind: Kind, id: string, ip: string | null) {
    const view = await getListingForViewer(viewer, kindOf[kind], id, ip);
    if (!view) throw new AppError('not_found');
    return view;
  },

  async create<C extends Kind>(viewer: Viewer, kind: C, input: ByKind[(typeof kindOf)[C]]['input'], ip: string | null) {
    const saved = await saveListing(viewer, kindOf[kind], input, ip);
    return Response.json(await apiListings.get(viewer, kind, saved.id, ip), {
      status: 201,
      headers: { Location: `/api/v1/${kind}/${saved.id}` },
    });
  },

  /** Fields not sent keep their values; the merged listing is validated like a form submit. */
  async update(viewer: Viewer, kind: Kind, id: string, patch: Patch, ip: string | null) {
    const current = await getListingForEdit(viewer, kindOf[kind], id);
    if (!current) throw new AppError('not_found');
    const merged = { ...current.values, intent: 'draft', ...patch, id, version: patch.version };
    const saved =
      kind === 'needs'
        ? await saveListing(viewer, 'need', valid(needSchema, merged), ip)
        : await saveListing(viewer, 'seed', valid(seedSchema, merged), ip);
    return apiListings.get(viewer, kind, saved.id, ip);
  },
};
