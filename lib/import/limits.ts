/**
 * Import limits (documented in the import page): files up to 10 MB and 20,000 listings.
 * Bigger files are refused before parsing with a message that states the limit.
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 20_000;
/** Rows with errors listed in a preview; the rest are counted. */
export const MAX_LISTED_ERRORS = 500;
/** Rows shown in the preview table. */
export const PREVIEW_ROWS = 20;
