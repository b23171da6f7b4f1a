'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { authedAction } from '@/lib/actions/safe-action';
import { saveAnswer } from './answers';
import { announceSoon } from './jobs';
import { closeRound, openRound } from './office';
import { closeRoundSchema, openRoundSchema, surveyAnswerSchema } from './validation';

export const openSurveyRoundAction = authedAction(
  'programme.surveys',
  openRoundSchema,
  async (viewer, input, { ip }) => {
    const round = await openRound(await getDb(), viewer, input, ip);
    await announceSoon();
    revalidatePath('/programme/surveys');
    return round;
  },
);

export const closeSurveyRoundAction = authedAction(
  'programme.surveys',
  closeRoundSchema,
  async (viewer, { roundId }, { ip }) => {
    await closeRound(await getDb(), viewer, roundId, ip);
    revalidatePath(`/programme/surveys/${roundId}`);
    revalidatePath('/programme/surveys');
  },
);

export const saveSurveyAnswerAction = authedAction(
  'programme.surveyAnswer',
  surveyAnswerSchema,
  async (viewer, input, { ip }) => {
    const saved = await saveAnswer(await getDb(), viewer, input, ip);
    revalidatePath(`/programme/surveys/${input.roundId}/answer`);
    return saved;
  },
);
