// Loads the demo data (idempotent) into DATABASE_URL, or the embedded database when unset.
import { closeDb, getDb } from '@/db';
import { seedDemo } from './demo';

await seedDemo(await getDb());
console.log('demo data ready');
await closeDb();
