import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Two projects:
// - unit: pure tests (beside their source in lib/ and components/, plus the DB-free checks in
//   tests/ — catalogues, navigation, the authorisation matrix, pinned versions). No database
//   set-up at all, so the edit-test loop is quick: `npm run test:unit`.
// - integration: tests/integration/*, against real Postgres when DATABASE_URL is set and a
//   throwaway PGlite otherwise (migrated once in global-setup.ts): `npm run test:integration`.
const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Next's guard against importing server modules into client bundles; inert here.
      { find: /^server-only$/, replacement: path.resolve(root, 'tests/support/empty.ts') },
    ],
  },
  test: {
    environment: 'node',
    // A loaded CI machine (other builds beside it) is slow, not broken: generous limits for
    // each test and hook, and for the workers' own teardown, so only real failures fail a run.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'lib/**/*.test.ts',
            'components/**/*.test.ts',
            'db/**/*.test.ts',
            'tests/*.test.ts',
            'tests/security/**/*.test.ts',
          ],
          // a unit test that reaches the database fails at once instead of opening .data/pglite
          env: { DATABASE_URL: 'postgres://unit-tests-have-no-database.invalid:1/none' },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/setup.ts'],
        },
      },
    ],
  },
});
