import type { Permission, Role } from '@/lib/auth/policy';

/**
 * Who may call every server action and open every protected page. The test beside this file
 * finds each action and page in app/ and fails when one is missing here, or when the policy
 * answers differently from this table.
 *
 * Subjects: anonymous visitors, a signed-in member of an unverified organisation, and a
 * verified member of each role. Resource-level checks (own organisation, own cluster) are
 * tested per feature in tests/integration.
 */
export type Subject = 'anonymous' | 'unverified' | Role;
export const subjects: Subject[] = ['anonymous', 'unverified', 'sme', 'researcher', 'trading', 'lender', 'coordinator', 'admin'];

const signedIn: Subject[] = ['unverified', 'sme', 'researcher', 'trading', 'lender', 'coordinator', 'admin'];
const members: Subject[] = ['sme', 'researcher', 'trading', 'lender', 'coordinator', 'admin'];
const everyone: Subject[] = subjects;

type Entry = { permission: Permission | 'public'; allowed: Subject[] };

/** Server actions, keyed `<file under app/>#<export>`. */
export const actionMatrix: Record<string, Entry> = {
  'session-actions.ts#switchLocaleAction': { permission: 'public', allowed: everyone },
  'session-actions.ts#signOutAction': { permission: 'public', allowed: everyone },
  '(public)/sign-in/actions.ts#signInAction': { permission: 'public', allowed: everyone },
  '(public)/sign-up/actions.ts#signUpAction': { permission: 'public', allowed: everyone },
  '(app)/account/actions.ts#updateProfileAction': { permission: 'account.update', allowed: signedIn },
  '(app)/account/actions.ts#changePasswordAction': { permission: 'account.changePassword', allowed: signedIn },
  '(app)/account/actions.ts#signOutEverywhereAction': { permission: 'account.signOutEverywhere', allowed: signedIn },
};

/** Protected pages, keyed by their file under app/. */
export const pageMatrix: Record<string, Entry> = {
  '(app)/account/page.tsx': { permission: 'account.view', allowed: signedIn },
  '(app)/home/page.tsx': { permission: 'member.browse', allowed: members },
  '(app)/coordinator/page.tsx': { permission: 'coordinator.home', allowed: ['coordinator'] },
};

