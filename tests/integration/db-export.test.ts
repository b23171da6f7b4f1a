import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { dumpPglite } from '@/db/export';
import { seedDemo } from '@/scripts/seed/demo';

// `npm run db:export` round trip: the demo data in an embedded database, dumped, loaded by psql
// into an empty Postgres database (with DATABASE_URL: a fresh database on that server), reads
// the same, table by table — the move from the embedded default to Postgres. Without a Postgres
// server (the PGlite pass of the suite) the dump is loaded into a second embedded database.

/** Every table's row count and a digest of its rows (as text, in a fixed order). */
async function contents(query: (sql: string) => Promise<Record<string, unknown>[]>) {
  await query(`set timezone = 'UTC'`);
  const tables = await query(
    `select table_schema || '.' || table_name as t from information_schema.tables
     where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const [row] = await query(
      `select count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as d from ${t} x`,
    );
    out[String(t)] = String(row.d);
  }
  return out;
}

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clustermatch-export-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('db:export', () => {
  it('dumps the embedded database so that psql loads it into Postgres with every row', async () => {
    const source = await PGlite.create(tempDir(), { extensions: { pg_trgm } });
    const db = drizzle(source);
    await migrate(db, { migrationsFolder: path.join(process.cwd(), 'db', 'migrations') });
    await seedDemo(db);
    const before = await contents(async (sql) => (await source.query<Record<string, unknown>>(sql)).rows);
    expect(Number(before['public.users'].split(':')[0])).toBeGreaterThan(5);
    expect(Number(before['public.needs'].split(':')[0])).toBeGreaterThan(5);
    expect(Number(before['drizzle.__drizzle_migrations'].split(':')[0])).toBeGreaterThan(0);

    const file = path.join(tempDir(), 'export.sql');
    fs.writeFileSync(file, await dumpPglite(source));
    await source.close();

    let after: Record<string, string>;
    const server = process.env.DATABASE_URL;
    if (server) {
      const name = `clustermatch_export_${process.pid}_${Date.now()}`;
      const admin = postgres(server, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const url = new URL(server);
      url.pathname = `/${name}`;
      try {
        execFileSync('psql', ['-v', 'ON_ERROR_STOP=1', '-q', '-d', url.toString(), '-f', file], { stdio: 'pipe' });
        const target = postgres(url.toString(), { max: 1, onnotice: () => {} });
        after = await contents((sql) => target.unsafe(sql));
        await target.end();
      } finally {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    } else {
      const target = await PGlite.create(tempDir(), { extensions: { pg_trgm } });
      await target.exec(fs.readFileSync(file, 'utf8'));
      after = await contents(async (sql) => (await target.query<Record<string, unknown>>(sql)).rows);
      await target.close();
    }
    expect(after).toEqual(before);
  }, 600_000);
});
