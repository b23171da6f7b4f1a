import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, CardBody } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/guard';
import { CreateClusterForm } from '../cluster-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.clusters'))('new') };
}

export default async function NewClusterPage() {
  await requirePermission('admin.clusters');
  const t = await getTranslations('admin.clusters');
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/clusters" className="text-sm font-medium text-teal-800 underline underline-offset-2">
          {t('back')}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t('new')}</h1>
      <Card>
        <CardBody>
          <CreateClusterForm />
        </CardBody>
      </Card>
    </div>
  );
}
