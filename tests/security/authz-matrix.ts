import type { Permission } from '@/lib/auth/policy';
import type { Role } from '@/db/vocabulary/accounts';

/**
 * Who may call every server action and open every protected page. The test beside this file
 * finds each action (they live in lib/<feature>/actions.ts, nowhere else) and each page under
 * app/(app), and fails when one is missing here, or when the policy answers differently from this table.
 *
 * Subjects: anonymous visitors, a signed-in member of an unverified organisation, and a
 * verified member of each role. Resource-level checks (own organisation, own cluster) are
 * tested per feature in tests/integration.
 */
export type Subject = 'anonymous' | 'unverified' | Role;
export const subjects: Subject[] = [
  'anonymous',
  'unverified',
  'sme',
  'researcher',
  'trading',
  'lender',
  'coordinator',
  'admin',
];

const signedIn: Subject[] = ['unverified', 'sme', 'researcher', 'trading', 'lender', 'coordinator', 'admin'];
const members: Subject[] = ['sme', 'researcher', 'trading', 'lender', 'coordinator', 'admin'];
const everyone: Subject[] = subjects;

type Entry = { permission: Permission | 'public'; allowed: Subject[] };

/**
 * Server actions, keyed `<file>#<export>` (every file is lib/<feature>/actions.ts); an action with a
 * permission per kind of subject (`authedAction({ need: …, seed: … }, …)`) has one entry per kind,
 * keyed `<file>#<export>[<kind>]`.
 */
export const actionMatrix: Record<string, Entry> = {
  'lib/accounts/actions.ts#switchLocaleAction': { permission: 'public', allowed: everyone },
  'lib/accounts/actions.ts#signOutAction': { permission: 'public', allowed: everyone },
  'lib/accounts/actions.ts#signInAction': { permission: 'public', allowed: everyone },
  'lib/accounts/actions.ts#signUpAction': { permission: 'public', allowed: everyone },
  'lib/accounts/actions.ts#confirmSignUpAction': { permission: 'public', allowed: everyone },
  'lib/accounts/actions.ts#updateProfileAction': { permission: 'account.update', allowed: signedIn },
  'lib/accounts/actions.ts#changePasswordAction': { permission: 'account.changePassword', allowed: signedIn },
  'lib/accounts/actions.ts#signOutEverywhereAction': { permission: 'account.signOutEverywhere', allowed: signedIn },
  'lib/privacy/actions.ts#deleteAccountAction': { permission: 'account.delete', allowed: signedIn },
  'lib/home/actions.ts#markHomeSeenAction': { permission: 'member.browse', allowed: members },
  // introductions (issue 5)
  'lib/introductions/actions.ts#acceptIntroductionAction': { permission: 'introductions.view', allowed: members },
  'lib/introductions/actions.ts#declineIntroductionAction': { permission: 'introductions.view', allowed: members },
  'lib/introductions/actions.ts#withdrawInterestAction': { permission: 'introductions.view', allowed: members },
  'lib/introductions/actions.ts#sendMessageAction': { permission: 'introductions.view', allowed: members },
  'lib/introductions/actions.ts#answerCheckInAction': { permission: 'introductions.view', allowed: members },
  // a check-in mail's link: its signed token authorises the recipient's answer (lib/introductions/check-in-link.ts)
  'lib/introductions/actions.ts#confirmCheckInLinkAction': { permission: 'public', allowed: everyone },
  'lib/introductions/actions.ts#markThreadReadAction': { permission: 'introductions.view', allowed: members },
  'lib/introductions/actions.ts#proposeMeetingAction': { permission: 'introductions.view', allowed: members },
  'lib/introductions/actions.ts#pickMeetingSlotAction': { permission: 'introductions.view', allowed: members },
  'lib/introductions/actions.ts#saveNdaAction': { permission: 'introductions.view', allowed: members },
  'lib/programme/actions.ts#recordOutcomeAction': { permission: 'introductions.view', allowed: members },
  'lib/programme/actions.ts#saveClusterPlanAction': {
    permission: 'programme.plans',
    allowed: ['coordinator', 'admin'],
  },
  // the participant survey (issue 14 item 6): rounds and answers scoped to cluster and organisation in data
  'lib/programme/survey/actions.ts#openSurveyRoundAction': {
    permission: 'programme.surveys',
    allowed: ['coordinator', 'admin'],
  },
  'lib/programme/survey/actions.ts#closeSurveyRoundAction': {
    permission: 'programme.surveys',
    allowed: ['coordinator', 'admin'],
  },
  'lib/programme/survey/actions.ts#saveSurveyAnswerAction': {
    permission: 'programme.surveyAnswer',
    allowed: ['sme', 'researcher', 'trading', 'lender'],
  },
  'lib/introductions/actions.ts#expressInterestAction': {
    permission: 'introductions.interest',
    allowed: ['sme', 'researcher', 'trading', 'lender'],
  },
  'lib/introductions/actions.ts#approveMatchAction': {
    permission: 'introductions.coordinate',
    allowed: ['coordinator'],
  },
  'lib/introductions/actions.ts#rejectMatchAction': {
    permission: 'introductions.coordinate',
    allowed: ['coordinator'],
  },
  'lib/introductions/actions.ts#bulkDecideMatchesAction': {
    permission: 'introductions.coordinate',
    allowed: ['coordinator'],
  },
  'lib/introductions/actions.ts#proposeMatchAction': {
    permission: 'introductions.coordinate',
    allowed: ['coordinator'],
  },
  // funding proposals (issue 13): the SME proposes, lenders review, the university partner consents
  'lib/funding/actions.ts#createProposalAction': { permission: 'funding.propose', allowed: ['sme'] },
  'lib/funding/actions.ts#saveProposalAction': { permission: 'funding.propose', allowed: ['sme'] },
  'lib/funding/actions.ts#shareProposalAction': { permission: 'funding.propose', allowed: ['sme'] },
  'lib/funding/actions.ts#requestConsentAction': { permission: 'funding.propose', allowed: ['sme'] },
  'lib/funding/actions.ts#withdrawShareAction': { permission: 'funding.propose', allowed: ['sme'] },
  'lib/funding/actions.ts#reshareAction': { permission: 'funding.propose', allowed: ['sme'] },
  'lib/funding/actions.ts#answerQuestionAction': { permission: 'funding.propose', allowed: ['sme'] },
  'lib/funding/actions.ts#startReviewAction': { permission: 'funding.review', allowed: ['lender'] },
  'lib/funding/actions.ts#requestInfoAction': { permission: 'funding.review', allowed: ['lender'] },
  'lib/funding/actions.ts#approveProposalAction': { permission: 'funding.review', allowed: ['lender'] },
  'lib/funding/actions.ts#declineProposalAction': { permission: 'funding.review', allowed: ['lender'] },
  'lib/funding/actions.ts#saveEvaluationAction': { permission: 'funding.review', allowed: ['lender'] },
  'lib/funding/actions.ts#answerConsentAction': { permission: 'funding.consent', allowed: ['researcher'] },
  'lib/notifications/actions.ts#markNotificationsReadAction': { permission: 'notifications.view', allowed: members },
  'lib/notifications/actions.ts#saveMailPreferencesAction': { permission: 'notifications.view', allowed: members },
  // needs and seeds (issue 3)
  'lib/listings/actions.ts#followListingAction': { permission: 'listings.browse', allowed: members },
  'lib/listings/actions.ts#unfollowListingAction': { permission: 'listings.browse', allowed: members },
  'lib/listings/actions.ts#saveNeedAction': { permission: 'needs.create', allowed: ['sme', 'coordinator'] },
  'lib/listings/actions.ts#saveSeedAction': { permission: 'seeds.create', allowed: ['researcher', 'coordinator'] },
  // one action for both kinds, a permission per kind: keyed `<file>#<export>[<kind>]`
  'lib/listings/actions.ts#transitionListingAction[need]': {
    permission: 'needs.create',
    allowed: ['sme', 'coordinator'],
  },
  'lib/listings/actions.ts#transitionListingAction[seed]': {
    permission: 'seeds.create',
    allowed: ['researcher', 'coordinator'],
  },
  'lib/listings/actions.ts#closeListingAction[need]': { permission: 'needs.create', allowed: ['sme', 'coordinator'] },
  'lib/listings/actions.ts#closeListingAction[seed]': {
    permission: 'seeds.create',
    allowed: ['researcher', 'coordinator'],
  },
  'lib/listings/actions.ts#renewListingAction[need]': { permission: 'needs.create', allowed: ['sme', 'coordinator'] },
  'lib/listings/actions.ts#renewListingAction[seed]': {
    permission: 'seeds.create',
    allowed: ['researcher', 'coordinator'],
  },
  'lib/listings/actions.ts#reviewListingAction': {
    permission: 'listings.moderate',
    allowed: ['coordinator'],
  },
  // API tokens and saved searches (issue 3, integrations)
  'lib/api/actions.ts#createApiTokenAction': { permission: 'apiTokens.manage', allowed: members },
  'lib/api/actions.ts#revokeApiTokenAction': { permission: 'apiTokens.manage', allowed: members },
  'lib/saved-searches/actions.ts#saveSearchAction': { permission: 'savedSearches.manage', allowed: members },
  'lib/saved-searches/actions.ts#updateSavedSearchAction': { permission: 'savedSearches.manage', allowed: members },
  'lib/saved-searches/actions.ts#deleteSavedSearchAction': { permission: 'savedSearches.manage', allowed: members },
  // programme office (issue 2, admin)
  'lib/organisations/actions.ts#verifyOrganisationAction': {
    permission: 'admin.organisations',
    allowed: ['admin'],
  },
  'lib/organisations/actions.ts#updateOrganisationAction': {
    permission: 'admin.organisations',
    allowed: ['admin'],
  },
  'lib/users/actions.ts#changeUserRoleAction': { permission: 'admin.users', allowed: ['admin'] },
  'lib/users/actions.ts#setUserDisabledAction': { permission: 'admin.users', allowed: ['admin'] },
  'lib/users/actions.ts#approveUserAction': { permission: 'admin.users', allowed: ['admin'] },
  'lib/clusters/actions.ts#createClusterAction': { permission: 'admin.clusters', allowed: ['admin'] },
  'lib/clusters/actions.ts#updateClusterAction': { permission: 'admin.clusters', allowed: ['admin'] },
  'lib/clusters/actions.ts#assignCoordinatorAction': { permission: 'admin.coordinators', allowed: ['admin'] },
  'lib/clusters/actions.ts#unassignCoordinatorAction': { permission: 'admin.coordinators', allowed: ['admin'] },
};

/** Protected pages, keyed by their file under app/. */
export const pageMatrix: Record<string, Entry> = {
  '(app)/account/page.tsx': { permission: 'account.view', allowed: signedIn },
  '(app)/home/page.tsx': { permission: 'member.browse', allowed: members },
  // the programme dashboard (issue 14)
  '(app)/programme/page.tsx': { permission: 'programme.dashboard', allowed: ['coordinator', 'admin'] },
  '(app)/programme/report/page.tsx': { permission: 'programme.dashboard', allowed: ['coordinator', 'admin'] },
  '(app)/programme/fairness/page.tsx': { permission: 'programme.dashboard', allowed: ['coordinator', 'admin'] },
  '(app)/programme/plans/[clusterId]/page.tsx': { permission: 'programme.plans', allowed: ['coordinator', 'admin'] },
  '(app)/programme/surveys/page.tsx': { permission: 'programme.surveys', allowed: ['coordinator', 'admin'] },
  '(app)/programme/surveys/[id]/page.tsx': { permission: 'programme.surveys', allowed: ['coordinator', 'admin'] },
  '(app)/programme/surveys/open/page.tsx': {
    permission: 'programme.surveyAnswer',
    allowed: ['sme', 'researcher', 'trading', 'lender'],
  },
  '(app)/programme/surveys/[id]/answer/page.tsx': {
    permission: 'programme.surveyAnswer',
    allowed: ['sme', 'researcher', 'trading', 'lender'],
  },
  // introductions (issue 5)
  '(app)/introductions/page.tsx': { permission: 'introductions.view', allowed: members },
  '(app)/introductions/[id]/page.tsx': { permission: 'introductions.view', allowed: members },
  '(app)/introductions/new/page.tsx': {
    permission: 'introductions.interest',
    allowed: ['sme', 'researcher', 'trading', 'lender'],
  },
  '(app)/introductions/queue/page.tsx': { permission: 'introductions.coordinate', allowed: ['coordinator'] },
  '(app)/notifications/page.tsx': { permission: 'notifications.view', allowed: members },
  '(app)/notifications/settings/page.tsx': { permission: 'notifications.view', allowed: members },
  '(app)/mail/outbox/page.tsx': { permission: 'mail.outbox', allowed: ['admin'] },
  // needs and seeds (issue 3); /seeds and /seeds/[id] live in (public): signed-out visitors see public teasers
  '(app)/needs/page.tsx': { permission: 'listings.browse', allowed: members },
  '(app)/needs/[id]/page.tsx': { permission: 'listings.browse', allowed: members },
  '(app)/needs/new/page.tsx': { permission: 'needs.create', allowed: ['sme', 'coordinator'] },
  '(app)/needs/[id]/edit/page.tsx': { permission: 'needs.create', allowed: ['sme', 'coordinator'] },
  '(app)/needs/mine/page.tsx': { permission: 'needs.create', allowed: ['sme', 'coordinator'] },
  '(app)/seeds/new/page.tsx': { permission: 'seeds.create', allowed: ['researcher', 'coordinator'] },
  '(app)/seeds/[id]/edit/page.tsx': { permission: 'seeds.create', allowed: ['researcher', 'coordinator'] },
  '(app)/seeds/mine/page.tsx': { permission: 'seeds.create', allowed: ['researcher', 'coordinator'] },
  '(app)/listings/following/page.tsx': { permission: 'listings.browse', allowed: members },
  '(app)/listings/review/page.tsx': { permission: 'listings.moderate', allowed: ['coordinator'] },
  // matching (issue 4): find partners; the listing itself is scoped in lib/listings/partners.ts
  '(app)/needs/[id]/partners/page.tsx': { permission: 'matching.view', allowed: members },
  '(app)/seeds/[id]/partners/page.tsx': { permission: 'matching.view', allowed: members },
  // who saw my data (issue 18 item 7); the listing is scoped to those who manage it in lib/listings/reveals.ts
  '(app)/needs/[id]/reveals/page.tsx': { permission: 'listings.browse', allowed: members },
  '(app)/seeds/[id]/reveals/page.tsx': { permission: 'listings.browse', allowed: members },
  // import, API tokens, saved searches (issue 3, integrations)
  '(app)/import/page.tsx': { permission: 'listings.import', allowed: ['sme', 'researcher'] },
  '(app)/account/tokens/page.tsx': { permission: 'apiTokens.manage', allowed: members },
  '(app)/account/searches/page.tsx': { permission: 'savedSearches.manage', allowed: members },
  // funding proposals (issue 13); which proposal a viewer sees is decided in lib/funding/access.ts
  '(app)/funding/page.tsx': { permission: 'funding.view', allowed: ['sme', 'researcher', 'lender', 'coordinator'] },
  '(app)/funding/[id]/page.tsx': {
    permission: 'funding.view',
    allowed: ['sme', 'researcher', 'lender', 'coordinator'],
  },
  '(app)/funding/new/page.tsx': { permission: 'funding.propose', allowed: ['sme'] },
  '(app)/funding/[id]/edit/page.tsx': { permission: 'funding.propose', allowed: ['sme'] },
  '(app)/funding/[id]/evaluation/page.tsx': { permission: 'funding.review', allowed: ['lender'] },
  // programme office (issue 2, admin)
  '(app)/organisations/page.tsx': { permission: 'admin.organisations', allowed: ['admin'] },
  '(app)/organisations/[id]/page.tsx': { permission: 'admin.organisations', allowed: ['admin'] },
  '(app)/users/page.tsx': { permission: 'admin.users', allowed: ['admin'] },
  '(app)/clusters/page.tsx': { permission: 'admin.clusters', allowed: ['admin'] },
  '(app)/clusters/new/page.tsx': { permission: 'admin.clusters', allowed: ['admin'] },
  '(app)/clusters/[id]/page.tsx': { permission: 'admin.clusters', allowed: ['admin'] },
  '(app)/audit/page.tsx': { permission: 'admin.audit', allowed: ['admin'] },
};
