/** Shared class strings for UI primitives (internal). */
export const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700';

/** Text inputs, selects, textareas: `.control` in app/globals.css (one short class per field). */
export const controlBase = 'control';
