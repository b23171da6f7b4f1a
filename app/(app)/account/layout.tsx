import { ClientMessages } from '@/components/layout/client-messages';

// Profile, password, API tokens, saved searches and mail preferences.
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages
      namespaces={['account', 'auth', 'api', 'searches', 'notifications', 'domains', 'orgKinds', 'privacy']}
    >
      {children}
    </ClientMessages>
  );
}
