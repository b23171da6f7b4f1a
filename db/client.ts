import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { dbEnv, pgliteDir } from './env';

// One type for both drivers: every query in lib/ is written against this.
export type Db = PgDatabase<PgQueryResultHKT>;

export type DbHandle = {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** The embedded database itself (pglite only): for pg_dump (db/export.ts). */
  pglite?: PGlite;
  /** Cheap liveness probe used by /api/health. */
  ping: () => Promise<void>;
  migrate: () => Promise<void>;
  close: () => Promise<void>;
};

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export async function openDatabase(): Promise<DbHandle> {
  const url = dbEnv().DATABASE_URL;
  return url ? openPostgres(url) : openPglite(pgliteDir());
}

async function openPostgres(url: string): Promise<DbHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(url, {
    max: dbEnv().DB_POOL_SIZE,
    onnotice: () => {},
    connect_timeout: dbEnv().DB_CONNECT_TIMEOUT,
    idle_timeout: 30,
  });
  const db = drizzle(client);
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await client`select 1`;
    },
    migrate: () => migrate(db, { migrationsFolder }),
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dir: string): Promise<DbHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  fs.mkdirSync(dir, { recursive: true }); // PGlite does not create parent folders
  releaseLockOnExit(acquireLock(dir));
  const client = await PGlite.create(dir, { extensions: { pg_trgm } });
  const db = drizzle(client);
  return {
    db,
    kind: 'pglite',
    pglite: client,
    ping: async () => {
      await client.query('select 1');
    },
    migrate: () => migrate(db, { migrationsFolder }),
    close: () => client.close(),
  };
}

/**
 * PGlite has no lock of its own: two processes writing one folder lose data silently.
 * The first process to open the folder writes its pid; another refuses while that pid lives.
 * Kept over proper-lockfile (mtime lease): at load average ~21 PGlite's open blocked the event loop 62 s, past any lease.
 */
function acquireLock(dir: string): string {
  const lockFile = path.join(dir, '..', `${path.basename(dir)}.lock`);
  try {
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `The embedded database at ${dir} is in use by process ${holder} (is the server running?). Stop it first.`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return lockFile;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function releaseLockOnExit(lockFile: string) {
  process.once('exit', () => {
    try {
      if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      // already gone
    }
  });
}
