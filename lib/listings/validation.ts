import { canonicalPrefecture } from '@/lib/prefectures';
import { z } from '@/lib/validation/messages';
import { hasNoNul, NUL_MESSAGE } from '@/lib/validation/input';
import { triStates } from './licence-terms';
import { isTerritoryCode } from './territories';
import { locales, organisationKinds } from '@/db/vocabulary/accounts';
import { domains } from '@/db/vocabulary/clusters';
import {
  closeReasons,
  disclosureLevels,
  ipStatuses,
  licensingTerms,
  needVisibilities,
  seedVisibilities,
} from '@/db/vocabulary/listings';

/** Limits shown next to the fields in the forms (one place, so form and server agree). */
export const LIMITS = {
  title: 200,
  summary: 1000,
  details: 10_000,
  keyword: 50,
  keywords: 20,
  prefecture: 40,
  timeline: 200,
  regionPreference: 200,
  anonymousLabel: 120,
  leadResearcher: 120,
  advantages: 3000,
  ipRecords: 20,
  ipNumber: 60,
  ipTitle: 300,
  jurisdiction: 10,
  reviewComment: 2000,
  closeNote: 500,
  budgetMaxJpy: 2_000_000_000,
  fieldOfUse: 300,
  territories: 80,
  exclusivityMonths: 600,
} as const;

// Text is stored exactly as typed and rendered as text (React escapes it): "<script>" stays harmless.
const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional().default('');

/** Form values: '' for "not given"; numbers arrive as strings from inputs, so they are coerced. */
const optionalInt = (min: number, max: number) =>
  z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? undefined : typeof v === 'string' ? Number(v) : v),
    z.number().int().min(min).max(max).optional(),
  );
const trl = optionalInt(1, 9);
const percent = z.preprocess(
  (v) => (v === '' || v === null || v === undefined ? undefined : typeof v === 'string' ? Number(v) : v),
  z.number().min(0).max(100).optional(),
);
const yen = optionalInt(0, LIMITS.budgetMaxJpy);
const territories = z
  .array(z.string().refine(isTerritoryCode, { error: 'validation.format' }))
  .max(LIMITS.territories)
  .default([]);

const keywords = z
  .array(z.string().trim().min(1).max(LIMITS.keyword))
  .max(LIMITS.keywords)
  .default([])
  .transform((list) => [...new Map(list.map((k) => [k.toLowerCase(), k])).values()]);

const disclosureLevel = z.enum(disclosureLevels);
const disclosure = z
  .object({
    organisationName: disclosureLevel.optional(),
    patentNumbers: disclosureLevel.optional(),
    attachments: disclosureLevel.optional(),
    details: disclosureLevel.optional(),
  })
  .strict()
  .default({});

const listingBase = {
  language: z.enum(locales),
  title: requiredText(LIMITS.title),
  summary: requiredText(LIMITS.summary),
  details: optionalText(LIMITS.details),
  domain: z.enum(domains),
  keywords,
  prefecture: optionalText(LIMITS.prefecture).transform(canonicalPrefecture),
  disclosure,
};

const needShape = {
  ...listingBase,
  trlMin: trl,
  trlMax: trl,
  budgetMinJpy: yen,
  budgetMaxJpy: yen,
  timeline: optionalText(LIMITS.timeline),
  partnerKinds: z.array(z.enum(organisationKinds)).max(organisationKinds.length).default([]),
  regionPreference: optionalText(LIMITS.regionPreference),
  visibility: z.enum(needVisibilities),
  anonymousLabel: optionalText(LIMITS.anonymousLabel),
  // licensing terms the need can accept (compared with seeds' terms in the matching reasons)
  acceptRoyaltyMaxPct: percent,
  acceptUpfrontMaxJpy: yen,
  acceptTerritories: territories.optional(),
  wantsExclusive: z.boolean().optional(),
  needsSublicensing: z.boolean().optional(),
};

type NeedShape = {
  trlMin?: number;
  trlMax?: number;
  budgetMinJpy?: number;
  budgetMaxJpy?: number;
  visibility?: string;
  anonymousLabel?: string;
};

function needRefinements(value: NeedShape, ctx: z.RefinementCtx) {
  if (value.trlMin !== undefined && value.trlMax !== undefined && value.trlMin > value.trlMax) {
    ctx.addIssue({ code: 'custom', path: ['trlMax'], message: 'listings.errors.trl_range' });
  }
  if (value.budgetMinJpy !== undefined && value.budgetMaxJpy !== undefined && value.budgetMinJpy > value.budgetMaxJpy) {
    ctx.addIssue({ code: 'custom', path: ['budgetMaxJpy'], message: 'listings.errors.budget_range' });
  }
  if (value.visibility === 'anonymous' && !value.anonymousLabel) {
    ctx.addIssue({ code: 'custom', path: ['anonymousLabel'], message: 'listings.errors.anonymous_label' });
  }
}

const optionalDate = z
  .union([z.literal(''), z.iso.date()])
  .optional()
  .default('');

export const ipRecordSchema = z
  .object({
    number: optionalText(LIMITS.ipNumber),
    jurisdiction: requiredText(LIMITS.jurisdiction),
    status: z.enum(ipStatuses),
    title: requiredText(LIMITS.ipTitle),
    filedOn: optionalDate,
    grantedOn: optionalDate,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status === 'granted' && !v.number)
      ctx.addIssue({ code: 'custom', path: ['number'], message: 'listings.errors.number_required' });
    if (v.filedOn && v.grantedOn && v.filedOn > v.grantedOn) {
      ctx.addIssue({ code: 'custom', path: ['grantedOn'], message: 'listings.errors.grant_before_filing' });
    }
  });

const seedShape = {
  ...listingBase,
  trl,
  leadResearcher: optionalText(LIMITS.leadResearcher),
  licensing: z.array(z.enum(licensingTerms)).max(licensingTerms.length).default([]),
  advantages: optionalText(LIMITS.advantages),
  visibility: z.enum(seedVisibilities),
  ipRecords: z.array(ipRecordSchema).max(LIMITS.ipRecords).default([]),
  // structured licensing terms (lib/listings/licence-terms.ts)
  royaltyMinPct: percent,
  royaltyMaxPct: percent,
  upfrontFeeMinJpy: yen,
  upfrontFeeMaxJpy: yen,
  milestoneFeeMinJpy: yen,
  milestoneFeeMaxJpy: yen,
  licenceTerritories: territories,
  fieldOfUse: optionalText(LIMITS.fieldOfUse),
  exclusivityMonths: optionalInt(0, LIMITS.exclusivityMonths),
  sublicensing: z.enum(triStates).default(''),
  optionAgreement: z.enum(triStates).default(''),
};

type SeedShape = {
  royaltyMinPct?: number;
  royaltyMaxPct?: number;
  upfrontFeeMinJpy?: number;
  upfrontFeeMaxJpy?: number;
  milestoneFeeMinJpy?: number;
  milestoneFeeMaxJpy?: number;
};

function seedRefinements(v: SeedShape, ctx: z.RefinementCtx) {
  const pairs = [
    ['royaltyMinPct', 'royaltyMaxPct'],
    ['upfrontFeeMinJpy', 'upfrontFeeMaxJpy'],
    ['milestoneFeeMinJpy', 'milestoneFeeMaxJpy'],
  ] as const;
  for (const [min, max] of pairs) {
    const a = v[min];
    const b = v[max];
    if (a !== undefined && b !== undefined && a > b)
      ctx.addIssue({ code: 'custom', path: [max], message: 'listings.errors.min_above_max' });
  }
}

/**
 * `intent`: 'draft' keeps a draft a draft (autosave, "save draft"); 'submit' sends it to the
 * coordinators' review queue. `id` + `version` update an existing listing (optimistic lock).
 * `organisationId` only for coordinators drafting on behalf of a member organisation.
 */
const envelope = {
  id: z.uuid().optional(),
  version: z.number().int().min(1).optional(),
  intent: z.enum(['draft', 'submit']),
  organisationId: z.uuid().optional(),
};

export const needSchema = z
  .object({ ...envelope, ...needShape })
  .strict()
  .superRefine(needRefinements);
export type NeedInput = z.infer<typeof needSchema>;
export type NeedFormValues = z.input<typeof needSchema>;

export const seedSchema = z
  .object({ ...envelope, ...seedShape })
  .strict()
  .superRefine(seedRefinements);
export type SeedInput = z.infer<typeof seedSchema>;
export type SeedFormValues = z.input<typeof seedSchema>;
/** What the need and seed forms share (the envelope and the common fields). */
export type ListingFormValues = Pick<NeedInput & SeedInput, keyof typeof envelope | keyof typeof listingBase>;

export const listingRefSchema = z
  .object({ kind: z.enum(['need', 'seed']), id: z.uuid(), version: z.number().int().min(1) })
  .strict();

export const closeListingSchema = z
  .object({
    kind: z.enum(['need', 'seed']),
    id: z.uuid(),
    version: z.number().int().min(1),
    reason: z.enum(closeReasons),
    note: text(LIMITS.closeNote).optional().default(''),
  })
  .strict();

export const reviewListingSchema = z
  .object({
    kind: z.enum(['need', 'seed']),
    id: z.uuid(),
    version: z.number().int().min(1),
    decision: z.enum(['publish', 'send_back']),
    comment: text(LIMITS.reviewComment).optional().default(''),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === 'send_back' && !v.comment)
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'listings.errors.comment_required' });
  });
export type ReviewListingInput = z.infer<typeof reviewListingSchema>;

export const sorts = ['relevance', 'newest'] as const;
export const postedWithin = ['7', '30', '90', '365'] as const;

/** Browse/search query string (GET form). Unknown or malformed values fall back to "no filter". */
const loose = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
export const searchParamsSchema = z.object({
  q: loose(z.string().trim().max(200).refine(hasNoNul, NUL_MESSAGE)),
  domain: loose(z.enum(domains)),
  trl: loose(z.coerce.number().int().min(1).max(9)),
  ipStatus: loose(z.enum(ipStatuses)),
  licensing: loose(z.enum(licensingTerms)),
  /** seeds asking at most this royalty (their range starts at or below it) */
  royaltyMax: loose(z.coerce.number().min(0).max(100)),
  /** seeds whose licence territory covers this one (or worldwide) */
  territory: loose(z.string().refine(isTerritoryCode)),
  sublicensing: loose(z.literal('yes')),
  option: loose(z.literal('yes')),
  prefecture: loose(z.string().trim().min(1).max(LIMITS.prefecture).transform(canonicalPrefecture)),
  cluster: loose(z.uuid()),
  orgKind: loose(z.enum(organisationKinds)),
  posted: loose(z.enum(postedWithin)),
  sort: loose(z.enum(sorts)),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type SearchParams = z.infer<typeof searchParamsSchema>;
