import { handlePublic } from '@/lib/api/handle-public';
import { json } from '@/lib/api/route';
import { buildOpenApiDocument } from '@/lib/openapi/document';
import { openApiDocumentEndpoint } from '@/lib/openapi/endpoints';

// Reaches no store: it runs on the edge, which also keeps route() honest about being edge-safe.
export const runtime = 'edge';

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = handlePublic(openApiDocumentEndpoint, () => {
  cached ??= buildOpenApiDocument();
  return json(cached, 200, { 'cache-control': 'public, max-age=300' });
});
