import { ClientMessages, LISTING_MESSAGES } from '@/components/layout/client-messages';

// The coordinator’s review of listings (review form).
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={LISTING_MESSAGES}>{children}</ClientMessages>;
}
