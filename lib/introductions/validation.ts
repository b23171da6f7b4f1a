import { z } from '@/lib/validation/messages';
import {
  checkInAnswers,
  declineReasons,
  ndaStatuses,
  ndaTypes,
  salesChannelKinds,
} from '@/db/vocabulary/introductions';
import { isTerritoryCode } from '@/lib/listings/territories';

const id = z.uuid();
const version = z.coerce.number().int().min(1);

export const approveMatchSchema = z.object({
  matchId: id,
  version,
  note: z.string().trim().max(2000).optional().default(''),
});
export const rejectMatchSchema = z.object({
  matchId: id,
  version,
  note: z.string().trim().min(1, { error: 'introductions.errors.note_required' }).max(2000),
});
export const bulkDecisionSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(2000).optional().default(''),
  items: z
    .array(z.object({ matchId: id, version }))
    .min(1)
    .max(100),
});
export const respondSchema = z.object({ matchId: id });
export const declineSchema = z
  .object({ matchId: id, reason: z.enum(declineReasons), text: z.string().trim().max(1000).optional().default('') })
  .refine((v) => v.reason !== 'other' || v.text.length > 0, {
    path: ['text'],
    error: 'introductions.errors.reason_text_required',
  });

export const proposeMatchSchema = z.object({
  needId: id,
  seedId: id,
  note: z.string().trim().max(2000).optional().default(''),
});

export const territorySchema = z.string().refine(isTerritoryCode, { error: 'validation.format' });

export const interestSchema = z.object({
  listingKind: z.enum(['need', 'seed']),
  listingId: id,
  /** The asker's own listing of the other kind that found this one (a need for a seed, a seed for a need). */
  viaListingId: id.or(z.literal('')).optional().default(''),
  offer: z.string().trim().min(1).max(1000),
  want: z.string().trim().min(1).max(1000),
  timing: z.string().trim().min(1).max(200),
  /** Show our organisation's name to the listing's owner before both accept (else only kind, region, size). */
  showOrganisation: z.boolean().optional().default(false),
  // a trading firm's sales channel (required for trading firms by expressInterest)
  channelProduct: z.string().trim().max(300).optional().default(''),
  channelTerritories: z.array(territorySchema).max(80).optional().default([]),
  channelKinds: z.array(z.enum(salesChannelKinds)).max(salesChannelKinds.length).optional().default([]),
  channelVolumes: z.string().trim().max(300).optional().default(''),
  channelTerms: z.string().trim().max(1000).optional().default(''),
});

export const messageSchema = z.object({ matchId: id, body: z.string().trim().min(1).max(5000) });

const dateTime = z
  .string()
  .trim()
  .min(1)
  .refine((v) => !Number.isNaN(Date.parse(v)), { error: 'validation.format' });
export const meetingSchema = z.object({
  matchId: id,
  slots: z
    .array(z.string())
    .transform((a) => a.filter((s) => s.trim()))
    .pipe(z.array(dateTime).min(1).max(5)),
  location: z.string().trim().max(300).optional().default(''),
});
export const pickSlotSchema = z.object({ matchId: id, proposalId: id, slot: dateTime });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.format' });
/** Record a new NDA (no ndaId) or update one (ndaId + the version the form was loaded with). */
export const ndaSchema = z
  .object({
    matchId: id,
    ndaId: id.or(z.literal('')).optional().default(''),
    version: z.coerce.number().int().min(0).optional().default(0),
    type: z.enum(ndaTypes),
    status: z.enum(ndaStatuses),
    signedOn: isoDate.or(z.literal('')).optional().default(''),
    expiresOn: isoDate.or(z.literal('')).optional().default(''),
  })
  .refine((v) => v.status !== 'signed' || v.signedOn !== '', {
    path: ['signedOn'],
    error: 'introductions.errors.nda_signed_on_required',
  })
  .refine((v) => !v.signedOn || !v.expiresOn || v.expiresOn > v.signedOn, {
    path: ['expiresOn'],
    error: 'introductions.errors.nda_expiry_before_signing',
  });
export type NdaFormInput = z.input<typeof ndaSchema>;

const checkInFields = {
  answer: z.enum(checkInAnswers),
  note: z.string().trim().max(1000).optional().default(''),
  /** The answer's version the party saw; 0 when there was none. */
  version: z.coerce.number().int().min(0),
};
export const checkInSchema = z.object({
  matchId: id,
  days: z.coerce.number().pipe(z.union([z.literal(30), z.literal(90)])),
  ...checkInFields,
});
/** A check-in mail's signed link (lib/introductions/check-in-link.ts) and the answer confirmed on its page. */
export const checkInLinkSchema = z.object({
  token: z.string().min(20).max(600),
  ...checkInFields,
});
