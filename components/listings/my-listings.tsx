import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import type { NeedView, SeedView } from '@/lib/listings/listing-views';
import { expiresSoon, isExpired } from '@/lib/listings/rules';
import { OwnerActions } from './owner-actions';
import { StatusBadge } from './status-badge';

/** The owner's list: status, expiry notices, review comments and the actions per listing. */
export async function MyListings({
  items,
  basePath,
  emptyTitle,
  emptyText,
}: {
  items: Array<NeedView | SeedView>;
  basePath: string;
  emptyTitle: string;
  emptyText: string;
}) {
  const [t, format] = await Promise.all([getTranslations('listings'), getFormatter()]);
  if (!items.length) return <EmptyState title={emptyTitle} text={emptyText} />;
  const date = (d: Date) => format.dateTime(d, 'short');
  return (
    <ul className="flex flex-col gap-3" aria-label={t('owner.caption')}>
      {items.map((item) => {
        const m = item.manage!;
        const expired = item.status === 'open' && isExpired(m.expiresAt);
        const soon = item.status === 'open' && expiresSoon(m.expiresAt);
        return (
          <li key={item.id} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-center gap-2">
              <StatusBadge status={item.status} expired={expired} />
              <h2 className="text-lg font-semibold">
                <Link href={`${basePath}/${item.id}`} className="text-teal-800 underline-offset-2 hover:underline">
                  {item.title}
                </Link>
              </h2>
            </div>
            <p className="text-sm text-slate-700">
              {t('owner.updated')}: {date(m.updatedAt)}
              {item.status === 'open' && <> · {t('owner.expires', { date: date(m.expiresAt) })}</>}
            </p>
            {expired && <Alert tone="warning">{t('owner.expired', { date: date(m.expiresAt) })}</Alert>}
            {soon && <Alert tone="warning">{t('owner.expiresSoon', { date: date(m.expiresAt) })}</Alert>}
            {m.reviewComment && item.status === 'draft' && (
              <Alert tone="warning" title={t('form.reviewComment')}>
                <p className="whitespace-pre-wrap">{m.reviewComment}</p>
              </Alert>
            )}
            <OwnerActions
              kind={item.kind}
              id={item.id}
              version={m.version}
              status={item.status}
              expiresAt={m.expiresAt.toISOString()}
              title={item.title}
            />
          </li>
        );
      })}
    </ul>
  );
}
