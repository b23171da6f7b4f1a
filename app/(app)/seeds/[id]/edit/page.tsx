import { EditListingPage, listingPageMetadata } from '@/components/listings/listing-editor-pages';
import { requirePermission } from '@/lib/auth/guard';

export const generateMetadata = () => listingPageMetadata('seed', 'editTitle');

export default async function EditSeedPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('seeds.create');
  return <EditListingPage viewer={viewer} kind="seed" id={(await params).id} />;
}
