import { apiListings } from '@/lib/api/listings';
import { withApiAuth } from '@/lib/api/handler';
import { operations } from '@/lib/api/v1';

export const dynamic = 'force-dynamic';

export const GET = withApiAuth(operations.listNeeds, ({ viewer, query }) => apiListings.search(viewer, 'needs', query));

export const POST = withApiAuth(operations.createNeed, ({ viewer, body, ip }) =>
  apiListings.create(viewer, 'needs', body, ip),
);
