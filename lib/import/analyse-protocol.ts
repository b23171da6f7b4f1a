import type { ListingCollection } from '@/db/vocabulary/listings';
import type { ImportSummary } from './analyse';
import type { Intent, ValidRow } from './rows';

/** An upload's form: its text fields and its `file` part (the bytes moved between threads, not copied). */
export type UploadForm = { fields: Record<string, string>; file: { name: string; bytes: ArrayBuffer } | null };

export type AnalyseInput = { bytes: ArrayBuffer; fileName: string; kind: ListingCollection; intent: Intent };

/** What the server's thread asks the analysis thread. */
export type ThreadRequest =
  /** parts: the body's chunks in order, moved from the server's thread */
  | { id: number; op: 'form'; parts: ArrayBuffer[]; contentType: string }
  /** withRows false (a preview): only the summary comes back */
  | { id: number; op: 'analyse'; input: AnalyseInput; withRows: boolean };

export type ThreadReply =
  | { id: number; ok: true; form: UploadForm }
  | { id: number; ok: true; summary: ImportSummary; valid: ValidRow<ListingCollection>[] }
  | { id: number; ok: false; badForm: true }
  | { id: number; ok: false; fileError: { key: string; params: Record<string, string | number> } }
  | { id: number; ok: false; crash: string };
