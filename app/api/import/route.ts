import { getDb } from '@/db';
import { jsonError, withSessionRoute } from '@/lib/api/handler';
import { translateKey } from '@/lib/api/translate';
import { analyseImport, ImportFileError } from '@/lib/import/analyse';
import { listingCollections } from '@/db/vocabulary/listings';
import { commitImport, mayPost } from '@/lib/import/commit';
import { MAX_FILE_BYTES } from '@/lib/import/limits';
import { z } from '@/lib/validation/messages';

export const dynamic = 'force-dynamic';

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
  if (Number(request.headers.get('content-length') ?? 0) > MAX_FILE_BYTES + 64 * 1024) {
    return jsonError('payload_too_large', t(`import.errors.too_large?maxMb=${MAX_FILE_BYTES / 1024 / 1024}`));
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return jsonError('invalid', t('import.errors.no_file'));
  }
  const fields = formSchema.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')));
  if (!fields.success) return jsonError('invalid', t('errors.invalid'));
  const file = form.get('file');
  if (!(file instanceof Blob) || file.size === 0) return jsonError('invalid', t('import.errors.no_file'));
  const { kind, intent, mode } = fields.data;
  if (!mayPost(viewer, kind)) return jsonError('forbidden', t('import.errors.kind_not_allowed'));
  if (file.size > MAX_FILE_BYTES)
    return jsonError('payload_too_large', t(`import.errors.too_large?maxMb=${MAX_FILE_BYTES / 1024 / 1024}`));
  const fileName = 'name' in file && typeof file.name === 'string' ? file.name : 'upload';
  let analysis: Awaited<ReturnType<typeof analyseImport>>;
  try {
    analysis = await analyseImport({ bytes: new Uint8Array(await file.arrayBuffer()), fileName, kind, intent });
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
