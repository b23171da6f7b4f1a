import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Migrates once before any test file runs. On Postgres the test files share DATABASE_URL, and
 * concurrent first-time migrations from several workers would race. On PGlite a migrated
 * template folder is made once and copied for each test file, which saves the migration
 * time per file.
 */
export default async function globalSetup() {
  const template = process.env.DATABASE_URL
    ? undefined
    : fs.mkdtempSync(path.join(os.tmpdir(), 'clustermatch-template-'));
  if (template) process.env.PGLITE_DIR = template;
  const { openDatabase } = await import('../../db/client');
  const handle = await openDatabase();
  await handle.migrate();
  await handle.close();
  if (template) {
    fs.rmSync(path.join(path.dirname(template), `${path.basename(template)}.lock`), { force: true });
    process.env.CLUSTERMATCH_TEST_TEMPLATE = template;
    delete process.env.PGLITE_DIR;
  }
  return () => {
    if (template) fs.rmSync(template, { recursive: true, force: true });
  };
}
