import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getViewer } from '@/lib/auth/session';
import { LanguageSwitch } from './language-switch';
import { navItemsFor } from './nav-items';
import { SignOutButton } from './sign-out-button';

export async function SiteHeader() {
  const viewer = await getViewer().catch(() => null); // a database outage must not break every page
  const t = await getTranslations('nav');
  const items = navItemsFor(viewer);
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
