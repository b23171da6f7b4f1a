import { ClientMessages } from '@/components/layout/client-messages';

// The survey's forms (client components) translate their labels and questions from `survey`.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['survey']}>{children}</ClientMessages>;
}
