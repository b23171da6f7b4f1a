import { z } from '@/lib/validation/messages';

// The list pages' query string (GET filter forms): a bad value falls back to "no filter" instead of failing the page.

type SearchParams = Record<string, string | string[] | undefined>;

/** First value of each query parameter, so `?q=a&q=b` cannot confuse a schema. */
export function firstValues(params: SearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

export const listParams = {
  q: z.string().trim().max(100).catch(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  yesNo: z.enum(['yes', 'no']).optional().catch(undefined),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
};

/** A filter that is absent when its value is not one the schema accepts. */
export const optionalParam = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
