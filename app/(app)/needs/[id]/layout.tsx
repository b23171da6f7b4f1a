import { ClientMessages, LISTING_MESSAGES } from '@/components/layout/client-messages';

// A need's page, form and partners: owner actions, interest form, proposing a match.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={LISTING_MESSAGES}>{children}</ClientMessages>;
}
