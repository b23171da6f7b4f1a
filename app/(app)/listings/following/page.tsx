import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/components/listings/status-badge';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePermission } from '@/lib/auth/guard';
import { listFollowed } from '@/lib/listings/follows';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('listings.follow'))('title') };
}

/** The listings a member follows, with what changed since they last opened each. */
export default async function FollowingPage() {
  const viewer = await requirePermission('listings.browse');
  const [rows, t, format] = await Promise.all([
    listFollowed(viewer),
    getTranslations('listings.follow'),
    getFormatter(),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 text-slate-700">{t('intro')}</p>
      </div>
      {rows.length === 0 ? (
        <EmptyState title={t('title')} text={t('empty')} />
      ) : (
        <ul aria-label={t('title')} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
              <Badge>{t(r.kind === 'need' ? 'kindNeed' : 'kindSeed')}</Badge>
              <Link href={`/${r.kind}s/${r.id}`} lang={r.language} className="font-medium underline">
                {r.title}
              </Link>
              <StatusBadge status={r.status} expired={false} />
              <Badge tone={r.changed ? 'warning' : 'neutral'}>
                {r.changedParts.length
                  ? t('changedParts', { parts: format.list(r.changedParts.map((p) => t(`parts.${p}`))) })
                  : t(r.changed ? 'changed' : 'unchanged')}
              </Badge>
              <span className="text-sm text-slate-700">
                {t('updated', { date: format.dateTime(r.updatedAt, 'short') })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
