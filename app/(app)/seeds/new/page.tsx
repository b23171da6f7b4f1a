import { listingPageMetadata, NewListingPage } from '@/components/listings/listing-editor-pages';
import { requirePermission } from '@/lib/auth/guard';

export const generateMetadata = () => listingPageMetadata('seed', 'newTitle');

export default async function NewSeedPage() {
  const viewer = await requirePermission('seeds.create');
  return <NewListingPage viewer={viewer} kind="seed" />;
}
