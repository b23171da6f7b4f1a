import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import { getViewer } from '@/lib/auth/session';
import { countUnreadNotifications } from '@/lib/notifications/data';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';
import { navItemsFor } from './nav-items';
import { SignOutButton } from './sign-out-button';

export async function SiteHeader() {
  const viewer = await getViewer().catch(() => null); // a database outage must not break every page
  const [t, tn] = await Promise.all([getTranslations('nav'), getTranslations('notifications')]);
  const items = navItemsFor(viewer).map((item) => ({ href: item.href, label: t(item.labelKey) }));
  const unread = can(viewer, 'notifications.view') ? await countUnreadNotifications(viewer!).catch(() => 0) : null;
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex w-full max-w-6xl items-center gap-x-4 px-4 py-3 sm:px-6">
        <Link href={viewer ? '/home' : '/'} className="shrink-0 text-lg font-semibold tracking-tight text-teal-800">
          ClusterMatch
        </Link>
        {viewer && (
          <MainNav
            label={t('main')}
            menuLabel={t('menu')}
            items={items}
            extra={
              <>
                <LanguageSwitch />
                <SignOutButton />
              </>
            }
          />
        )}
        <div className="ml-auto flex shrink-0 items-center gap-2">
          {unread !== null && (
            <Link
              href="/notifications"
              className="flex items-center gap-1 whitespace-nowrap rounded px-2 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
            >
              {tn('title')}
              {unread > 0 && (
                <span className="rounded-full bg-red-700 px-2 text-xs font-semibold text-white">
                  {unread}
                  <span className="sr-only"> {tn('unread')}</span>
                </span>
              )}
            </Link>
          )}
          <div className={viewer ? 'hidden items-center gap-2 xl:flex' : 'flex items-center gap-2'}>
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
      </div>
    </header>
  );
}
