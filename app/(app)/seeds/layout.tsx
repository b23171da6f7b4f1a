import { ClientMessages } from '@/components/layout/client-messages';

// The seed form and the owner's list.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['listings', 'searches', 'domains', 'orgKinds']}>{children}</ClientMessages>;
}
