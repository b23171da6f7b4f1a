import { BROWSE_MESSAGES, ClientMessages } from '@/components/layout/client-messages';

// The seed form and the owner's list.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={BROWSE_MESSAGES}>{children}</ClientMessages>;
}
