import { openApiDocument } from '@/lib/api/openapi';
import { otherMethods } from '@/lib/api/handler';

// Public: the document describes the API, it reveals no data.
export const dynamic = 'force-static';

export function GET() {
  return Response.json(openApiDocument());
}

// the other methods get a JSON 405 naming these (not Next.js's empty answer)
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
