import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import { getViewer } from '@/lib/auth/session';
import { countUnreadNotifications } from '@/lib/notifications/data';
import { LanguageSwitch } from './language-switch';
import { navItemsFor } from './nav-items';
import { SignOutButton } from './sign-out-button';

export async function SiteHeader() {
  const viewer = await getViewer().catch(() => null); // a database outage must not break every page
  const t = await getTranslations('nav');
  const items = navItemsFor(viewer);
  const tn = await getTranslations('notifications');
  const ti = await getTranslations('introductions');
  const unread = can(viewer, 'notifications.view') ? await countUnreadNotifications(viewer!).catch(() => 0) : null;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href={viewer ? '/home' : '/'} className="text-lg font-semibold tracking-tight text-teal-800">
          ClusterMatch
        </Link>
        {items.length > 0 && (
          <nav aria-label={t('main')} className="flex flex-wrap gap-1">
            {items.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                className="rounded px-2.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
              >
                {t(item.labelKey)}
              </Link>
            ))}
          </nav>
        )}
        <div className="ml-auto flex items-center gap-2">
          {can(viewer, 'introductions.coordinate') && (
            <Link href="/coordinator/matches" className="rounded px-2.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
              {ti('queue')}
            </Link>
          )}
          {can(viewer, 'introductions.view') && viewer?.role !== 'admin' && (
            <Link href="/introductions" className="rounded px-2.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
              {ti('title')}
            </Link>
          )}
          {unread !== null && (
            <Link href="/notifications" className="flex items-center gap-1 rounded px-2.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
              {tn('title')}
              {unread > 0 && (
                <span className="rounded-full bg-red-700 px-2 text-xs font-semibold text-white">
                  {unread}
                  <span className="sr-only"> {tn('unread')}</span>
                </span>
              )}
            </Link>
          )}
          <LanguageSwitch />
          {viewer ? (
            <SignOutButton />
          ) : (
            <Link href="/sign-in" className="rounded px-2.5 py-2 text-sm font-medium text-teal-800 hover:bg-teal-50">
              {t('signIn')}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
