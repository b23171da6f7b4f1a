import { apiListings } from '@/lib/api/listings';
import { withApiAuth, otherMethods } from '@/lib/api/handler';
import { operations } from '@/lib/api/v1';

export const dynamic = 'force-dynamic';

export const GET = withApiAuth(operations.getSeed, ({ viewer, params, ip }) =>
  apiListings.get(viewer, 'seeds', params.id, ip),
);

export const PATCH = withApiAuth(operations.updateSeed, ({ viewer, params, body, ip }) =>
  apiListings.update(viewer, 'seeds', params.id, body, ip),
);

// the other methods get a JSON 405 naming these (not Next.js's empty answer)
export const { POST, PUT, DELETE } = otherMethods('GET', 'PATCH');
