import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { officeCounts } from '@/lib/home/office';

/** The programme office's home: what waits for it (verifications, approvals) and the size of the portal. */
export async function OfficeHome() {
  const [counts, t, tp, format] = await Promise.all([
    officeCounts(),
    getTranslations('admin.dashboard'),
    getTranslations('programme.dashboard'),
    getFormatter(),
  ]);
  const tiles = [
    {
      key: 'pendingOrganisations',
      value: counts.pendingOrganisations,
      href: '/organisations?verified=no',
      urgent: counts.pendingOrganisations > 0,
    },
    {
      key: 'pendingMembers',
      value: counts.pendingMembers,
      href: '/users?approval=pending&disabled=no',
      urgent: counts.pendingMembers > 0,
    },
    { key: 'users', value: counts.users, href: '/users', urgent: false },
    { key: 'clusters', value: counts.clusters, href: '/clusters', urgent: false },
  ] as const;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-2 text-slate-700">{t('intro')}</p>
        <p className="mt-2">
          <Link href="/programme" className="font-medium text-teal-800 underline underline-offset-2">
            {tp('officeLink')}
          </Link>
        </p>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {tiles.map((tile) => (
          <li key={tile.key}>
            <Link
              href={tile.href}
              className={`flex h-full flex-col gap-1 rounded-lg border bg-white p-4 shadow-xs hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700 ${tile.urgent ? 'border-amber-500' : 'border-slate-200'}`}
            >
              <span className="text-3xl font-semibold text-slate-900">{format.number(tile.value)}</span>
              <span className="font-medium text-teal-800 underline underline-offset-2">{t(tile.key)}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <Link href="/audit" className="font-medium text-teal-800 underline underline-offset-2">
          {t('auditLink')}
        </Link>
      </p>
    </div>
  );
}
