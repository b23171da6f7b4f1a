import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { can, type Permission, type Viewer } from './policy';
import { getViewer } from './session';

/**
 * For pages: the viewer if the policy allows, otherwise sign-in (anonymous), the account
 * page (organisation not yet verified) or a 404 that reveals nothing.
 */
export async function requirePermission(permission: Permission): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect('/sign-in');
  if (can(viewer, permission)) return viewer;
  if (!viewer.verified) redirect('/account');
  notFound();
}
