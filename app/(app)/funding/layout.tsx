import { ClientMessages } from '@/components/layout/client-messages';

// Funding proposals: the SME's editor, documents, the lenders' review forms, the partner's consent.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['funding', 'attachments']}>{children}</ClientMessages>;
}
