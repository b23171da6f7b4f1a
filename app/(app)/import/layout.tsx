import { ClientMessages } from '@/components/layout/client-messages';

// The import form and its preview.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['import']}>{children}</ClientMessages>;
}
