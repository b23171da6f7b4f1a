import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/guard';
import type { ListingCollection } from '@/db/vocabulary/listings';
import { columnsByKind } from '@/lib/import/columns';
import { mayPost } from '@/lib/import/commit';
import { MAX_FILE_BYTES, MAX_ROWS } from '@/lib/import/limits';
import { ImportForm } from './import-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('import'))('title') };
}

export default async function ImportPage() {
  const viewer = await requirePermission('listings.import');
  const t = await getTranslations('import');
  const kinds = (['needs', 'seeds'] as ListingCollection[]).filter((k) => mayPost(viewer, k));
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-slate-700">{t('lead')}</p>
      <p className="text-slate-700">{t('limits', { maxMb: MAX_FILE_BYTES / 1024 / 1024, maxRows: MAX_ROWS })}</p>
      <ImportForm kinds={kinds} />
      <Card>
        <CardHeader>
          <CardTitle>{t('columnsTitle')}</CardTitle>
        </CardHeader>
        <CardBody className="flex flex-col gap-3 text-sm text-slate-700">
          {kinds.map((kind) => (
            <div key={kind} className="flex flex-col gap-1">
              <p>
                {t('columnsRequired', {
                  columns: columnsByKind[kind]
                    .filter((c) => c.required)
                    .map((c) => c.name)
                    .join(', '),
                })}
              </p>
              <p>
                {t('columnsAll', {
                  kind: t(`kinds.${kind}`),
                  columns: columnsByKind[kind].map((c) => c.name).join(', '),
                })}
              </p>
              <p>
                <a className="text-sky-800 underline" href={`/api/import/template?kind=${kind}`} download>
                  {t('template')} ({t(`kinds.${kind}`)})
                </a>
              </p>
            </div>
          ))}
          <p>{t('jsonHelp')}</p>
        </CardBody>
      </Card>
    </div>
  );
}
