import { ImportFileError } from './encoding';

// Shared by the import's unit tests (import.test.ts, json.test.ts).

export const enc = (s: string) => new TextEncoder().encode(s);

/** The ImportFileError a call throws (anything else fails the test). */
export function fileError(fn: () => unknown): ImportFileError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected an ImportFileError');
}
