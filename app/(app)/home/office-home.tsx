import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { officeCounts } from '@/lib/home/office';
import { CountTiles } from './count-tiles';

/** The programme office's home: what waits for it (verifications, approvals) and the size of the portal. */
export async function OfficeHome() {
  const [counts, t, tp] = await Promise.all([
    officeCounts(),
    getTranslations('admin.dashboard'),
    getTranslations('programme.dashboard'),
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
      <CountTiles tiles={tiles.map((tile) => ({ ...tile, label: t(tile.key) }))} />
      <p>
        <Link href="/audit" className="font-medium text-teal-800 underline underline-offset-2">
          {t('auditLink')}
        </Link>
      </p>
    </div>
  );
}
