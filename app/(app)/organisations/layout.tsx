import { ClientMessages, OFFICE_MESSAGES } from '@/components/layout/client-messages';

// Verification buttons and the organisation form.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={OFFICE_MESSAGES}>{children}</ClientMessages>;
}
