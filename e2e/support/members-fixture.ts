// What scripts/seed-e2e-members.ts seeds before the server starts, for the specs' `member(key)` fixture
// (e2e/support/fixtures.ts): one member for each test that needs an account of its own (it locks it out,
// signs it out everywhere, switches its language, deletes it…), each the founder of a new organisation of
// its own, made by the project's own sign-up code (createAccount). Signing up through the browser is a
// feature with tests of its own (e2e/admin.spec.ts end to end, e2e/accounts.spec.ts without JavaScript),
// not every test's set-up. Seeded beforehand because the embedded database is one process's: a test
// cannot write it while the server runs. A test's member is its own for the life of the server (a spec
// run again on the same server finds it locked, deleted… as the first run left it).

export const MEMBER_PASSWORD = 'member-pass-2026-e2e';

export const MEMBERS = {
  /** accounts.spec: five failed sign-ins lock it */
  lockout: { kind: 'sme', verified: false },
  /** accounts.spec: signed out everywhere */
  everywhere: { kind: 'university', verified: false },
  /** accounts.spec: its cookie copied, then signed out */
  copiedCookie: { kind: 'sme', verified: false },
  /** accounts.spec: switched to English */
  language: { kind: 'sme', verified: true },
  /** privacy.spec: downloads its data, then deletes its account */
  deletes: { kind: 'sme', verified: false },
  /** introductions-after.spec: its own e-mail preferences */
  preferences: { kind: 'sme', verified: true },
} as const satisfies Record<string, { kind: 'sme' | 'university'; verified: boolean }>;
export type MemberKey = keyof typeof MEMBERS;

/** The seeded member's e-mail address, name and (English) organisation name. */
export function memberDetails(key: MemberKey) {
  return {
    email: `member-${key.toLowerCase()}@e2e.test`,
    name: `会員 ${key}`,
    organisation: `E2E Member ${key}`,
    password: MEMBER_PASSWORD,
  };
}
