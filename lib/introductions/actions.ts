'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { authedAction, publicAction } from '@/lib/actions/safe-action';
import { answerCheckIn, answerCheckInByLink } from './check-ins';
import { markThreadRead, pickMeetingSlot, postMessage, proposeMeeting, recordNda, updateNda } from './after';
import { expressInterest, proposeManualMatch } from './create';
import { transitionMatch } from './transition';
import {
  approveMatchSchema,
  bulkDecisionSchema,
  checkInLinkSchema,
  checkInSchema,
  declineSchema,
  interestSchema,
  meetingSchema,
  messageSchema,
  ndaSchema,
  pickSlotSchema,
  proposeMatchSchema,
  rejectMatchSchema,
  respondSchema,
} from './validation';
import { AppError } from '@/lib/errors';

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

// The coordinator's decisions on proposed matches (the queue of introductions to review).

export const approveMatchAction = authedAction(
  'introductions.coordinate',
  approveMatchSchema,
  async (viewer, { matchId, version, note }, { ip }) => {
    const result = await transitionMatch(
      await getDb(),
      viewer,
      matchId,
      { type: 'approve', note },
      { expectedVersion: version, ip },
    );
    revalidatePath('/introductions/queue');
    return { status: result.to };
  },
);

export const rejectMatchAction = authedAction(
  'introductions.coordinate',
  rejectMatchSchema,
  async (viewer, { matchId, version, note }, { ip }) => {
    const result = await transitionMatch(
      await getDb(),
      viewer,
      matchId,
      { type: 'reject', note },
      { expectedVersion: version, ip },
    );
    revalidatePath('/introductions/queue');
    return { status: result.to };
  },
);

/** Each item is its own transition: one stale item does not undo the others. */
export const bulkDecideMatchesAction = authedAction(
  'introductions.coordinate',
  bulkDecisionSchema,
  async (viewer, { decision, note, items }, { ip }) => {
    if (decision === 'reject' && !note)
      throw new AppError('invalid', 'errors.invalid', { note: ['introductions.errors.note_required'] });
    const db = await getDb();
    let ok = 0;
    let failed = 0;
    for (const item of items) {
      try {
        await transitionMatch(
          db,
          viewer,
          item.matchId,
          decision === 'approve' ? { type: 'approve', note } : { type: 'reject', note },
          { expectedVersion: item.version, ip },
        );
        ok++;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        failed++;
      }
    }
    revalidatePath('/introductions/queue');
    return { ok, failed };
  },
);

export const proposeMatchAction = authedAction(
  'introductions.coordinate',
  proposeMatchSchema,
  async (viewer, input, { ip }) => {
    const result = await proposeManualMatch(await getDb(), viewer, input, ip);
    revalidatePath('/introductions/queue');
    return result;
  },
);

export const answerCheckInAction = authedAction('introductions.view', checkInSchema, async (viewer, input, { ip }) => {
  const result = await answerCheckIn(await getDb(), viewer, input, ip);
  refresh(input.matchId);
  revalidatePath('/notifications');
  return result;
});

/** The confirmation of a check-in mail's link: the signed token authorises the answer of the mail's recipient. */
export const confirmCheckInLinkAction = publicAction(checkInLinkSchema, async (input, { ip }) =>
  answerCheckInByLink(await getDb(), input, ip),
);
