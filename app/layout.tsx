import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { HydrationMarker } from '@/components/layout/hydration-marker';
import { SiteHeader } from '@/components/layout/site-header';
import { ToastProvider } from '@/components/ui/toast';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meta');
  return { title: { default: t('title'), template: `%s | ClusterMatch` }, description: t('description') };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const [t, tPrivacy] = await Promise.all([getTranslations('nav'), getTranslations('privacy')]);
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <ClientMessages>
          <ToastProvider dismissLabel={t('dismiss')}>
            <a
              href="#main"
              className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900 focus:shadow"
            >
              {t('skipToContent')}
            </a>
            <SiteHeader />
            <main id="main" className="mx-auto w-full max-w-7xl px-4 py-8 sm:px-6">
              {children}
            </main>
            <footer className="mx-auto w-full max-w-7xl border-t border-slate-200 px-4 py-6 text-sm text-slate-700 sm:px-6">
              <a href="/privacy" className="text-sky-800 underline">
                {tPrivacy('title')}
              </a>
            </footer>
          </ToastProvider>
          <HydrationMarker />
        </ClientMessages>
      </body>
    </html>
  );
}
