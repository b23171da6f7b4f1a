import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { auth } from './config';
import type { Viewer } from './policy';
import { setRequestUser } from '@/lib/log/logger';
import { loadViewer } from './viewer';

/** Auth.js's session cookie (JWT), `__Secure-` over https, `.0`, `.1`… when split into chunks. */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * The signed-in viewer, re-read from the database on every request: a JWT cannot be
 * revoked by itself, so a disabled user, a bumped session version (sign out everywhere,
 * role change) or a deleted account ends the session at the next request. A request without
 * a session cookie is a signed-out visitor: Auth.js is not asked (it would mint and hash a
 * CSRF token on every public page view for nothing).
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  if (!(await cookies()).getAll().some((c) => SESSION_COOKIE.test(c.name))) return null;
  const session = await auth();
  const userId = session?.user?.id;
  const sessionVersion = session?.sessionVersion;
  if (!userId || typeof sessionVersion !== 'number') return null;
  const viewer = await loadViewer(userId, sessionVersion);
  if (viewer) setRequestUser(viewer.userId);
  return viewer;
});
