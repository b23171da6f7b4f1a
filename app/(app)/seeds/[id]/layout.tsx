import { ClientMessages, LISTING_MESSAGES } from '@/components/layout/client-messages';

// A seed's form and partners: owner actions, proposing a match.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={LISTING_MESSAGES}>{children}</ClientMessages>;
}
