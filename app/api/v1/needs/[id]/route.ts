import { apiListings } from '@/lib/api/listings';
import { withApiAuth } from '@/lib/api/handler';
import { operations } from '@/lib/api/v1';

export const dynamic = 'force-dynamic';

export const GET = withApiAuth(operations.getNeed, ({ viewer, params, ip }) =>
  apiListings.get(viewer, 'needs', params.id, ip),
);

export const PATCH = withApiAuth(operations.updateNeed, ({ viewer, params, body, ip }) =>
  apiListings.update(viewer, 'needs', params.id, body, ip),
);
