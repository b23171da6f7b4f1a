import { z } from '@/lib/validation/messages';
import {
  countedInnovations,
  type SurveyArea,
  type SurveyInnovation,
  surveyAreas,
  surveyInnovations,
  surveyScale,
} from '@/db/vocabulary/programme';

// The participant survey (issue 14 item 6): opening and closing a round, and an organisation's answer.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.format' });

/** A survey round as the office opens it: which cluster, a title, and the days it is open (both included). */
export const openRoundSchema = z
  .object({
    clusterId: z.uuid({ error: 'validation.choice' }),
    title: z.string().trim().min(1).max(200),
    opensOn: isoDate,
    closesOn: isoDate,
  })
  .strict()
  .refine((v) => v.opensOn <= v.closesOn, { path: ['closesOn'], error: 'survey.errors.closesBeforeOpens' });
export type OpenRoundInput = z.infer<typeof openRoundSchema>;

export const closeRoundSchema = z.object({ roundId: z.uuid() }).strict();

/** A rating as the form's select sends it: '1' (none) … '5' (very much); '' is not yet chosen. */
const rating = z.enum(surveyScale);
const effectSchema = z.object({ before: rating, after: rating });

/** How many (ventures, partnerships): '' when none is given; whole numbers up to 999; ignored when answered no. */
const count = z
  .string()
  .trim()
  .regex(/^\d{0,3}$/, { error: 'survey.errors.count' });
const counted: readonly SurveyInnovation[] = countedInnovations;
/** Yes or no; for a counted effect answered yes, how many (at least one). */
const innovationSchema = (item: SurveyInnovation) =>
  counted.includes(item)
    ? z
        .object({ yes: z.boolean(), count })
        .refine((v) => !v.yes || Number(v.count) >= 1, { path: ['count'], error: 'survey.errors.countRequired' })
    : z.object({ yes: z.boolean(), count: z.literal('', { error: 'validation.invalid' }) });

/**
 * An organisation's answer to a round. baseVersion: the version of the answer the form was opened on
 * (0 when there was none); a save on an older one is refused as a conflict, never written over.
 */
export const surveyAnswerSchema = z
  .object({
    roundId: z.uuid(),
    baseVersion: z.number().int().min(0),
    effects: z.object(
      Object.fromEntries(surveyAreas.map((a) => [a, effectSchema])) as Record<SurveyArea, typeof effectSchema>,
    ),
    innovation: z.object(
      Object.fromEntries(surveyInnovations.map((i) => [i, innovationSchema(i)])) as Record<
        SurveyInnovation,
        ReturnType<typeof innovationSchema>
      >,
    ),
  })
  .strict();
export type SurveyAnswerInput = z.infer<typeof surveyAnswerSchema>;
