import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { CoordinatorHome } from './coordinator-home';
import { MemberHome } from './member-home';
import { OfficeHome } from './office-home';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('home') };
}

/**
 * Where every role lands after signing in: one page, a view per role over the features it works
 * with. Members of an organisation not yet verified are sent to their account page by the guard.
 */
export default async function HomePage() {
  const viewer = await requirePermission('member.browse');
  switch (viewer.role) {
    case 'admin':
      return <OfficeHome />;
    case 'coordinator':
      return <CoordinatorHome viewer={viewer} />;
    default:
      return <MemberHome viewer={viewer} />;
  }
}
