import 'server-only';
import { cache } from 'react';
import { auth } from './config';
import type { Viewer } from './policy';
import { loadViewer } from './viewer';

/**
 * The signed-in viewer, re-read from the database on every request: a JWT cannot be
 * revoked by itself, so a disabled user, a bumped session version (sign out everywhere,
 * role change) or a deleted account ends the session at the next request.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  const sessionVersion = session?.sessionVersion;
  if (!userId || typeof sessionVersion !== 'number') return null;
  return loadViewer(userId, sessionVersion);
});
