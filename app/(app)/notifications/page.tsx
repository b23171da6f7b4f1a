import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CheckInButtons } from '@/components/introductions/check-in-answer';
import { MarkRead } from '@/components/notifications/notification-controls';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guard';
import { myCheckIns } from '@/lib/introductions/check-ins';
import { notificationsQuerySchema } from '@/lib/notifications/validation';
import { listNotifications } from '@/lib/notifications/data';
import { notificationText } from '@/lib/notifications/text';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notifications'))('title') };
}

type Props = { searchParams: Promise<{ page?: string }> };

export default async function NotificationsPage({ searchParams }: Props) {
  const viewer = await requirePermission('notifications.view');
  const { page } = notificationsQuerySchema.parse({ page: (await searchParams).page ?? 1 });
  const [{ rows, unread, totalPages }, t, root, tc, format] = await Promise.all([
    listNotifications(viewer, page),
    getTranslations('notifications'),
    getTranslations(),
    getTranslations('common'),
    getFormatter(),
  ]);
  // a check-in notification carries its question's one-click answers while the introduction is open
  const checkInOf = (n: (typeof rows)[number]) => {
    const { matchId, days } = n.params;
    return n.kind === 'check_in' && typeof matchId === 'string' && (days === 30 || days === 90)
      ? { matchId, days: days as 30 | 90 }
      : null;
  };
  const asked = rows.map(checkInOf).filter((c) => c !== null);
  const checkIns = await myCheckIns(await getDb(), viewer.organisationId, [...new Set(asked.map((c) => c.matchId))]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-slate-700" aria-live="polite">
          {t('unreadCount', { count: unread })}
        </p>
        {unread > 0 && <MarkRead label={t('markAllRead')} />}
        <Link href="/notifications/settings" className="underline sm:ml-auto">
          {t('settings')}
        </Link>
      </div>
      {rows.length === 0 ? (
        <EmptyState title={t('none')} />
      ) : (
        <ul
          className="flex flex-col divide-y divide-slate-200 rounded-md border border-slate-200"
          aria-label={t('title')}
        >
          {rows.map((n) => (
            <li key={n.id} className={`flex flex-wrap items-center gap-3 p-3 ${n.readAt ? '' : 'bg-teal-50'}`}>
              {!n.readAt && <Badge tone="info">{t('unread')}</Badge>}
              <div className="min-w-0 flex-1">
                <p>{notificationText(root, n)}</p>
                <p className="text-sm text-slate-700">{format.dateTime(n.createdAt, 'long')}</p>
              </div>
              {n.href && (
                <Link href={n.href} className="underline">
                  {t('open')}
                </Link>
              )}
              {!n.readAt && <MarkRead ids={[n.id]} label={t('markRead')} />}
              {(() => {
                const c = checkInOf(n);
                if (!c || !checkIns.open.has(c.matchId)) return null;
                const current = checkIns.answers.get(`${c.matchId}:${c.days}`);
                return (
                  <CheckInButtons
                    matchId={c.matchId}
                    days={c.days}
                    current={{ answer: current?.answer ?? null, version: current?.version ?? 0 }}
                  />
                );
              })()}
            </li>
          ))}
        </ul>
      )}
      <Pagination
        label={t('pages')}
        page={page}
        totalPages={totalPages}
        hrefFor={(p) => (p === 1 ? '/notifications' : `/notifications?page=${p}`)}
        previousLabel={tc('previous')}
        nextLabel={tc('next')}
        pageLabel={(p) => tc('page', { page: p })}
      />
    </div>
  );
}
