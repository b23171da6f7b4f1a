import { BROWSE_MESSAGES, ClientMessages } from '@/components/layout/client-messages';

// Search form, saved-search tools and result cards.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={BROWSE_MESSAGES}>{children}</ClientMessages>;
}
