import { listingCollections } from '@/db/vocabulary/listings';
import { z } from '@/lib/validation/messages';
import { digestFrequencies } from '@/db/vocabulary/integrations';

/** Browse-page parameters a saved search keeps (not the page number or sort). */
export const SAVED_QUERY_KEYS = [
  'q',
  'domain',
  'trl',
  'ipStatus',
  'licensing',
  'royaltyMax',
  'territory',
  'sublicensing',
  'option',
  'prefecture',
  'cluster',
  'orgKind',
] as const;

export const savedQuerySchema = z
  .record(z.string(), z.union([z.string().max(200), z.array(z.string().max(200)).max(10)]))
  .transform((query) =>
    Object.fromEntries(
      Object.entries(query).filter(([k, v]) => (SAVED_QUERY_KEYS as readonly string[]).includes(k) && v !== ''),
    ),
  );

export const createSavedSearchSchema = z
  .object({
    kind: z.enum(listingCollections),
    name: z.string().trim().min(1).max(120),
    query: savedQuerySchema,
    frequency: z.enum(digestFrequencies),
  })
  .strict();
export type CreateSavedSearchInput = z.infer<typeof createSavedSearchSchema>;

export const updateSavedSearchSchema = z.object({ id: z.uuid(), frequency: z.enum(digestFrequencies) }).strict();
export const deleteSavedSearchSchema = z.object({ id: z.uuid() }).strict();
