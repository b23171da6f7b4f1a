import { apiListings } from '@/lib/api/listings';
import { withApiAuth, otherMethods } from '@/lib/api/handler';
import { operations } from '@/lib/api/v1';

export const dynamic = 'force-dynamic';

export const GET = withApiAuth(operations.getNeed, ({ viewer, params, ip }) =>
  apiListings.get(viewer, 'needs', params.id, ip),
);

export const PATCH = withApiAuth(operations.updateNeed, ({ viewer, params, body, ip }) =>
  apiListings.update(viewer, 'needs', params.id, body, ip),
);

// the other methods get a JSON 405 naming these (not Next.js's empty answer)
export const { POST, PUT, DELETE } = otherMethods('GET', 'PATCH');
