import { apiListings } from '@/lib/api/listings';
import { withApiAuth, otherMethods } from '@/lib/api/handler';
import { operations } from '@/lib/api/v1';

export const dynamic = 'force-dynamic';

export const GET = withApiAuth(operations.listNeeds, ({ viewer, query }) => apiListings.search(viewer, 'needs', query));

export const POST = withApiAuth(operations.createNeed, ({ viewer, body, ip }) =>
  apiListings.create(viewer, 'needs', body, ip),
);

// the other methods get a JSON 405 naming these (not Next.js's empty answer)
export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST');
