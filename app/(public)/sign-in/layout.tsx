import { ClientMessages } from '@/components/layout/client-messages';

// The sign-in form.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['auth']}>{children}</ClientMessages>;
}
