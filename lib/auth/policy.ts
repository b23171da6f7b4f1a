import type { OrganisationKind, Role } from '@/db/vocabulary/accounts';

/** Who is asking: resolved from the session and re-checked against the database per request. */
export type Viewer = {
  userId: string;
  role: Role;
  organisationId: string;
  organisationKind: OrganisationKind;
  /** Unverified organisations' members may only see their own profile. */
  verified: boolean;
  /** Clusters this user coordinates (empty unless role is coordinator). */
  coordinatorClusterIds: string[];
  locale: 'ja' | 'en';
  /** IANA zone the viewer reads dates and times in. */
  timeZone: string;
};

type Rule = (viewer: Viewer) => boolean;

const signedIn: Rule = () => true;
const member: Rule = (v) => v.verified || v.role === 'admin';
const roleIn =
  (...allowed: Role[]): Rule =>
  (v) =>
    member(v) && allowed.includes(v.role);

/**
 * Every "may this viewer do this" in one table, deny by default. Resource-level checks
 * (owner, organisation, cluster) happen in the SQL `where` of lib/<feature>/data.ts.
 */
export const rules = {
  // own account: allowed even before the organisation is verified
  'account.view': signedIn,
  'account.update': signedIn,
  'account.changePassword': signedIn,
  'account.signOutEverywhere': signedIn,
  // people's rights over their data (APPI): download everything held about them, delete the account
  'account.exportData': signedIn,
  'account.delete': signedIn,
  // the member area
  'member.browse': member,
  // needs and seeds (issue 3): browse for every verified member; owners post; coordinators review
  // and may draft on behalf of an organisation of their cluster
  'listings.browse': member,
  'needs.create': roleIn('sme', 'coordinator'),
  'seeds.create': roleIn('researcher', 'coordinator'),
  'listings.moderate': roleIn('coordinator'),
  // integrations (issue 3): bulk import, CSV export, personal API tokens, saved searches
  'listings.import': roleIn('sme', 'researcher'),
  'listings.export': member,
  'api.access': member,
  'apiTokens.manage': member,
  'savedSearches.manage': member,
  // matching (issue 4): "find partners" for listings the viewer may read; hints only for their owners (in data)
  'matching.view': member,
  // brokered introductions (issue 5): parties answer and talk; coordinators review; members ask
  'introductions.view': member,
  'introductions.interest': roleIn('sme', 'researcher', 'trading', 'lender'),
  'introductions.coordinate': roleIn('coordinator'),
  'notifications.view': member,
  // funding proposals (issue 13): SMEs propose to lenders they choose; lenders review; the university
  // partner of an introduction consents; the cluster's coordinators follow (who sees which: lib/funding/access.ts)
  'funding.view': roleIn('sme', 'researcher', 'lender', 'coordinator'),
  'funding.propose': roleIn('sme'),
  'funding.review': roleIn('lender'),
  'funding.consent': roleIn('researcher'),
  // programme office
  'admin.organisations': roleIn('admin'),
  'admin.users': roleIn('admin'),
  'admin.clusters': roleIn('admin'),
  'admin.coordinators': roleIn('admin'),
  'admin.audit': roleIn('admin'),
  'mail.outbox': roleIn('admin'), // mail waiting or sent
  // the programme dashboard (issue 14): one page, its figures scoped to the viewer's clusters (admin: all)
  'programme.dashboard': roleIn('coordinator', 'admin'),
  // cluster plans (issue 14 item 1): the office any cluster's, a coordinator their clusters' (in data)
  'programme.plans': roleIn('coordinator', 'admin'),
  // the participant survey (issue 14 item 6): the office any cluster's rounds, a coordinator their clusters'
  // (in data); members of a cluster's participating organisations answer for their organisation (in data)
  'programme.surveys': roleIn('coordinator', 'admin'),
  'programme.surveyAnswer': roleIn('sme', 'researcher', 'trading', 'lender'),
} satisfies Record<string, Rule>;

export type Permission = keyof typeof rules;

export function can(viewer: Viewer | null | undefined, permission: Permission): boolean {
  if (!viewer) return false;
  const rule: Rule | undefined = rules[permission];
  return rule ? rule(viewer) : false;
}

/** Default role for a new member of an organisation of this kind (admins may change it). */
export function roleForOrganisationKind(kind: OrganisationKind): Role {
  switch (kind) {
    case 'sme':
      return 'sme';
    case 'university':
    case 'research_institute':
    case 'tlo':
      return 'researcher';
    case 'trading_firm':
      return 'trading';
    case 'financial_institution':
      return 'lender';
    case 'support_org':
      return 'coordinator';
  }
}
