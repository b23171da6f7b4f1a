/**
 * The import's own thread (lib/import/analyse-off-thread starts it): reads the upload's multipart form
 * and analyses the file, so the server's thread never parses or validates a 10 MB file.
 */
import { parentPort } from 'node:worker_threads';
import { analyseImport } from './analyse';
import type { ThreadReply, ThreadRequest, UploadForm } from './analyse-protocol';
import { ImportFileError } from './encoding';

const port = parentPort;
if (!port) throw new Error('lib/import/analyse.worker runs as a worker thread only');

async function readForm(parts: ArrayBuffer[], contentType: string): Promise<UploadForm> {
  const body = parts.length === 1 ? parts[0] : new Blob(parts);
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  const fields: Record<string, string> = {};
  let file: UploadForm['file'] = null;
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') fields[name] = value;
    else if (name === 'file' && !file) file = { name: value.name, bytes: await value.arrayBuffer() };
  }
  return { fields, file };
}

async function answer(request: ThreadRequest): Promise<[ThreadReply, ArrayBuffer[]]> {
  const { id } = request;
  if (request.op === 'form') {
    try {
      const form = await readForm(request.parts, request.contentType);
      return [{ id, ok: true, form }, form.file ? [form.file.bytes] : []];
    } catch {
      return [{ id, ok: false, badForm: true }, []];
    }
  }
  try {
    const { input, withRows } = request;
    const { summary, valid } = await analyseImport({ ...input, bytes: new Uint8Array(input.bytes) });
    // a preview needs the summary only: 20,000 rows cloned back would cost the server's thread a pause
    return [{ id, ok: true, summary, valid: withRows ? valid : [] }, []];
  } catch (error) {
    if (error instanceof ImportFileError) {
      return [{ id, ok: false, fileError: { key: error.key, params: error.params } }, []];
    }
    return [{ id, ok: false, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) }, []];
  }
}

port.on('message', async (request: ThreadRequest) => {
  const [reply, transfer] = await answer(request);
  port.postMessage(reply, transfer);
});
