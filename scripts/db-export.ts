// `npm run db:export [-- <file.sql>]`: writes the embedded database (PGlite, under PGLITE_DIR or
// .data/pglite) as plain SQL that psql loads into an empty Postgres database — a backup, or the
// move to Postgres (README: "Backups and the move to Postgres"). Stop the server first: the
// embedded database is opened by one process at a time.
import fs from 'node:fs';
import { closeDb, getHandle } from '@/db';
import { dumpPglite } from '@/db/export';

const handle = await getHandle();
if (!handle.pglite) {
  console.error(
    'DATABASE_URL is set: back up Postgres with pg_dump (see README). db:export reads the embedded database.',
  );
  process.exit(1);
}
const out = process.argv[2] ?? `clustermatch-${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')}.sql`;
fs.writeFileSync(out, await dumpPglite(handle.pglite));
await closeDb();
console.log(
  `wrote ${out} (${(fs.statSync(out).size / 1e6).toFixed(1)} MB); load it with: psql -v ON_ERROR_STOP=1 "$DATABASE_URL" -f ${out}`,
);
