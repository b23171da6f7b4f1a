'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { authedAction } from '@/lib/actions/safe-action';
import { recordOutcome } from './outcomes';
import { saveClusterPlan } from './plans';
import { clusterPlanSchema, outcomeSchema } from './validation';

export const recordOutcomeAction = authedAction(
  'introductions.view',
  outcomeSchema,
  async (viewer, { matchId, sourceSeedId, incubationManagerId, ...input }, { ip }) => {
    const result = await recordOutcome(
      await getDb(),
      viewer,
      matchId,
      { ...input, sourceSeedId: sourceSeedId || null, incubationManagerId: incubationManagerId || null },
      ip,
    );
    revalidatePath(`/introductions/${matchId}`);
    return result;
  },
);

export const saveClusterPlanAction = authedAction(
  'programme.plans',
  clusterPlanSchema,
  async (viewer, input, { ip }) => {
    const result = await saveClusterPlan(await getDb(), viewer, input, ip);
    revalidatePath(`/programme/plans/${input.clusterId}`);
    revalidatePath('/programme');
    return result;
  },
);
