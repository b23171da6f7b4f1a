import { ClientMessages } from '@/components/layout/client-messages';

// The sign-up form and its organisation fields.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['auth', 'org', 'orgKinds', 'domains']}>{children}</ClientMessages>;
}
