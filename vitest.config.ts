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
    // The runner's own RPC needs nothing here: since Vitest 4 the worker↔main calls (onTaskUpdate
    // and the rest) wait without a time-out (createRuntimeRpc: timeout -1), so the Vitest 3
    // "Timeout calling onTaskUpdate" cannot fail a green run; a teardown past teardownTimeout is
    // logged, not failed. tests/security/versions.test.ts keeps vitest at 4 or later.
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
          // on the embedded database (one WASM process, migration 0029's triggers on every write) a test of the
          // home's figures took over 30 s beside a CPU hog and a browser suite (load ~15)
          testTimeout: 120_000,
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/setup.ts'],
        },
      },
    ],
  },
});
