import { ClientMessages, LISTING_MESSAGES } from '@/components/layout/client-messages';

// Review form, match proposals and introduction decisions.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={LISTING_MESSAGES}>{children}</ClientMessages>;
}
