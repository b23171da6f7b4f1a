import path from 'node:path';
import { z } from 'zod';

// The database's own configuration, validated once. db/ is the bottom layer, so this lives here
// and lib/env.ts builds on it. Unset DATABASE_URL means embedded PGlite.
export const dbEnvSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().optional(),
  /** connections in postgres.js's pool (per server process) */
  DB_POOL_SIZE: z.coerce.number().int().min(1).default(10),
  /** seconds to wait for a new connection (a heavily loaded machine may need more than 5) */
  DB_CONNECT_TIMEOUT: z.coerce.number().int().min(1).default(5),
});

type DbEnv = z.infer<typeof dbEnvSchema>;

let cached: DbEnv | undefined;

export function dbEnv(): DbEnv {
  cached ??= dbEnvSchema.parse({
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    PGLITE_DIR: process.env.PGLITE_DIR || undefined,
    DB_POOL_SIZE: process.env.DB_POOL_SIZE || undefined,
    DB_CONNECT_TIMEOUT: process.env.DB_CONNECT_TIMEOUT || undefined,
  });
  return cached;
}

export function pgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ dbEnv().PGLITE_DIR ?? path.join(process.cwd(), '.data', 'pglite'));
}
