import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { closeDb } from '@/db';

// Without DATABASE_URL each test file gets its own embedded database: a copy of the
// template that global-setup.ts migrated once.
if (!process.env.DATABASE_URL) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clustermatch-test-'));
  const template = process.env.CLUSTERMATCH_TEST_TEMPLATE;
  if (template) fs.cpSync(template, dir, { recursive: true });
  process.env.PGLITE_DIR = dir;
}

afterAll(async () => {
  await closeDb();
  const dir = process.env.PGLITE_DIR;
  if (dir?.includes('clustermatch-test-')) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(`${dir}.lock`, { force: true });
  }
});
