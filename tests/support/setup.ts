import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { closeDb } from '@/db';

// Without DATABASE_URL each test file gets its own throwaway embedded database.
if (!process.env.DATABASE_URL) {
  process.env.PGLITE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'clustermatch-test-'));
}

afterAll(async () => {
  await closeDb();
  if (process.env.PGLITE_DIR?.includes('clustermatch-test-')) {
    fs.rmSync(process.env.PGLITE_DIR, { recursive: true, force: true });
  }
});
