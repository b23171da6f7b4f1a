import { ClientMessages } from '@/components/layout/client-messages';

// A seed's form and partners: owner actions, proposing a match.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['listings', 'domains', 'orgKinds', 'introductions']}>{children}</ClientMessages>;
}
