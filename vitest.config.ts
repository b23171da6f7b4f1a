import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit tests sit beside their source (lib/**/*.test.ts); integration tests in tests/
// run against real Postgres when DATABASE_URL is set and a throwaway PGlite otherwise.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${path.resolve(import.meta.dirname)}/` },
      // Next's guard against importing server modules into client bundles; inert here.
      { find: /^server-only$/, replacement: path.resolve(import.meta.dirname, 'tests/support/empty.ts') },
    ],
  },
  test: {
    include: ['lib/**/*.test.ts', 'tests/**/*.test.ts', 'db/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite is one process per folder: keep one worker per file, each with its own folder.
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
