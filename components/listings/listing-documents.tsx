import { getTranslations } from 'next-intl/server';
import { DocumentsPanel } from '@/components/attachments/documents-panel';
import { getDb } from '@/db';
import type { Viewer } from '@/lib/auth/policy';
import { listingDocumentsFor } from '@/lib/listings/attachments';
import type { ListingKind } from '@/db/vocabulary/listings';

/** A listing's documents for a signed-in reader: the files once its disclosure level is reached, else when they come. */
export async function ListingDocuments({ viewer, kind, id }: { viewer: Viewer; kind: ListingKind; id: string }) {
  const documents = await listingDocumentsFor(await getDb(), viewer, { kind, id });
  if (!documents) return null;
  if (documents.shown)
    return (
      <DocumentsPanel
        base={`/api/listings/${kind}s/${id}/documents`}
        documents={documents.documents}
        canEdit={documents.canEdit}
      />
    );
  if (documents.count === 0) return null;
  const [t, tl] = await Promise.all([getTranslations('attachments.panel'), getTranslations('listings')]);
  return (
    <section aria-labelledby="documents-heading" className="flex flex-col gap-2">
      <h2 id="documents-heading" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <p className="text-slate-700">
        {t('withheld', { count: documents.count, level: tl(`levels.${documents.level}`) })}
      </p>
    </section>
  );
}
