import { can, type Permission, type Viewer } from '@/lib/auth/policy';

type NavItem = { href: string; labelKey: string; permission: Permission; roles?: Viewer['role'][] };

// One list for the header; each item shows only when the policy allows it.
const items: NavItem[] = [
  { href: '/home', labelKey: 'home', permission: 'member.browse', roles: ['sme', 'researcher', 'trading', 'lender'] },
  { href: '/coordinator', labelKey: 'coordinator', permission: 'coordinator.home' },
  { href: '/admin', labelKey: 'admin', permission: 'admin.organisations' },
  { href: '/account', labelKey: 'account', permission: 'account.view' },
];

export function navItemsFor(viewer: Viewer | null) {
  if (!viewer) return [];
  return items.filter((item) => can(viewer, item.permission) && (!item.roles || item.roles.includes(viewer.role)));
}
