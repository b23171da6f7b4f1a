import { z } from '@/lib/validation/messages';
import { ipStatuses } from '@/db/vocabulary/listings';
import {
  fundingDeclineReasons,
  fundingPurposes,
  patentRights,
  repaymentMethods,
  valuationMethods,
} from '@/db/vocabulary/funding';

/** Limits shown next to the fields in the forms (one place, so form and server agree). */
export const FUNDING_LIMITS = {
  title: 200,
  purposeDetails: 2000,
  /** ¥100 billion: beyond any loan an SME programme brokers; anything larger is a typo. */
  amountJpy: 100_000_000_000,
  termMonths: 360,
  gracePeriodMonths: 120,
  repaymentPlan: 5000,
  businessPlan: 10_000,
  projectedYears: 10,
  revenueJpy: 1_000_000_000_000,
  patents: 20,
  patentNumber: 60,
  patentTitle: 300,
  jurisdiction: 10,
  lenders: 10,
  question: 2000,
  answer: 5000,
  conditions: 2000,
  collateral: 1000,
  declineText: 1000,
  consentNote: 1000,
  evaluationNotes: 5000,
  /** Interest rates in Japan are capped at 15–20 % a year (Interest Rate Restriction Act). */
  interestRatePercent: 20,
} as const;

const id = z.uuid();
const version = z.coerce.number().int().min(1);
const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => text(max).optional().default('');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.format' });
const optionalDate = isoDate.or(z.literal('')).optional().default('');

/** '' → undefined; "¥50,000,000", "５０００万" are not guessed at, but separators, yen signs and full-width digits are read. */
function numberInput(v: unknown): unknown {
  if (v === '' || v === null || v === undefined) return undefined;
  if (typeof v !== 'string') return v;
  const ascii = v
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，¥￥円]/g, '');
  if (ascii === '') return undefined;
  return /^[+-]?\d+(\.\d+)?$/.test(ascii) ? Number(ascii) : Number.NaN;
}
const optionalInt = (min: number, max: number, error?: string) =>
  z.preprocess(
    numberInput,
    z.number({ error: 'validation.type' }).int().min(min, { error }).max(max, { error }).optional(),
  );
const requiredInt = (min: number, max: number, error?: string) =>
  z.preprocess(numberInput, z.number({ error: 'validation.required' }).int().min(min, { error }).max(max, { error }));
const requiredDecimal = (min: number, max: number, error?: string) =>
  z.preprocess(numberInput, z.number({ error: 'validation.required' }).min(min, { error }).max(max, { error }));
const optionalDecimal = (min: number, max: number, error?: string) =>
  z.preprocess(numberInput, z.number({ error: 'validation.type' }).min(min, { error }).max(max, { error }).optional());

const AMOUNT_ERROR = 'funding.errors.amount_range';
const amount = optionalInt(1, FUNDING_LIMITS.amountJpy, AMOUNT_ERROR);

const projectedYear = z
  .object({
    year: requiredInt(2000, 2100),
    revenueJpy: requiredInt(0, FUNDING_LIMITS.revenueJpy),
    profitJpy: optionalInt(-FUNDING_LIMITS.revenueJpy, FUNDING_LIMITS.revenueJpy),
  })
  .strict();

const seedPatent = z.object({ source: z.literal('seed'), ipRecordId: id, right: z.enum(patentRights) }).strict();
const ownPatent = z
  .object({
    source: z.literal('own'),
    number: optionalText(FUNDING_LIMITS.patentNumber),
    title: requiredText(FUNDING_LIMITS.patentTitle),
    jurisdiction: requiredText(FUNDING_LIMITS.jurisdiction),
    status: z.enum(ipStatuses),
    filedOn: optionalDate,
    grantedOn: optionalDate,
    expiresOn: optionalDate,
    right: z.enum(patentRights),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.filedOn && v.grantedOn && v.grantedOn < v.filedOn)
      ctx.addIssue({ code: 'custom', path: ['grantedOn'], message: 'funding.errors.grant_before_filing' });
    if (v.filedOn && v.expiresOn && v.expiresOn <= v.filedOn)
      ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'funding.errors.expiry_before_filing' });
    if (v.status === 'granted' && !v.number)
      ctx.addIssue({ code: 'custom', path: ['number'], message: 'funding.errors.number_required' });
  });
export const patentInputSchema = z.discriminatedUnion('source', [seedPatent, ownPatent]);
export type PatentInput = z.infer<typeof patentInputSchema>;

/** A new draft: its working title and, optionally, the introduction it comes from. */
export const createProposalSchema = z
  .object({
    title: requiredText(FUNDING_LIMITS.title),
    matchId: id.or(z.literal('')).optional().default(''),
    /** The form's one-time key (components/forms/request-key.ts): the same key twice is one draft. */
    requestKey: id.optional(),
  })
  .strict();
export type CreateProposalInput = z.input<typeof createProposalSchema>;

/** A draft's content (autosaved): everything may still be missing except the title; submission checks completeness. */
export const saveProposalSchema = z
  .object({
    id,
    version,
    title: requiredText(FUNDING_LIMITS.title),
    purpose: z.enum(fundingPurposes).or(z.literal('')).optional().default(''),
    purposeDetails: optionalText(FUNDING_LIMITS.purposeDetails),
    amountJpy: amount,
    termMonths: optionalInt(1, FUNDING_LIMITS.termMonths),
    repaymentMethod: z.enum(repaymentMethods).or(z.literal('')).optional().default(''),
    gracePeriodMonths: optionalInt(0, FUNDING_LIMITS.gracePeriodMonths),
    repaymentPlan: optionalText(FUNDING_LIMITS.repaymentPlan),
    businessPlan: optionalText(FUNDING_LIMITS.businessPlan),
    projectedRevenue: z.array(projectedYear).max(FUNDING_LIMITS.projectedYears).default([]),
    patents: z.array(patentInputSchema).max(FUNDING_LIMITS.patents).default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    const years = v.projectedRevenue.map((r) => r.year);
    years.forEach((y, i) => {
      if (years.indexOf(y) !== i)
        ctx.addIssue({ code: 'custom', path: ['projectedRevenue', i, 'year'], message: 'funding.errors.year_twice' });
    });
    if (v.gracePeriodMonths !== undefined && v.termMonths !== undefined && v.gracePeriodMonths >= v.termMonths)
      ctx.addIssue({ code: 'custom', path: ['gracePeriodMonths'], message: 'funding.errors.grace_within_term' });
    const refs = v.patents.flatMap((p) => (p.source === 'seed' ? [p.ipRecordId] : []));
    refs.forEach((r, i) => {
      if (refs.indexOf(r) !== i)
        ctx.addIssue({ code: 'custom', path: ['patents'], message: 'funding.errors.patent_twice' });
    });
  });
export type SaveProposalInput = z.infer<typeof saveProposalSchema>;
/** What the proposal form holds (numbers as typed text); saveProposalSchema parses it. */
export type ProposalFormValues = z.input<typeof saveProposalSchema>;

export const proposalRefSchema = z.object({ proposalId: id }).strict();

/** Share a complete draft (or an already shared proposal) with more lenders. */
export const shareProposalSchema = z
  .object({
    proposalId: id,
    version,
    lenderOrganisationIds: z
      .array(id)
      .min(1, { error: 'funding.errors.choose_lender' })
      .max(FUNDING_LIMITS.lenders)
      .refine((ids) => new Set(ids).size === ids.length, { error: 'funding.errors.lender_twice' }),
  })
  .strict();

export const consentSchema = z
  .object({
    proposalId: id,
    version,
    decision: z.enum(['given', 'refused']),
    note: optionalText(FUNDING_LIMITS.consentNote),
  })
  .strict();

// ---- a lender's review (one share) ----

const shareRef = { shareId: id, version };
export const shareRefSchema = z.object(shareRef).strict();

export const requestInfoSchema = z.object({ ...shareRef, question: requiredText(FUNDING_LIMITS.question) }).strict();
export const resubmitSchema = z.object({ ...shareRef, answer: requiredText(FUNDING_LIMITS.answer) }).strict();
export const approveSchema = z
  .object({
    ...shareRef,
    amountJpy: requiredInt(1, FUNDING_LIMITS.amountJpy, AMOUNT_ERROR),
    interestRatePercent: requiredDecimal(0, FUNDING_LIMITS.interestRatePercent, 'funding.errors.rate_range'),
    termMonths: requiredInt(1, FUNDING_LIMITS.termMonths),
    conditions: optionalText(FUNDING_LIMITS.conditions),
    collateral: optionalText(FUNDING_LIMITS.collateral),
  })
  .strict();
export type ApproveFormValues = z.input<typeof approveSchema>;
export const declineSchema = z
  .object({
    ...shareRef,
    reason: z.enum(fundingDeclineReasons),
    text: optionalText(FUNDING_LIMITS.declineText),
  })
  .strict()
  .refine((v) => v.reason !== 'other' || v.text.length > 0, {
    path: ['text'],
    error: 'funding.errors.reason_text_required',
  });

/** The lender's own inputs on the IP evaluation sheet. `version` 0 = none saved yet. */
export const evaluationSchema = z
  .object({
    shareId: id,
    version: z.coerce.number().int().min(0),
    advanceRatePercent: optionalDecimal(0, 100, 'funding.errors.percent_range'),
    notes: optionalText(FUNDING_LIMITS.evaluationNotes),
    valuations: z
      .array(
        z
          .object({
            patentId: id,
            method: z.enum(valuationMethods).or(z.literal('')).optional().default(''),
            valueJpy: optionalInt(0, FUNDING_LIMITS.revenueJpy),
          })
          .strict(),
      )
      .max(FUNDING_LIMITS.patents),
  })
  .strict();
export type EvaluationFormValues = z.input<typeof evaluationSchema>;
