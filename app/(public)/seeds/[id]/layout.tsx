import { ClientMessages, LISTING_MESSAGES } from '@/components/layout/client-messages';

// A seed's page: owner actions, and the interest form of an introduction.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={LISTING_MESSAGES}>{children}</ClientMessages>;
}
