import { ClientMessages, OFFICE_MESSAGES } from '@/components/layout/client-messages';

// Role form, approval and disable buttons.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={OFFICE_MESSAGES}>{children}</ClientMessages>;
}
