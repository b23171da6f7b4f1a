'use server';

import { authedAction } from '@/lib/actions/safe-action';
import { z } from '@/lib/validation/messages';
import { markHomeSeen } from './news';

/** The viewer has seen their home: what is new is counted from now on. */
export const markHomeSeenAction = authedAction('member.browse', z.object({}).strict(), async (viewer) => {
  await markHomeSeen(viewer);
  return null;
});
