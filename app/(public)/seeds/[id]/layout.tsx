import { ClientMessages } from '@/components/layout/client-messages';

// A seed's page: owner actions, and the interest form of an introduction.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['listings', 'domains', 'orgKinds', 'introductions']}>{children}</ClientMessages>;
}
