import { ClientMessages, LISTING_MESSAGES } from '@/components/layout/client-messages';

// The coordinator’s queue: match proposals and decisions, with listing summaries.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={LISTING_MESSAGES}>{children}</ClientMessages>;
}
