import { ClientMessages } from '@/components/layout/client-messages';

// Search form, saved-search tools, result cards and the need form.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['listings', 'searches', 'domains', 'orgKinds']}>{children}</ClientMessages>;
}
