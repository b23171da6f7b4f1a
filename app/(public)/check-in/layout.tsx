import { ClientMessages } from '@/components/layout/client-messages';

// The confirmation page of a check-in mail's links.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['checkIns']}>{children}</ClientMessages>;
}
