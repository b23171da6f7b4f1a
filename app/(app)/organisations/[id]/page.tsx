import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/forms/action-button';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { getOrganisation, listClusterChoices } from '@/lib/organisations/data';
import { requirePermission } from '@/lib/auth/guard';
import { z } from '@/lib/validation/messages';
import { verifyOrganisationAction } from '@/lib/organisations/actions';
import { OrganisationForm } from './organisation-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.organisations'))('editTitle') };
}

export default async function AdminOrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('admin.organisations');
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const [org, clusterChoices, t, tr, locale] = await Promise.all([
    getOrganisation(id),
    listClusterChoices(),
    getTranslations('admin.organisations'),
    getTranslations(),
    getLocale(),
  ]);
  if (!org) notFound();
  const name = locale === 'en' ? org.nameEn : org.nameJa;
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/organisations" className="text-sm font-medium text-teal-800 underline underline-offset-2">
          {t('back')}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{name}</h1>
        <Badge tone={org.verified ? 'success' : 'warning'}>
          {org.verified ? tr('org.verified') : tr('org.unverified')}
        </Badge>
      </div>
      {!org.verified && (
        <Alert
          tone="warning"
          action={
            <ActionButton
              action={verifyOrganisationAction}
              input={{ organisationId: org.id }}
              variant="primary"
              successMessage={t('verified', { name })}
            >
              {t('verify')}
            </ActionButton>
          }
        >
          {t('verifyHint')}
        </Alert>
      )}
      <Card>
        <CardHeader>
          <CardTitle>{t('details')}</CardTitle>
        </CardHeader>
        <CardBody>
          <OrganisationForm
            key={org.version}
            clusters={clusterChoices.map((c) => ({ id: c.id, label: locale === 'en' ? c.nameEn : c.nameJa }))}
            defaultValues={{
              organisationId: org.id,
              version: org.version,
              kind: org.kind,
              nameJa: org.nameJa,
              nameEn: org.nameEn,
              prefecture: org.prefecture,
              website: org.website ?? '',
              employeeBand: org.employeeBand ?? '',
              clusterIds: org.clusterIds,
            }}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('membersTitle')}</CardTitle>
          <Link
            href={`/users?org=${org.id}`}
            className="text-sm font-medium text-teal-800 underline underline-offset-2"
          >
            {t('manageMembers')}
          </Link>
        </CardHeader>
        <CardBody>
          {org.members.length === 0 ? (
            <p className="text-slate-700">{t('noMembers')}</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {org.members.map((m) => (
                <li key={m.id} className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{m.name}</span>
                  <span className="text-slate-700">{m.email}</span>
                  <Badge>{tr(`roles.${m.role}`)}</Badge>
                  {!m.approved && <Badge tone="warning">{tr('admin.users.pending')}</Badge>}
                  {m.disabled && <Badge tone="danger">{tr('admin.users.disabled')}</Badge>}
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
