/**
 * Runs an import's CPU work in a worker thread — reading the multipart upload (a 10 MB form takes the
 * parser ~0.4 s) and the analysis (lib/import/analyse: seconds for 20,000 rows) — so it never holds up the
 * requests the server's thread is serving (issue 12 item 8): the caller only awaits a message. One worker
 * per server process, started on first use and kept (not keeping the process alive); it takes requests in
 * turn. A worker that dies fails the requests it held and is replaced on the next one.
 */
import { Worker } from 'node:worker_threads';
import type { ImportAnalysis } from './analyse';
import type { AnalyseInput, ThreadReply, ThreadRequest, UploadForm } from './analyse-protocol';
import { ImportFileError } from './encoding';

type Pending = { resolve: (reply: ThreadReply) => void; reject: (error: Error) => void };
type AnalysisThread = { worker: Worker; pending: Map<number, Pending> };

let current: AnalysisThread | null = null;
let nextId = 1;

function analysisThread(): AnalysisThread {
  if (current) return current;
  // The Next.js build bundles the worker from this `new Worker(new URL(…, import.meta.url))`; run from the
  // TypeScript sources (Vitest, scripts) it needs a loader for TypeScript and the `@/` paths.
  const fromSources = import.meta.url.endsWith('.ts');
  const worker = new Worker(new URL('./analyse.worker.ts', import.meta.url), {
    execArgv: fromSources ? ['--import', 'tsx'] : [],
  });
  const thread: AnalysisThread = { worker, pending: new Map() };
  const fail = (error: Error) => {
    if (current === thread) current = null;
    for (const p of thread.pending.values()) p.reject(error);
    thread.pending.clear();
  };
  worker.unref(); // an idle worker never keeps the process alive
  worker.on('message', (reply: ThreadReply) => {
    const p = thread.pending.get(reply.id);
    thread.pending.delete(reply.id);
    if (thread.pending.size === 0) worker.unref();
    p?.resolve(reply);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the import analysis worker exited (${code})`)));
  current = thread;
  return thread;
}

/** Starts the worker thread ahead of the first upload, so its start and module loading are not on a request's path. */
export function startAnalysisThread(): void {
  analysisThread();
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

function ask(request: WithoutId<ThreadRequest>, transfer: ArrayBuffer[]): Promise<ThreadReply> {
  const { worker, pending } = analysisThread();
  const id = nextId++;
  return new Promise<ThreadReply>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.ref(); // a request in flight keeps the process waiting for its answer
    worker.postMessage({ ...request, id }, transfer);
  });
}

function unexpected(reply: ThreadReply): Error {
  return new Error(`import worker: ${'crash' in reply ? reply.crash : 'unexpected reply'}`);
}

/**
 * A multipart body's text fields and `file` part, read in the worker; null when it is no readable form. The body's
 * parts (its chunks as they arrived) are moved to the worker, not copied — they are detached here afterwards — and
 * joined there.
 */
export async function readUploadForm(parts: ArrayBuffer[], contentType: string): Promise<UploadForm | null> {
  const reply = await ask({ op: 'form', parts, contentType }, parts);
  if ('form' in reply) return reply.form;
  if ('badForm' in reply) return null;
  throw unexpected(reply);
}

/**
 * analyseImport in the worker. `withRows: false` (a preview) answers with the summary and no rows.
 * Throws ImportFileError for problems of the whole file, as analyseImport does.
 */
export async function analyseImportOffThread(
  input: AnalyseInput,
  { withRows }: { withRows: boolean },
): Promise<ImportAnalysis> {
  const reply = await ask({ op: 'analyse', input, withRows }, [input.bytes]);
  if ('summary' in reply) return { summary: reply.summary, valid: reply.valid };
  if ('fileError' in reply) throw new ImportFileError(reply.fileError.key, reply.fileError.params);
  throw unexpected(reply);
}
