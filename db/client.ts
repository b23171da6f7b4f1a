import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { dbEnv, pgliteDir } from './env';
import { acquireLock, releaseLockOnExit } from './lock';

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
