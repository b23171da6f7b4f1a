import { openApiDocument } from '@/lib/api/openapi';

// Public: the document describes the API, it reveals no data.
export const dynamic = 'force-static';

export function GET() {
  return Response.json(openApiDocument());
}
