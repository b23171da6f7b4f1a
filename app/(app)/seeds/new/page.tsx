import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { SeedForm } from '@/components/listings/seed-form';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guard';
import { listOrganisationsForCoordinator } from '@/lib/listings/owner-org';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('listings.seeds'))('newTitle') };
}

export default async function NewSeedPage() {
  const viewer = await requirePermission('seeds.create');
  const [t, locale] = await Promise.all([getTranslations('listings.seeds'), getLocale()]);
  const organisations =
    viewer.role === 'coordinator'
      ? (await listOrganisationsForCoordinator(await getDb(), viewer, 'seed')).map((o) => ({
          id: o.id,
          name: locale === 'en' ? o.nameEn : o.nameJa,
        }))
      : undefined;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t('newTitle')}</h1>
      <SeedForm
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
          trl: undefined,
          leadResearcher: '',
          licensing: [],
          licenceTerritories: [],
          advantages: '',
          visibility: 'members',
          ipRecords: [],
          ...(organisations ? { organisationId: '' } : {}),
        }}
      />
    </div>
  );
}
