import { ClientMessages } from '@/components/layout/client-messages';

// Review form, match proposals and introduction decisions.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['listings', 'domains', 'orgKinds', 'introductions']}>{children}</ClientMessages>;
}
