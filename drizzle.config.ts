import { defineConfig } from 'drizzle-kit';

// drizzle-kit only *generates* migrations; they are applied by db/migrate.ts
// (PGlite needs extensions registered in-process, which drizzle-kit cannot do).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/*.ts',
  out: './db/migrations',
});
