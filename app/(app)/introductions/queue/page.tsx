import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { BulkDecision } from '@/components/introductions/bulk-decision';
import { ProposeSection } from '@/components/introductions/propose-section';
import { QueueList } from '@/components/introductions/queue-list';
import { ListPagination } from '@/components/lists/list-pagination';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { requirePermission } from '@/lib/auth/guard';
import { type FollowUpFilter, followUpFilters } from '@/lib/introductions/check-ins';
import { listCoordinatorQueue, searchListingsForPairing } from '@/lib/introductions/queue';
import { matchKinds, matchStatuses } from '@/db/vocabulary/matching';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('introductions'))('queue') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export default async function CoordinatorMatchesPage({ searchParams }: Props) {
  const viewer = await requirePermission('introductions.coordinate');
  const params = await searchParams;
  const followUp = (followUpFilters as readonly string[]).includes(one(params.followUp))
    ? (one(params.followUp) as FollowUpFilter)
    : undefined;
  // the follow-up filters are about introductions: they show introduced matches whatever the status asked
  const status = followUp
    ? 'introduced'
    : (matchStatuses as readonly string[]).includes(one(params.status))
      ? (one(params.status) as (typeof matchStatuses)[number])
      : 'proposed';
  const kind = (matchKinds as readonly string[]).includes(one(params.kind))
    ? (one(params.kind) as (typeof matchKinds)[number])
    : undefined;
  const q = one(params.q).slice(0, 100);
  const page = Math.min(Math.max(1, Number.parseInt(one(params.page), 10) || 1), 10_000);
  const needQ = one(params.needQ).slice(0, 100);
  const seedQ = one(params.seedQ).slice(0, 100);
  const [queue, needOptions, seedOptions, t, tc, tf] = await Promise.all([
    listCoordinatorQueue(viewer, { status, kind, q, page, followUp }),
    searchListingsForPairing(viewer, 'need', needQ),
    searchListingsForPairing(viewer, 'seed', seedQ),
    getTranslations('introductions'),
    getTranslations('common'),
    getTranslations('checkIns.followUp'),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold">{t('queue')}</h1>
        <p className="mt-1 text-slate-700">{t('queueIntro')}</p>
      </div>
      <form method="get" action="/introductions/queue" className="grid grid-cols-2 gap-3 sm:grid-cols-5 sm:items-end">
        <FormField label={t('filterStatus')}>
          <Select name="status" defaultValue={status}>
            {matchStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={tf('label')}>
          <Select name="followUp" defaultValue={followUp ?? ''}>
            <option value="">{tf('all')}</option>
            {followUpFilters.map((f) => (
              <option key={f} value={f}>
                {tf(f)}
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

      {queue.items.length === 0 ? (
        <EmptyState title={t('queueEmpty')} />
      ) : (
        <section aria-label={t('queue')} className="flex flex-col gap-3">
          <p className="text-sm text-slate-700">{t('queueTotal', { total: queue.total })}</p>
          <QueueList rows={queue.items} now={new Date()} />
          {status === 'proposed' && <BulkDecision formId="queue" />}
        </section>
      )}
      <ListPagination
        path="/introductions/queue"
        filters={{ status: status === 'proposed' ? undefined : status, kind, q: q || undefined, followUp }}
        page={queue.page}
        totalPages={queue.totalPages}
      />

      <ProposeSection needQ={needQ} seedQ={seedQ} needs={needOptions} seeds={seedOptions} />
    </div>
  );
}
