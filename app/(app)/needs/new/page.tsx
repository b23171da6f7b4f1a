import { listingPageMetadata, NewListingPage } from '@/components/listings/listing-editor-pages';
import { requirePermission } from '@/lib/auth/guard';

export const generateMetadata = () => listingPageMetadata('need', 'newTitle');

export default async function NewNeedPage() {
  const viewer = await requirePermission('needs.create');
  return <NewListingPage viewer={viewer} kind="need" />;
}
