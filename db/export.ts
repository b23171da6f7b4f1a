import type { PGlite } from '@electric-sql/pglite';
import { pgDump } from '@electric-sql/pglite-tools/pg_dump';

/**
 * The embedded database as plain SQL (pg_dump, built to WASM by the PGlite project) that `psql`
 * loads into an empty Postgres 15+ database: every schema (the application's tables, the
 * migrations journal, the job queue), data as INSERTs, no owners or grants (the target's user
 * owns what it loads).
 */
export async function dumpPglite(pg: PGlite): Promise<string> {
  const file = await pgDump({ pg, args: ['--no-owner', '--no-privileges'] });
  return loadableByOlderPostgres(await file.text());
}

/**
 * pg_dump 18 writes settings and psql meta-commands that Postgres/psql 15 reject
 * (`SET transaction_timeout`, `\restrict`): drop those lines, nothing else.
 */
function loadableByOlderPostgres(sql: string): string {
  return sql
    .split('\n')
    .filter((line) => !/^SET transaction_timeout\b/.test(line) && !/^\\(un)?restrict\b/.test(line))
    .join('\n');
}
