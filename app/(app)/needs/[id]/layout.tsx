import { ClientMessages } from '@/components/layout/client-messages';

// A need's page, form and partners: owner actions, interest form, proposing a match.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['listings', 'domains', 'orgKinds', 'introductions']}>{children}</ClientMessages>;
}
