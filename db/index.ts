import { openDatabase, type Db, type DbHandle } from './client';

export type { Db } from './client';

// Lazy and process-wide: `next build` evaluates route modules, so nothing opens the
// database at import time; dev-mode hot reloads reuse the same handle via globalThis.
declare global {
  var clustermatchDb: Promise<DbHandle> | undefined;
}

export function getHandle(): Promise<DbHandle> {
  globalThis.clustermatchDb ??= (async () => {
    const handle = await openDatabase();
    await handle.migrate();
    return handle;
  })().catch((error) => {
    globalThis.clustermatchDb = undefined; // let the next request try again
    throw error;
  });
  return globalThis.clustermatchDb;
}

export async function getDb(): Promise<Db> {
  return (await getHandle()).db;
}

/** For scripts and tests that own the handle's lifetime. */
export async function closeDb(): Promise<void> {
  const pending = globalThis.clustermatchDb;
  globalThis.clustermatchDb = undefined;
  if (pending) await (await pending).close();
}
