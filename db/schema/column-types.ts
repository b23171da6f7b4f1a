import { customType } from 'drizzle-orm/pg-core';

/** Postgres bytea: a Buffer from postgres.js, a Uint8Array from PGlite. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** Postgres full-text vector: written and searched in SQL, never read back by the app. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
