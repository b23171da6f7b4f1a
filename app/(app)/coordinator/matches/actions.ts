'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { authedAction } from '@/lib/actions/safe-action';
import { proposeManualMatch } from '@/lib/introductions/create';
import { transitionMatch } from '@/lib/introductions/transition';
import {
  approveMatchSchema,
  bulkDecisionSchema,
  proposeMatchSchema,
  rejectMatchSchema,
} from '@/lib/introductions/validation';
import { AppError } from '@/lib/errors';

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
    revalidatePath('/coordinator/matches');
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
    revalidatePath('/coordinator/matches');
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
    revalidatePath('/coordinator/matches');
    return { ok, failed };
  },
);

export const proposeMatchAction = authedAction(
  'introductions.coordinate',
  proposeMatchSchema,
  async (viewer, input, { ip }) => {
    const result = await proposeManualMatch(await getDb(), viewer, input, ip);
    revalidatePath('/coordinator/matches');
    return result;
  },
);
