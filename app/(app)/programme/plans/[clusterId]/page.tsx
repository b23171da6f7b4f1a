import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { PlanForm } from '@/components/programme/plan-form';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guard';
import { changeLabel, planFormValues } from '@/lib/programme/plan-rules';
import { getClusterPlan } from '@/lib/programme/plans';
import { z } from '@/lib/validation/messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('programme.plans'))('title') };
}

type Props = { params: Promise<{ clusterId: string }> };

/** A cluster's plan: its current version in a form that saves the next one, and every version before. */
export default async function ClusterPlanPage({ params }: Props) {
  const viewer = await requirePermission('programme.plans');
  const { clusterId } = await params;
  if (!z.uuid().safeParse(clusterId).success) notFound();
  const [plan, t, tr, format, locale] = await Promise.all([
    getClusterPlan(await getDb(), viewer, clusterId),
    getTranslations('programme.plans'),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  if (!plan) notFound();
  const name = locale === 'ja' ? plan.cluster.nameJa : plan.cluster.nameEn;
  const current = plan.current;
  const label = (path: string) => {
    const { key, values } = changeLabel(path);
    const translated = Object.fromEntries(
      Object.entries(values ?? {}).map(([k, v]) => [k, v.startsWith('@') ? tr(v.slice(1)) : v]),
    );
    return tr(key, translated);
  };
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link
          href={`/programme?cluster=${plan.cluster.id}`}
          className="text-sm font-medium text-teal-800 underline underline-offset-2"
        >
          {t('back')}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-semibold">{t('heading', { cluster: name })}</h1>
        <p className="mt-2 text-slate-700">
          {current
            ? t('currentVersion', {
                version: current.version,
                author: current.author,
                when: format.dateTime(current.createdAt, 'short'),
              })
            : t('noPlan')}
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t('edit')}</CardTitle>
        </CardHeader>
        <CardBody>
          <PlanForm
            key={current?.version ?? 0}
            defaultValues={{ clusterId, baseVersion: current?.version ?? 0, ...planFormValues(current) }}
          />
        </CardBody>
      </Card>
      <section aria-labelledby="plan-history" className="flex flex-col gap-3">
        <h2 id="plan-history" className="text-xl font-semibold">
          {t('history')}
        </h2>
        {plan.versions.length === 0 ? (
          <p className="text-slate-700">{t('noHistory')}</p>
        ) : (
          <Table caption={t('history')} captionHidden>
            <THead>
              <Tr>
                <Th>{t('version')}</Th>
                <Th>{t('savedAt')}</Th>
                <Th>{t('savedBy')}</Th>
                <Th>{t('changed')}</Th>
              </Tr>
            </THead>
            <TBody>
              {plan.versions.map((v) => (
                <Tr key={v.version}>
                  <Th scope="row">{t('versionNumber', { version: v.version })}</Th>
                  <Td className="whitespace-nowrap">{format.dateTime(v.createdAt, 'short')}</Td>
                  <Td>{v.author}</Td>
                  <Td className="whitespace-normal">{format.list(v.changes.map(label))}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </div>
  );
}
