import { can, type Permission, type Viewer } from '@/lib/auth/policy';

type NavItem = { href: string; labelKey: string; permission: Permission; roles?: Viewer['role'][] };

// One list for the header; each item shows only when the policy allows it.
const items: NavItem[] = [
  { href: '/home', labelKey: 'home', permission: 'member.browse' },
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
  { href: '/listings/review', labelKey: 'reviews', permission: 'listings.moderate' },
  { href: '/introductions/queue', labelKey: 'matches', permission: 'introductions.coordinate' },
  {
    href: '/introductions',
    labelKey: 'introductions',
    permission: 'introductions.view',
    roles: ['sme', 'researcher', 'trading', 'lender', 'coordinator'],
  },
  { href: '/funding', labelKey: 'funding', permission: 'funding.view' },
  { href: '/programme', labelKey: 'programme', permission: 'programme.dashboard' },
  { href: '/programme/surveys/open', labelKey: 'surveys', permission: 'programme.surveyAnswer' },
  { href: '/organisations', labelKey: 'organisations', permission: 'admin.organisations' },
  { href: '/users', labelKey: 'users', permission: 'admin.users' },
  { href: '/clusters', labelKey: 'clusters', permission: 'admin.clusters' },
  { href: '/audit', labelKey: 'audit', permission: 'admin.audit' },
  { href: '/mail/outbox', labelKey: 'outbox', permission: 'mail.outbox' },
  { href: '/account', labelKey: 'account', permission: 'account.view' },
];

export function navItemsFor(viewer: Viewer | null) {
  if (!viewer) return [];
  return items.filter((item) => can(viewer, item.permission) && (!item.roles || item.roles.includes(viewer.role)));
}
