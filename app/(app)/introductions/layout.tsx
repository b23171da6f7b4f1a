import { ClientMessages } from '@/components/layout/client-messages';

// Introduction threads, responses, NDA and follow-up forms.
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages namespaces={['introductions', 'checkIns', 'outcomes', 'domains', 'orgKinds', 'territories']}>
      {children}
    </ClientMessages>
  );
}
