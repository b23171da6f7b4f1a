import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/forms/action-button';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { getCluster, listClusterCoordinators } from '@/lib/clusters/data';
import { listAssignableCoordinators } from '@/lib/users/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/policy';
import { z } from '@/lib/validation/messages';
import { unassignCoordinatorAction } from '@/lib/clusters/actions';
import { EditClusterForm } from '../cluster-form';
import { AssignCoordinatorForm } from './assign-coordinator-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.clusters'))('editTitle') };
}

export default async function AdminClusterPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('admin.clusters');
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const mayAssign = can(viewer, 'admin.coordinators');
  const [cluster, coordinators, assignable, t, format, locale] = await Promise.all([
    getCluster(id),
    mayAssign ? listClusterCoordinators(id) : [],
    mayAssign ? listAssignableCoordinators(id) : [],
    getTranslations('admin.clusters'),
    getFormatter(),
    getLocale(),
  ]);
  if (!cluster) notFound();
  const { id: clusterId, version, ...values } = cluster;
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/clusters" className="text-sm font-medium text-teal-800 underline underline-offset-2">
          {t('back')}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{locale === 'en' ? cluster.nameEn : cluster.nameJa}</h1>
      <Card>
        <CardHeader>
          <CardTitle>{t('details')}</CardTitle>
        </CardHeader>
        <CardBody>
          <EditClusterForm key={version} defaultValues={{ clusterId, version, ...values }} />
        </CardBody>
      </Card>
      {mayAssign && (
        <Card>
          <CardHeader>
            <CardTitle>{t('coordinators')}</CardTitle>
          </CardHeader>
          <CardBody className="flex flex-col gap-4">
            {coordinators.length === 0 ? (
              <p className="text-slate-700">{t('noCoordinators')}</p>
            ) : (
              <Table caption={t('coordinatorsCaption')} captionHidden>
                <THead>
                  <Tr>
                    <Th>{t('coordinatorName')}</Th>
                    <Th>{t('assignedAt')}</Th>
                    <Th>
                      <span className="sr-only">{t('actions')}</span>
                    </Th>
                  </Tr>
                </THead>
                <TBody>
                  {coordinators.map((c) => (
                    <Tr key={c.id}>
                      <Th scope="row" className="whitespace-normal font-medium">
                        {c.name}
                        {c.disabled && (
                          <Badge tone="danger" className="ml-2">
                            {t('disabled')}
                          </Badge>
                        )}
                        <span className="block text-xs font-normal break-all text-slate-700">{c.email}</span>
                      </Th>
                      <Td className="whitespace-nowrap">{format.dateTime(c.assignedAt, 'short')}</Td>
                      <Td>
                        <ActionButton
                          action={unassignCoordinatorAction}
                          input={{ clusterId, userId: c.id }}
                          successMessage={t('unassigned', { name: c.name })}
                          aria-label={t('unassignNamed', { name: c.name })}
                        >
                          {t('unassign')}
                        </ActionButton>
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
            <AssignCoordinatorForm clusterId={clusterId} choices={assignable} />
          </CardBody>
        </Card>
      )}
    </div>
  );
}
