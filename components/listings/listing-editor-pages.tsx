import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import type { ListingKind } from '@/db/vocabulary/listings';
import type { Viewer } from '@/lib/auth/policy';
import { getListingForEdit } from '@/lib/listings/data';
import { blankValues, listingKindInfo } from '@/lib/listings/kinds';
import { listOrganisationsForCoordinator } from '@/lib/listings/owner-org';
import { z } from '@/lib/validation/messages';
import { ListingForm } from './listing-form';

// The new and edit pages of needs and seeds: app/(app)/{needs,seeds}/new and [id]/edit check the
// permission and render these.

/** The page title of a listing page: `newTitle`, `editTitle`, … of the kind's messages. */
export async function listingPageMetadata(kind: ListingKind, key: 'newTitle' | 'editTitle'): Promise<Metadata> {
  return { title: (await getTranslations(listingKindInfo[kind].messages))(key) };
}

/** A blank form; a coordinator first picks the member organisation it drafts for. */
export async function NewListingPage({ viewer, kind }: { viewer: Viewer; kind: ListingKind }) {
  const [t, locale] = await Promise.all([getTranslations(listingKindInfo[kind].messages), getLocale()]);
  const organisations =
    viewer.role === 'coordinator'
      ? (await listOrganisationsForCoordinator(await getDb(), viewer, kind)).map((o) => ({
          id: o.id,
          name: locale === 'en' ? o.nameEn : o.nameJa,
        }))
      : undefined;
  const owner = organisations ? { organisationId: '' } : {};
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t('newTitle')}</h1>
      {kind === 'need' ? (
        <ListingForm
          kind="need"
          status="new"
          organisations={organisations}
          defaultValues={{ ...blankValues('need', viewer.locale), ...owner }}
        />
      ) : (
        <ListingForm
          kind="seed"
          status="new"
          organisations={organisations}
          defaultValues={{ ...blankValues('seed', viewer.locale), ...owner }}
        />
      )}
    </div>
  );
}

/** The form over a listing the viewer may edit; another organisation's listing (or an unknown id) is simply not found. */
export async function EditListingPage({ viewer, kind, id }: { viewer: Viewer; kind: ListingKind; id: string }) {
  if (!z.uuid().safeParse(id).success) notFound();
  const t = await getTranslations(listingKindInfo[kind].messages);
  const edit = kind === 'need' ? await editOf(viewer, 'need', id) : await editOf(viewer, 'seed', id);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t('editTitle')}</h1>
      {edit.kind === 'need' ? <ListingForm kind="need" {...edit.form} /> : <ListingForm kind="seed" {...edit.form} />}
    </div>
  );
}

async function editOf<K extends ListingKind>(viewer: Viewer, kind: K, id: string) {
  const edit = await getListingForEdit(viewer, kind, id);
  if (!edit) notFound();
  const form = {
    status: edit.status as 'draft' | 'pending_review' | 'open',
    defaultValues: edit.values,
    reviewComment: edit.reviewComment,
  };
  return { kind, form };
}
