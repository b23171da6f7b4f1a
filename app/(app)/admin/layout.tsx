import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can, type Permission } from '@/lib/auth/policy';
import { getViewer } from '@/lib/auth/session';

const sections: { href: string; key: string; permission: Permission }[] = [
  { href: '/admin', key: 'dashboard', permission: 'admin.organisations' },
  { href: '/admin/organisations', key: 'organisations', permission: 'admin.organisations' },
  { href: '/admin/users', key: 'users', permission: 'admin.users' },
  { href: '/admin/clusters', key: 'clusters', permission: 'admin.clusters' },
  { href: '/admin/audit', key: 'audit', permission: 'admin.audit' },
  { href: '/admin/outbox', key: 'outbox', permission: 'mail.outbox' },
];

// Each page checks its own permission; the section menu shows only what the viewer may open.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const [viewer, t] = await Promise.all([getViewer(), getTranslations('admin.nav')]);
  const visible = sections.filter((s) => can(viewer, s.permission));
  return (
    <div className="flex flex-col gap-6">
      {visible.length > 0 && (
        <nav aria-label={t('label')} className="-mx-1 overflow-x-auto">
          <ul className="flex gap-1 border-b border-slate-200 pb-2">
            {visible.map((s) => (
              <li key={s.href}>
                <Link href={s.href} className="block whitespace-nowrap rounded px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900">
                  {t(s.key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {children}
    </div>
  );
}
