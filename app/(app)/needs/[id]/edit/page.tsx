import { EditListingPage, listingPageMetadata } from '@/components/listings/listing-editor-pages';
import { requirePermission } from '@/lib/auth/guard';

export const generateMetadata = () => listingPageMetadata('need', 'editTitle');

export default async function EditNeedPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('needs.create');
  return <EditListingPage viewer={viewer} kind="need" id={(await params).id} />;
}
