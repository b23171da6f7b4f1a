import { ClientMessages, OFFICE_MESSAGES } from '@/components/layout/client-messages';

// Cluster form and coordinator assignment.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={OFFICE_MESSAGES}>{children}</ClientMessages>;
}
