import { can, type Permission, type Viewer } from '@/lib/auth/policy';

type NavItem = { href: string; labelKey: string; permission: Permission; roles?: Viewer['role'][] };

// One list for the header; each item shows only when the policy allows it.
const items: NavItem[] = [
  { href: '/home', labelKey: 'home', permission: 'member.browse', roles: ['sme', 'researcher', 'trading', 'lender'] },
  {
    href: '/needs',
    labelKey: 'needs',
    permission: 'listings.browse',
    roles: ['sme', 'researcher', 'trading', 'lender', 'coordinator'],
  },
  {
    href: '/seeds',
    labelKey: 'seeds',
    permission: 'listings.browse',
    roles: ['sme', 'researcher', 'trading', 'lender', 'coordinator'],
  },
  { href: '/needs/mine', labelKey: 'myNeeds', permission: 'needs.create', roles: ['sme'] },
  { href: '/seeds/mine', labelKey: 'mySeeds', permission: 'seeds.create', roles: ['researcher'] },
  { href: '/coordinator', labelKey: 'coordinator', permission: 'coordinator.home' },
  { href: '/coordinator/reviews', labelKey: 'reviews', permission: 'listings.moderate' },
  { href: '/coordinator/matches', labelKey: 'matches', permission: 'introductions.coordinate' },
  {
    href: '/introductions',
    labelKey: 'introductions',
    permission: 'introductions.view',
    roles: ['sme', 'researcher', 'trading', 'lender', 'coordinator'],
  },
  { href: '/admin', labelKey: 'admin', permission: 'admin.organisations' },
  { href: '/account', labelKey: 'account', permission: 'account.view' },
];

export function navItemsFor(viewer: Viewer | null) {
  if (!viewer) return [];
  return items.filter((item) => can(viewer, item.permission) && (!item.roles || item.roles.includes(viewer.role)));
}
