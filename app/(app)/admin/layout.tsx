import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { SectionNav } from '@/components/layout/section-nav';
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
        <SectionNav label={t('label')} items={visible.map((s) => ({ href: s.href, label: t(s.key) }))} />
      )}
      {/* forms of users, organisations and clusters */}
      <ClientMessages namespaces={['admin', 'roles', 'org', 'orgKinds', 'domains']}>{children}</ClientMessages>
    </div>
  );
}
