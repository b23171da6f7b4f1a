import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import { getViewer } from '@/lib/auth/session';
import { countUnreadNotifications } from '@/lib/notifications/data';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';
import { navItemsFor } from './nav-items';
import { SignOutButton } from './sign-out-button';

/**
 * Every page behind these links is dynamic (it reads the session), so Next's automatic prefetch gains a
 * click nothing, yet each page view sent one request per header link (about half the server's page
 * requests in the browser suite): the header's links do not prefetch (nor MainNav's).
 */
export async function SiteHeader() {
  const viewer = await getViewer().catch(() => null); // a database outage must not break every page
  const [t, tn] = await Promise.all([getTranslations('nav'), getTranslations('notifications')]);
  const items = navItemsFor(viewer).map((item) => ({ href: item.href, label: t(item.labelKey) }));
  const unread = can(viewer, 'notifications.view') ? await countUnreadNotifications(viewer!).catch(() => 0) : null;
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex w-full max-w-7xl items-center gap-x-2 px-4 py-3 sm:gap-x-4 sm:px-6">
        <Link
          href={viewer ? '/home' : '/'}
          prefetch={false}
          className="shrink-0 text-base font-semibold tracking-tight text-teal-800 sm:text-lg"
        >
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
        <div className="ml-auto flex shrink-0 items-center gap-1 sm:gap-2">
          {unread !== null && (
            <Link
              href="/notifications"
              prefetch={false}
              className="flex min-h-10 items-center gap-1 whitespace-nowrap rounded px-2 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
            >
              {/* a bell on a phone, where the words would push the Menu button off the screen */}
              <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-5 sm:hidden">
                <path d="M10 2a6 6 0 0 0-6 6v2.59l-1.7 1.7A1 1 0 0 0 3 14h14a1 1 0 0 0 .7-1.71L16 10.59V8a6 6 0 0 0-6-6Zm0 16a3 3 0 0 1-2.83-2h5.66A3 3 0 0 1 10 18Z" />
              </svg>
              <span className="sr-only sm:not-sr-only">{tn('title')}</span>
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
              <Link
                href="/sign-in"
                prefetch={false}
                className="whitespace-nowrap rounded px-2 py-2 text-sm font-medium text-teal-800 hover:bg-teal-50 sm:px-2.5"
              >
                {t('signIn')}
              </Link>
            )}
          </div>
        </div>
      </div>
    </header>
  );
}
