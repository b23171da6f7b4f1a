import { ClientMessages } from '@/components/layout/client-messages';

// Notification controls and mail preferences.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['notifications', 'checkIns']}>{children}</ClientMessages>;
}
