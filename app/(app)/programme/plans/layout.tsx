import { ClientMessages } from '@/components/layout/client-messages';

// The plan form (a client component) translates its labels, phases and KPIs from programme.plans.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['programme']}>{children}</ClientMessages>;
}
