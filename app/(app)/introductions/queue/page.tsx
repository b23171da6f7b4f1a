import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { BulkDecision } from '@/components/introductions/bulk-decision';
import { CoordinatorDecision } from '@/components/introductions/coordinator-decision';
import { ProposeMatch } from '@/components/introductions/propose-match';
import { knownReasons, MatchReasons } from '@/components/matching/match-reasons';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { requirePermission } from '@/lib/auth/guard';
import { listCoordinatorQueue, searchListingsForPairing } from '@/lib/introductions/data';
import { matchKinds, matchStatuses } from '@/db/vocabulary/matching';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('introductions'))('queue') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export default async function CoordinatorMatchesPage({ searchParams }: Props) {
  const viewer = await requirePermission('introductions.coordinate');
  const params = await searchParams;
  const status = (matchStatuses as readonly string[]).includes(one(params.status))
    ? (one(params.status) as (typeof matchStatuses)[number])
    : 'proposed';
  const kind = (matchKinds as readonly string[]).includes(one(params.kind))
    ? (one(params.kind) as (typeof matchKinds)[number])
    : undefined;
  const q = one(params.q).slice(0, 100);
  const needQ = one(params.needQ).slice(0, 100);
  const seedQ = one(params.seedQ).slice(0, 100);
  const [rows, needOptions, seedOptions, t, tc, format, locale] = await Promise.all([
    listCoordinatorQueue(viewer, { status, kind, q }),
    searchListingsForPairing(viewer, 'need', needQ),
    searchListingsForPairing(viewer, 'seed', seedQ),
    getTranslations('introductions'),
    getTranslations('common'),
    getFormatter(),
    getLocale(),
  ]);
  const orgName = (ja: string | null, en: string | null) => (locale === 'en' ? en : ja) ?? '';
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('queue')}</h1>
        <p className="mt-1 text-slate-700">{t('queueIntro')}</p>
      </div>
      <form method="get" action="/introductions/queue" className="grid gap-3 sm:grid-cols-4 sm:items-end">
        <FormField label={t('filterStatus')}>
          <Select name="status" defaultValue={status}>
            {matchStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t('filterKind')}>
          <Select name="kind" defaultValue={kind ?? ''}>
            <option value="">{tc('all')}</option>
            {matchKinds.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t('filterQuery')}>
          <TextField name="q" defaultValue={q} maxLength={100} />
        </FormField>
        <div>
          <Button type="submit" variant="secondary">
            {t('filter')}
          </Button>
        </div>
      </form>

      {rows.length === 0 ? (
        <EmptyState title={t('queueEmpty')} />
      ) : (
        <section aria-label={t('queue')} className="flex flex-col gap-4">
          {status === 'proposed' && <BulkDecision formId="queue" />}
          <ul id="queue" className="flex flex-col gap-4">
            {rows.map((m) => {
              const title = [m.need?.title, m.seed?.title].filter(Boolean).join(' ↔ ');
              const reasons = knownReasons(m.reasons).slice(0, 8);
              return (
                <li key={m.id}>
                  <Card>
                    <CardHeader className="flex flex-wrap items-center gap-3">
                      {m.status === 'proposed' && (
                        <input
                          type="checkbox"
                          name="bulk"
                          value={`${m.id}:${m.version}`}
                          aria-label={t('select', { title })}
                          className="size-5"
                        />
                      )}
                      <CardTitle as="h2" className="text-base">
                        <Link href={`/introductions/${m.id}`} className="underline">
                          {title}
                        </Link>
                      </CardTitle>
                      <Badge tone="info">{t(`kinds.${m.kind}`)}</Badge>
                      {m.score !== null && (
                        <Badge>
                          {t('score')} {format.number(m.score, { maximumFractionDigits: 2 })}
                        </Badge>
                      )}
                      <span className="text-sm text-slate-700">
                        {t('age')}: {format.dateTime(m.createdAt, 'short')}
                      </span>
                    </CardHeader>
                    <CardBody className="flex flex-col gap-3">
                      <div className="grid gap-3 md:grid-cols-2">
                        {m.need?.id && (
                          <div>
                            <p className="text-sm font-medium text-teal-800">
                              {t('need')} · {orgName(m.need.orgNameJa, m.need.orgNameEn)}
                            </p>
                            <p className="font-medium">{m.need.title}</p>
                            <p className="text-sm text-slate-700">{m.need.summary}</p>
                          </div>
                        )}
                        {m.seed?.id && (
                          <div>
                            <p className="text-sm font-medium text-teal-800">
                              {t('seed')} · {orgName(m.seed.orgNameJa, m.seed.orgNameEn)}
                            </p>
                            <p className="font-medium">{m.seed.title}</p>
                            <p className="text-sm text-slate-700">{m.seed.summary}</p>
                          </div>
                        )}
                        {m.requester?.kind && (
                          <div>
                            <p className="text-sm font-medium text-teal-800">
                              {t('sides.requester')} · {orgName(m.requester.nameJa, m.requester.nameEn)}
                            </p>
                            <dl className="text-sm text-slate-700">
                              <dt className="font-medium">{t('offer')}</dt>
                              <dd>{m.offer}</dd>
                              <dt className="font-medium">{t('want')}</dt>
                              <dd>{m.want}</dd>
                              <dt className="font-medium">{t('timing')}</dt>
                              <dd>{m.timing}</dd>
                            </dl>
                          </div>
                        )}
                      </div>
                      {reasons.length > 0 && (
                        <div>
                          <p className="text-sm font-medium">{t('reasons')}</p>
                          <MatchReasons reasons={reasons} className="list-disc pl-5 text-sm text-slate-700" />
                        </div>
                      )}
                      {m.status === 'proposed' && (
                        <CoordinatorDecision matchId={m.id} version={m.version} title={title} />
                      )}
                    </CardBody>
                  </Card>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <Card>
        <CardHeader>
          <CardTitle>{t('proposeTitle')}</CardTitle>
        </CardHeader>
        <CardBody className="flex flex-col gap-4">
          <form method="get" action="/introductions/queue" className="grid gap-3 sm:grid-cols-3 sm:items-end">
            <FormField label={t('searchNeed')}>
              <TextField name="needQ" defaultValue={needQ} maxLength={100} />
            </FormField>
            <FormField label={t('searchSeed')}>
              <TextField name="seedQ" defaultValue={seedQ} maxLength={100} />
            </FormField>
            <div>
              <Button type="submit" variant="secondary">
                {tc('search')}
              </Button>
            </div>
          </form>
          {needOptions.length > 0 && seedOptions.length > 0 && <ProposeMatch needs={needOptions} seeds={seedOptions} />}
        </CardBody>
      </Card>
    </div>
  );
}
