import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { NeedForm } from '@/components/listings/need-form';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guard';
import { listOrganisationsForCoordinator } from '@/lib/listings/owner-org';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('listings.needs'))('newTitle') };
}

export default async function NewNeedPage() {
  const viewer = await requirePermission('needs.create');
  const [t, locale] = await Promise.all([getTranslations('listings.needs'), getLocale()]);
  const organisations =
    viewer.role === 'coordinator'
      ? (await listOrganisationsForCoordinator(await getDb(), viewer, 'need')).map((o) => ({
          id: o.id,
          name: locale === 'en' ? o.nameEn : o.nameJa,
        }))
      : undefined;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t('newTitle')}</h1>
      <NeedForm
        status="new"
        organisations={organisations}
        defaultValues={{
          intent: 'draft',
          language: viewer.locale,
          title: '',
          summary: '',
          details: '',
          domain: 'manufacturing',
          keywords: [],
          prefecture: '',
          disclosure: {},
          timeline: '',
          partnerKinds: [],
          regionPreference: '',
          visibility: 'members',
          anonymousLabel: '',
          acceptTerritories: [],
          wantsExclusive: false,
          needsSublicensing: false,
          ...(organisations ? { organisationId: '' } : {}),
        }}
      />
    </div>
  );
}
