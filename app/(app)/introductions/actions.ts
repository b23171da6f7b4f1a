'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { authedAction } from '@/lib/actions/safe-action';
import {
  markThreadRead,
  pickMeetingSlot,
  postMessage,
  proposeMeeting,
  recordNda,
  recordOutcome,
  updateNda,
} from '@/lib/introductions/after';
import { expressInterest } from '@/lib/introductions/create';
import { transitionMatch } from '@/lib/introductions/transition';
import {
  closeSchema,
  declineSchema,
  interestSchema,
  meetingSchema,
  messageSchema,
  ndaSchema,
  outcomeSchema,
  pickSlotSchema,
  respondSchema,
} from '@/lib/introductions/validation';

const refresh = (matchId: string) => revalidatePath(`/introductions/${matchId}`);

export const acceptIntroductionAction = authedAction(
  'introductions.view',
  respondSchema,
  async (viewer, { matchId }, { ip }) => {
    const result = await transitionMatch(await getDb(), viewer, matchId, { type: 'accept' }, { ip });
    refresh(matchId);
    return { status: result.to };
  },
);

export const declineIntroductionAction = authedAction(
  'introductions.view',
  declineSchema,
  async (viewer, { matchId, reason, text }, { ip }) => {
    const result = await transitionMatch(await getDb(), viewer, matchId, { type: 'decline', reason, text }, { ip });
    refresh(matchId);
    return { status: result.to };
  },
);

export const withdrawInterestAction = authedAction(
  'introductions.view',
  respondSchema,
  async (viewer, { matchId }, { ip }) => {
    const result = await transitionMatch(await getDb(), viewer, matchId, { type: 'withdraw' }, { ip });
    refresh(matchId);
    return { status: result.to };
  },
);

export const closeIntroductionAction = authedAction(
  'introductions.view',
  closeSchema,
  async (viewer, { matchId, outcome }, { ip }) => {
    const result = await transitionMatch(await getDb(), viewer, matchId, { type: 'close', outcome }, { ip });
    refresh(matchId);
    return { status: result.to };
  },
);

export const expressInterestAction = authedAction(
  'introductions.interest',
  interestSchema,
  async (viewer, input, { ip }) => {
    const result = await expressInterest(await getDb(), viewer, input, ip);
    revalidatePath('/introductions');
    return result;
  },
);

export const sendMessageAction = authedAction(
  'introductions.view',
  messageSchema,
  async (viewer, { matchId, body }) => {
    const result = await postMessage(await getDb(), viewer, matchId, body);
    refresh(matchId);
    return result;
  },
);

export const markThreadReadAction = authedAction('introductions.view', respondSchema, async (viewer, { matchId }) => {
  await markThreadRead(await getDb(), viewer, matchId);
  return null;
});

export const proposeMeetingAction = authedAction(
  'introductions.view',
  meetingSchema,
  async (viewer, { matchId, slots, location }) => {
    const result = await proposeMeeting(await getDb(), viewer, matchId, {
      slots: slots.map((s) => new Date(s)),
      location,
    });
    refresh(matchId);
    return result;
  },
);

export const pickMeetingSlotAction = authedAction(
  'introductions.view',
  pickSlotSchema,
  async (viewer, { matchId, proposalId, slot }) => {
    await pickMeetingSlot(await getDb(), viewer, matchId, proposalId, new Date(slot));
    refresh(matchId);
    return null;
  },
);

export const saveNdaAction = authedAction(
  'introductions.view',
  ndaSchema,
  async (viewer, { matchId, ndaId, version, ...input }, { ip }) => {
    const db = await getDb();
    const result = ndaId
      ? await updateNda(db, viewer, matchId, ndaId, { ...input, version }, ip)
      : await recordNda(db, viewer, matchId, input, ip);
    refresh(matchId);
    return result;
  },
);

export const recordOutcomeAction = authedAction(
  'introductions.view',
  outcomeSchema,
  async (viewer, { matchId, close, ...input }, { ip }) => {
    const db = await getDb();
    const result = await recordOutcome(db, viewer, matchId, input, ip);
    if (close) await transitionMatch(db, viewer, matchId, { type: 'close', outcome: input.kind }, { ip });
    refresh(matchId);
    return result;
  },
);
