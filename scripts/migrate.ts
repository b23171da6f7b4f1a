// Applies the committed migrations to DATABASE_URL, or to the embedded database when unset.
import { closeDb, getHandle } from '@/db';

const handle = await getHandle(); // opening runs the migrations
console.log(`migrations applied (${handle.kind})`);
await closeDb();
