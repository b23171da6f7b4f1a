import { getDb } from '@/db';
import { jsonError, withSessionRoute, otherMethods } from '@/lib/api/handler';
import { translateKey } from '@/lib/api/translate';
import type { ImportAnalysis } from '@/lib/import/analyse';
import { analyseImportOffThread, readUploadForm, startAnalysisThread } from '@/lib/import/analyse-off-thread';
import { ImportFileError } from '@/lib/import/encoding';
import { listingCollections } from '@/db/vocabulary/listings';
import { commitImport, mayPost } from '@/lib/import/commit';
import { MAX_FILE_BYTES } from '@/lib/import/limits';
import { z } from '@/lib/validation/messages';

export const dynamic = 'force-dynamic';

// The analysis thread starts with this module (scripts/server.mjs has it instantiated at server start), not on the
// first upload; never while `next build` evaluates the module.
if (process.env.NEXT_PHASE !== 'phase-production-build') startAnalysisThread();

const formSchema = z.object({
  kind: z.enum(listingCollections),
  intent: z.enum(['draft', 'submit']),
  mode: z.enum(['preview', 'commit']),
});

/**
 * Bulk import (multipart: kind, intent, mode, file). `preview` parses and validates every row
 * and answers with the summary and per-row errors; `commit` does the same and, only if no row
 * has an error, inserts all rows in one transaction. The browser keeps the file between the two.
 */
export const POST = withSessionRoute({ permission: 'listings.import' }, async ({ viewer, request, ip }) => {
  const t = (key: string) => translateKey(viewer.locale, key);
  const tooLarge = () =>
    jsonError('payload_too_large', t(`import.errors.too_large?maxMb=${MAX_FILE_BYTES / 1024 / 1024}`));
  const body = await readBody(request, MAX_FILE_BYTES + FORM_OVERHEAD_BYTES);
  if (body === 'too_large') return tooLarge();
  // the multipart parser takes ~0.4 s over a 10 MB form: it runs in the import's worker thread too
  const form = await readUploadForm(body, request.headers.get('content-type') ?? '');
  if (!form) return jsonError('invalid', t('import.errors.no_file'));
  const fields = formSchema.safeParse(form.fields);
  if (!fields.success) return jsonError('invalid', t('errors.invalid'));
  const { file } = form;
  if (!file || file.bytes.byteLength === 0) return jsonError('invalid', t('import.errors.no_file'));
  const { kind, intent, mode } = fields.data;
  if (!mayPost(viewer, kind)) return jsonError('forbidden', t('import.errors.kind_not_allowed'));
  if (file.bytes.byteLength > MAX_FILE_BYTES) return tooLarge();
  const fileName = file.name || 'upload';
  let analysis: ImportAnalysis;
  try {
    // parsing and validating 20,000 rows is seconds of CPU: done in a worker thread, this one keeps serving
    analysis = await analyseImportOffThread(
      { bytes: file.bytes, fileName, kind, intent },
      { withRows: mode === 'commit' },
    );
  } catch (error) {
    if (error instanceof ImportFileError) {
      const params = new URLSearchParams(Object.entries(error.params).map(([k, v]) => [k, String(v)])).toString();
      return Response.json(
        {
          error: {
            code: 'invalid',
            message: t(`import.errors.${error.key}${params ? `?${params}` : ''}`),
            fileError: error.key,
          },
        },
        { status: 400 },
      );
    }
    throw error;
  }
  const { summary, valid } = analysis;
  if (mode === 'preview') return { summary };
  if (summary.invalidCount > 0) {
    return Response.json(
      { error: { code: 'invalid', message: t('import.errors.has_errors') }, summary },
      { status: 400 },
    );
  }
  const result = await commitImport(await getDb(), viewer, kind, valid, { intent, fileName, ip });
  return { summary, created: result.created };
});

/** Room for the form's other parts and headers around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * The request body's chunks as they arrive, given up past `limit` bytes (a missing or false Content-Length
 * included). Never joined here: joining 10 MB on the server's thread held it for a stretch (issue 12 item 8); the
 * worker joins them. A chunk that is the whole of its ArrayBuffer — every chunk of a Request's body stream, which
 * copies or transfers what it is given into a buffer of its own — is passed on as it is, to be moved to the worker;
 * a view into a larger buffer is copied, since moving its buffer would take bytes that are not the body's.
 */
async function readBody(request: Request, limit: number): Promise<ArrayBuffer[] | 'too_large'> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return 'too_large';
  const parts: ArrayBuffer[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return 'too_large';
      }
      const whole =
        value.buffer instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength;
      parts.push(whole ? (value.buffer as ArrayBuffer) : value.slice().buffer);
    }
  }
  return parts;
}

// the other methods get a JSON 405 naming these (not Next.js's empty answer)
export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
